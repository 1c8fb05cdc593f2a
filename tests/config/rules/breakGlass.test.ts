import { breakGlassRule } from "../../../src/config/rules/breakGlass";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";
import { BREAK_GLASS_1, IDENTITY, withIdentity } from "./helpers/identity";

const CULTURE = "departments/culture.yaml";

describe("break-glass-accounts", () => {
  const cases: RuleCase[] = [
    { name: "no identity section: nothing to check", errors: [] },
    { name: "two accounts, used nowhere else", edits: [withIdentity(IDENTITY())], errors: [] },
    {
      name: "nobody to mail when one signs in (no breakGlassAlerts, no Defender contacts)",
      edits: [withIdentity(IDENTITY("", false))],
      errors: [
        "tenant.yaml:95:3: identity.breakGlass: nobody is mailed when a break-glass account signs in — list who in identity.breakGlassAlerts (or set landingZone.defender.contacts)",
      ],
    },
    {
      name: "one account",
      edits: [
        withIdentity(
          "identity:\n  breakGlass:\n    - userPrincipalName: solo@villa.onmicrosoft.com\n      objectId: 11111111-1111-4111-8111-111111111111\n  breakGlassAlerts: [seguridad@villa.example]\n",
        ),
      ],
      errors: [
        "tenant.yaml:96:5: identity.breakGlass: only 1 break-glass account is named — name at least 2 emergency accounts, so losing one still leaves a way in when conditional access locks everyone out",
      ],
    },
    {
      name: "none",
      edits: [withIdentity("identity:\n  breakGlass: []\n  breakGlassAlerts: [seguridad@villa.example]\n")],
      errors: [
        "tenant.yaml:95:15: identity.breakGlass: no break-glass account is named — name at least 2 emergency accounts, so losing one still leaves a way in when conditional access locks everyone out",
      ],
    },
    {
      name: "the same account twice (UPN case differs) counts once",
      edits: [withIdentity(IDENTITY()), ["tenant.yaml", "emergencia2@villa", "EMERGENCIA1@villa"]],
      errors: [
        "tenant.yaml:96:5: identity.breakGlass: only 1 break-glass account is named — name at least 2 emergency accounts, so losing one still leaves a way in when conditional access locks everyone out",
        "tenant.yaml:98:26: identity.breakGlass[1].userPrincipalName: break-glass account 'EMERGENCIA1@villa.onmicrosoft.com' is already listed at tenant.yaml:96 — name each emergency account once",
      ],
    },
    {
      name: "two UPNs with the same object id",
      edits: [
        withIdentity(IDENTITY()),
        ["tenant.yaml", "22222222-2222-4222-8222-222222222222", "11111111-1111-4111-8111-111111111111"],
      ],
      errors: [
        "tenant.yaml:96:5: identity.breakGlass: only 1 break-glass account is named — name at least 2 emergency accounts, so losing one still leaves a way in when conditional access locks everyone out",
        "tenant.yaml:99:17: identity.breakGlass[1].objectId: break-glass object id '11111111-1111-4111-8111-111111111111' is already listed at tenant.yaml:97 — name each emergency account once",
      ],
    },
    {
      name: "a department owner and admin",
      edits: [
        withIdentity(IDENTITY()),
        [
          CULTURE,
          "owners: [ana@villa.example]",
          `owners: [ana@villa.example, ${BREAK_GLASS_1}]\nadmins: [Emergencia2@villa.onmicrosoft.com]`,
        ],
      ],
      errors: [
        `departments/culture.yaml:5:29: owners[1]: '${BREAK_GLASS_1}' is a break-glass account and may not be a department owner — emergency accounts sign in only when everything else fails; name a person's own account here`,
        "departments/culture.yaml:6:10: admins[0]: 'Emergencia2@villa.onmicrosoft.com' is a break-glass account and may not be a department admin — emergency accounts sign in only when everything else fails; name a person's own account here",
      ],
    },
    {
      name: "a phone number",
      edits: [withIdentity(IDENTITY()), ["numbers/culture.csv", "pedro@villa.example", BREAK_GLASS_1]],
      errors: [
        `numbers/culture.csv:3:1: userPrincipalName: '${BREAK_GLASS_1}' is a break-glass account and may not get a phone number (or the Teams voice policies that come with one) — remove the row`,
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(breakGlassRule, change)).toEqual(errors),
  );
});
