import type { Rule, RuleContext } from "./context";
import { place } from "./wording";

/** Fewer than this and one lost phone or locked-out account leaves nobody who can fix conditional access. */
export const MIN_BREAK_GLASS = 2;

const msg = {
  tooFew: (n: number) =>
    `${n === 0 ? "no break-glass account is" : `only ${n} break-glass account is`} named — name at least ${MIN_BREAK_GLASS} emergency accounts, so losing one still leaves a way in when conditional access locks everyone out`,
  duplicate: (what: string, value: string, where: string) =>
    `break-glass ${what} '${value}' is already listed at ${where} — name each emergency account once`,
  departmentRole: (upn: string, role: "owner" | "admin") =>
    `'${upn}' is a break-glass account and may not be a department ${role} — emergency accounts sign in only when everything else fails; name a person's own account here`,
  nobodyAlerted: () =>
    "nobody is mailed when a break-glass account signs in — list who in identity.breakGlassAlerts (or set landingZone.defender.contacts)",
  number: (upn: string) =>
    `'${upn}' is a break-glass account and may not get a phone number (or the Teams voice policies that come with one) — remove the row`,
};

export const breakGlassRule: Rule = {
  info: {
    id: "break-glass-accounts",
    summary:
      "tenant.yaml names at least two distinct break-glass accounts and someone to mail when one signs in, and none of them is a department's owner or admin or holds a phone number.",
    errors: [
      { when: "fewer than two break-glass accounts are named", example: msg.tooFew(1) },
      {
        when: "an account (UPN or object id) is listed twice",
        example: msg.duplicate("account", "emergencia1@villa.onmicrosoft.com", "tenant.yaml:70"),
      },
      {
        when: "a break-glass account is a department's owner or admin",
        example: msg.departmentRole("emergencia1@villa.onmicrosoft.com", "admin"),
      },
      {
        when: "neither identity.breakGlassAlerts nor landingZone.defender.contacts names who to mail about a sign-in",
        example: msg.nobodyAlerted(),
      },
      {
        when: "a numbers file gives a break-glass account a number",
        example: msg.number("emergencia1@villa.onmicrosoft.com"),
      },
    ],
  },
  check: checkBreakGlass,
};

function checkBreakGlass(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  const identity = tenant?.value.identity;
  if (!tenant || !identity) return;
  if (!identity.breakGlassAlerts && !tenant.value.landingZone.defender?.contacts.length)
    ctx.at(tenant, ["identity", "breakGlass"], msg.nobodyAlerted(), true);
  const upns = new Map<string, number>();
  const ids = new Map<string, number>();
  identity.breakGlass.forEach((account, i) => {
    const path = ["identity", "breakGlass", i];
    const upn = account.userPrincipalName.toLowerCase();
    const id = account.objectId.toLowerCase();
    const sameUpn = upns.get(upn);
    const sameId = ids.get(id);
    if (sameUpn !== undefined) {
      const where = place(tenant, ["identity", "breakGlass", sameUpn, "userPrincipalName"]);
      ctx.at(
        tenant,
        [...path, "userPrincipalName"],
        msg.duplicate("account", account.userPrincipalName, where),
      );
    } else if (sameId !== undefined) {
      const where = place(tenant, ["identity", "breakGlass", sameId, "objectId"]);
      ctx.at(tenant, [...path, "objectId"], msg.duplicate("object id", account.objectId, where));
    }
    if (!upns.has(upn)) upns.set(upn, i);
    if (!ids.has(id)) ids.set(id, i);
  });
  // Distinct accounts: the same person listed twice is still one way in.
  const distinct = identity.breakGlass.filter(
    (a, i) => upns.get(a.userPrincipalName.toLowerCase()) === i && ids.get(a.objectId.toLowerCase()) === i,
  ).length;
  if (distinct < MIN_BREAK_GLASS) ctx.at(tenant, ["identity", "breakGlass"], msg.tooFew(distinct));

  for (const dep of ctx.loaded.departments) {
    for (const role of ["owners", "admins"] as const) {
      dep.value[role].forEach((upn, i) => {
        if (upns.has(upn.toLowerCase())) {
          ctx.at(dep, [role, i], msg.departmentRole(upn, role === "owners" ? "owner" : "admin"));
        }
      });
    }
  }
  for (const file of ctx.loaded.numbers) {
    for (const row of file.rows) {
      const upn = row.value.userPrincipalName;
      if (upns.has(upn.toLowerCase())) ctx.atRow(file, row, "userPrincipalName", msg.number(upn));
    }
  }
}
