import type { Rule, RuleContext } from "./context";
import { domainOf, suggestion } from "./wording";

const msg = {
  secondPrimary: (user: string, first: string) =>
    `${user} already has a primary number at ${first} — a user has one primary number; make this one 'alternate' or 'private'`,
  unknownLocation: (id: string, hint: string) =>
    `emergency location '${id}' does not exist (${hint}) — use a location id from emergencyAddresses[].locations in tenant.yaml`,
  unverified: (upn: string, hint: string) =>
    `${upn} is not in a verified domain (${hint}) — a user principal name must end in one of organization.verifiedDomains`,
  secondOfCategory: (user: string, category: string, first: string) =>
    `${user} already has ${/^[aeiou]/.test(category) ? "an" : "a"} ${category} number at ${first} — Teams gives a user one number per category; make this one another category or remove one`,
  malformed: (upn: string) =>
    `${upn} is not a well-formed user principal name — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'`,
};

/**
 * The part before '@' that Entra ID accepts in a user principal name: up to 64 of A-Z a-z 0-9 ' . - _ ! # ^ ~, no
 * '.' right before '@' (Microsoft Entra "Password policies and account restrictions", Username policies,
 * https://learn.microsoft.com/entra/identity/authentication/concept-sspr-policy; Graph's user resource lists the
 * same characters). Leading '.' and '..' are refused as in any e-mail local part (RFC 5322 dot-atom).
 */
export const UPN_LOCAL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9'._!#^~-]{1,64}(?<!\.)$/;

export const assignmentsRule: Rule = {
  info: {
    id: "number-assignments",
    summary:
      "Each assignment is for a well-formed user principal name in a verified domain, at an existing emergency location, and no user has two numbers of the same category (two primary numbers above all).",
    errors: [
      {
        when: "a user has a second `primary` row (in any numbers file)",
        example: msg.secondPrimary("ana@madrid.example", "stacks/example/numbers/culture.csv:2"),
      },
      {
        when: "a user has a second `private` or `alternate` row (Teams refuses a second number of a category)",
        example: msg.secondOfCategory(
          "ana@madrid.example",
          "private",
          "stacks/example/numbers/culture.csv:7",
        ),
      },
      {
        when: "`emergencyLocation` names no location of `emergencyAddresses`",
        example: msg.unknownLocation("town-hall-p9", "did you mean 'town-hall-p0'?"),
      },
      {
        when: "the user principal name's domain is not verified",
        example: msg.unverified("ana@madrid.exmaple", "did you mean 'madrid.example'?"),
      },
      {
        when: "the part before '@' is not a valid user principal name",
        example: msg.malformed("ana..gil@madrid.example"),
      },
    ],
  },
  check: checkAssignments,
};

function checkAssignments(ctx: RuleContext): void {
  const byCategory = new Map<string, string>();
  for (const file of ctx.loaded.numbers) {
    for (const row of file.rows) {
      const { userPrincipalName: upn, category } = row.value;
      const local = upn.slice(0, upn.lastIndexOf("@"));
      if (!UPN_LOCAL.test(local)) ctx.atRow(file, row, "userPrincipalName", msg.malformed(upn));
      // Entra ID matches user principal names case-insensitively.
      const key = `${upn.toLowerCase()}|${category}`;
      const first = byCategory.get(key);
      if (!first) byCategory.set(key, `${file.file}:${row.line}`);
      else if (category === "primary") ctx.atRow(file, row, "category", msg.secondPrimary(upn, first));
      else ctx.atRow(file, row, "category", msg.secondOfCategory(upn, category, first));
    }
  }

  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const locations = tenant.value.emergencyAddresses.flatMap((a) => a.locations.map((l) => l.id));
  const known = new Set(locations);
  const domains = tenant.value.organization.verifiedDomains;
  for (const file of ctx.loaded.numbers) {
    for (const row of file.rows) {
      const { userPrincipalName: upn, emergencyLocation } = row.value;
      if (!known.has(emergencyLocation)) {
        ctx.atRow(
          file,
          row,
          "emergencyLocation",
          msg.unknownLocation(emergencyLocation, suggestion(emergencyLocation, locations)),
        );
      }
      const domain = domainOf(upn);
      if (!domains.includes(domain))
        ctx.atRow(file, row, "userPrincipalName", msg.unverified(upn, suggestion(domain, domains)));
    }
  }
}
