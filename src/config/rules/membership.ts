import { membershipScope, normalizedRule } from "../../identity/ruleScope";
import { formatPath, type FieldPath } from "../diagnostics";
import type { LoadedYaml } from "../load";
import type { Department, Tenant } from "../schema";
import type { Rule, RuleContext } from "./context";
import { place, suggestion } from "./wording";

const APPROVALS = "platformApprovals.membershipRules in tenant.yaml";

const msg = {
  sharedValue: (value: string, attribute: string, other: string) =>
    `user.${attribute} '${value}' is also matched by ${other} — a user belongs to one department: remove the value from one of the two files`,
  otherAttribute: (attribute: string, otherAttribute: string, other: string) =>
    `membership tests user.${attribute} but ${other} tests user.${otherAttribute}, so one user can match both — use attribute '${otherAttribute}' like the other departments`,
  unrestricted: (reason: string) =>
    `this raw rule is not restricted to the department's own attribute values (${reason}), so it can match every department's users — use attribute and values, add a top-level -and (user.department -in ["…"]) term, or ask the platform team to approve this exact rule under ${APPROVALS}`,
  notApproved: (at: string) =>
    `this raw rule differs from the rule the platform team approved at ${at} — restore the approved rule, or ask the platform team to approve the new one`,
  unknownDepartment: (id: string, hint: string) =>
    `approval names department '${id}', which does not exist (${hint}) — name a file in departments/ or remove the approval`,
};

export const membershipScopeRule: Rule = {
  info: {
    id: "membership-scope",
    summary:
      "A department's group contains only its own people: no two departments' memberships can match the same user, " +
      "and a raw rule not restricted to the department's own values needs the platform team's approval.",
    errors: [
      {
        when: "two departments match the same value of the same attribute (case-insensitive, as Entra compares)",
        example: msg.sharedValue(
          "Cultura",
          "department",
          "departments/culture.yaml:8 (membership.values[0])",
        ),
      },
      {
        when: "two departments test different attributes, which one user can satisfy both",
        example: msg.otherAttribute("officeLocation", "department", "departments/culture.yaml:7"),
      },
      {
        when: "a raw rule does not restrict members to attribute values (e.g. `(user.accountEnabled -eq true)`) and no approval names it",
        example: msg.unrestricted("no top-level -and term says user.<attribute> -eq or -in a list of values"),
      },
      {
        when: "a raw rule differs from the one its approval names",
        example: msg.notApproved("tenant.yaml:96"),
      },
      {
        when: "an approval names a department that does not exist",
        example: msg.unknownDepartment("cultur", "did you mean 'culture'?"),
      },
    ],
  },
  check: checkMembershipScope,
};

interface Claim {
  dep: LoadedYaml<Department>;
  path: FieldPath;
}

function checkMembershipScope(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  const approvals = tenant?.value.platformApprovals?.membershipRules ?? [];
  const ids = ctx.loaded.departmentFileIds;
  if (tenant) {
    approvals.forEach((a, i) => {
      if (!ids.includes(a.department))
        ctx.at(
          tenant,
          ["platformApprovals", "membershipRules", i, "department"],
          msg.unknownDepartment(a.department, suggestion(a.department, ids)),
        );
    });
  }

  let firstAttribute: { attribute: string; where: string } | undefined;
  const claims = new Map<string, Claim>();
  for (const dep of ctx.loaded.departments) {
    const membership = dep.value.membership;
    if (!membership) continue;
    const raw = "rule" in membership;
    const scope = membershipScope(membership);
    // An approved raw rule is the platform team's decision, overlap included: only its text is checked.
    if (raw && (!scope.restricted || approvals.some((a) => a.department === dep.value.id))) {
      checkApproval(ctx, dep, tenant, approvals, membership.rule, scope.restricted ? "" : scope.reason);
      continue;
    }
    if (!scope.restricted) continue;
    const attribute = scope.attribute.toLowerCase();
    const attrPath: FieldPath = raw ? ["membership", "rule"] : ["membership", "attribute"];
    if (!firstAttribute) firstAttribute = { attribute: scope.attribute, where: place(dep, attrPath) };
    else if (firstAttribute.attribute.toLowerCase() !== attribute) {
      ctx.at(
        dep,
        attrPath,
        msg.otherAttribute(scope.attribute, firstAttribute.attribute, firstAttribute.where),
      );
      continue;
    }
    scope.values.forEach((value, i) => {
      const key = value.trim().toLowerCase();
      const path: FieldPath = raw ? ["membership", "rule"] : ["membership", "values", i];
      const first = claims.get(key);
      if (!first) claims.set(key, { dep, path });
      else if (first.dep !== dep) {
        const other = `${place(first.dep, first.path)} (${formatPath(first.path)})`;
        ctx.at(dep, path, msg.sharedValue(value, scope.attribute, other));
      }
    });
  }
}

function checkApproval(
  ctx: RuleContext,
  dep: LoadedYaml<Department>,
  tenant: LoadedYaml<Tenant> | undefined,
  approvals: Tenant["platformApprovals"]["membershipRules"],
  rule: string,
  reason: string,
): void {
  const index = approvals.findIndex((a) => a.department === dep.value.id);
  if (index < 0 || !tenant) {
    ctx.at(dep, ["membership", "rule"], msg.unrestricted(reason));
    return;
  }
  if (normalizedRule(approvals[index].rule) !== normalizedRule(rule)) {
    const at = place(tenant, ["platformApprovals", "membershipRules", index, "rule"]);
    ctx.at(dep, ["membership", "rule"], msg.notApproved(at));
  }
}
