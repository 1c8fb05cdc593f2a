import type {
  AccessChange,
  BudgetChange,
  ChangeOp,
  GrantSide,
  DepartmentSummary,
  NumberChange,
  PolicyAssignmentChange,
  PropertyChange,
  ResourceChange,
  SkuDelta,
} from "../model";
import { RESOURCE_TYPES } from "../../resourceTypes";
import {
  ENTRA_ELIGIBILITY_TYPE,
  GROUP_ELIGIBILITY_TYPE,
  GROUP_TYPE,
  ROLE_ASSIGNMENT_TYPE,
  UNIT_TYPE,
} from "../access";
import { membershipAsWritten, membershipChange, membershipOfRule } from "../membershipWords";
import { describeValue, describeValueChange } from "./valueChange";
import { EACH_DEPARTMENT, mentionsEachDepartment, type MergedSection } from "./groupSections";
import { count, shortTypeName, signed } from "../wording";
import type { Code } from "./code";

/** Reviewer wording of each kind of change, shared by the markdown and text formatters. */
export { plain, type Code } from "./code";

export const OP_SYMBOL: Record<ChangeOp, string> = { create: "+", update: "~", replace: "+-", delete: "-" };

const where = (department: string, other: string) => (department === other ? "" : ` (from ${other})`);

export function describeNumber(n: NumberChange, code: Code): string {
  switch (n.kind) {
    case "added":
      return `added ${code(n.entry.number)} → ${n.entry.user} (${n.entry.category}, ${code(n.entry.emergencyLocation)})`;
    case "removed":
      return `removed ${code(n.entry.number)} from ${n.entry.user}`;
    case "renumbered":
      return `${n.user} moved ${code(n.from.number)} → ${code(n.to.number)}${where(n.to.department, n.from.department)}`;
    case "reassigned":
      return `${code(n.number)} moved ${n.from.user} → ${n.to.user}${where(n.to.department, n.from.department)}`;
    case "updated":
      return `${code(n.to.number)} (${n.to.user}): ${n.fields.map((f) => `${f} ${code(n.from[f])} → ${code(n.to[f])}`).join(", ")}`;
  }
}

/** "+3 added, −1 removed, 2 moved, 1 updated". */
export function numberTally(numbers: readonly NumberChange[]): string {
  const n = (k: NumberChange["kind"]) => numbers.filter((x) => x.kind === k).length;
  const parts: string[] = [];
  if (n("added") > 0) parts.push(`${signed(n("added"))} added`);
  if (n("removed") > 0) parts.push(`${signed(-n("removed"))} removed`);
  const moved = n("renumbered") + n("reassigned");
  if (moved > 0) parts.push(`${moved.toLocaleString("en-GB")} moved`);
  if (n("updated") > 0) parts.push(`${n("updated").toLocaleString("en-GB")} updated`);
  return parts.join(", ");
}

export function describeLicence(l: SkuDelta, code: Code): string {
  const seats =
    l.before === l.after
      ? ""
      : `${signed(l.after - l.before)} seats (${l.before.toLocaleString("en-GB")} → ${l.after.toLocaleString("en-GB")})`;
  const plans = [
    l.plansDisabled.length > 0 ? `switches off ${l.plansDisabled.map(code).join(", ")}` : "",
    l.plansEnabled.length > 0 ? `switches on ${l.plansEnabled.map(code).join(", ")}` : "",
  ].filter(Boolean);
  return `${code(l.sku)} ${[seats, ...plans].filter(Boolean).join("; ")}`;
}

/**
 * A grant change in the department file's words: the policy and the rank the author wrote. The Teams position
 * appears only when it moves on its own (a department ranked before this one came or went), or when the plan
 * was built without the definitions and it is all that is known.
 */
export function describePolicy(p: PolicyAssignmentChange, code: Code): string {
  const rankOf = (x: GrantSide) => (x.rank === undefined ? `Teams position ${x.position}` : `rank ${x.rank}`);
  const side = (x: GrantSide | undefined) => (x ? `${code(x.policyName)} (${rankOf(x)})` : "none");
  const { before, after } = p;
  if (before && after && before.policyName === after.policyName) {
    if (before.rank !== undefined && before.rank === after.rank)
      return (
        `${p.policyType} ${code(after.policyName)} rank ${after.rank} (unchanged); its Teams position moves ` +
        `${before.position} → ${after.position} because another department's grant came, went or changed rank ` +
        `ahead of it; its people keep the policy`
      );
    if (before.rank !== undefined && after.rank !== undefined)
      return `${p.policyType} ${code(after.policyName)} rank ${before.rank} → ${after.rank}`;
    return `${p.policyType} ${code(after.policyName)} Teams position ${before.position} → ${after.position}`;
  }
  return `${p.policyType} ${side(before)} → ${side(after)}`;
}

export function describeBudget(b: BudgetChange): string {
  const money = (v: number | undefined) => (v === undefined ? "none" : v.toLocaleString("en-GB"));
  if (b.amountBefore === undefined) {
    return `${b.name}: new, ${money(b.amountAfter)} a month, alerts at ${b.thresholdsAfter.join("/")} % to ${b.contactsAdded.join(", ")}`;
  }
  if (b.amountAfter === undefined) return `${b.name}: removed (was ${money(b.amountBefore)} a month)`;
  const parts: string[] = [];
  if (b.amountBefore !== b.amountAfter)
    parts.push(`${money(b.amountBefore)} → ${money(b.amountAfter)} a month`);
  if (b.thresholdsBefore.join() !== b.thresholdsAfter.join()) {
    parts.push(
      `alerts at ${b.thresholdsBefore.join("/") || "none"} % → ${b.thresholdsAfter.join("/") || "none"} %`,
    );
  }
  if (b.contactsAdded.length > 0) parts.push(`alerts also to ${b.contactsAdded.join(", ")}`);
  if (b.contactsRemoved.length > 0) parts.push(`alerts no longer to ${b.contactsRemoved.join(", ")}`);
  return `${b.name}: ${parts.join("; ")}`;
}

/** "a, b and 3 more": lists of people stay one line. */
function people(names: readonly string[], max = 4): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} and ${(names.length - max).toLocaleString("en-GB")} more` : shown;
}

/**
 * Access in words: "grp-cde-x-admins gets Contributor on resource group rg-cde-x", "group grp-cde-x: new;
 * members adm.ana@…; owners …", "group grp-cde-x: members + bea@…; membership rule A → B".
 */
/** A group's dynamic membership change in the department file's words (membershipWords.ts). */
function ruleChange(before: string | undefined, after: string | undefined, code: Code): string {
  const words = (r: string | undefined) =>
    r === undefined ? "none" : membershipAsWritten(membershipOfRule(r), code);
  if (before === undefined || after === undefined)
    return `dynamic membership ${words(before)} → ${words(after)}`;
  const change = membershipChange(membershipOfRule(before), membershipOfRule(after), code);
  return change
    ? `dynamic membership ${change}`
    : `dynamic membership ${words(after)} (rewritten, same users)`;
}

export function describeAccess(a: AccessChange, code: Code): string {
  if (a.kind === "role") {
    const verb = a.eligible
      ? a.op === "granted"
        ? "becomes eligible for"
        : "is no longer eligible for"
      : a.op === "granted"
        ? "gets"
        : "loses";
    const power = a.privileged ? " (can grant access to others)" : "";
    return `${code(a.principal)} ${verb} ${a.role}${power} on ${a.scope}${holding(a.groupHolds)}`;
  }
  const parts: string[] = [];
  if (a.op === "created") {
    parts.push("new");
    if (a.ruleAfter !== undefined)
      parts.push(`dynamic membership ${membershipAsWritten(membershipOfRule(a.ruleAfter), code)}`);
    if (a.membersAdded.length > 0) parts.push(`members ${people(a.membersAdded)}`);
    if (a.ownersAdded.length > 0) parts.push(`owners ${people(a.ownersAdded)}`);
  } else if (a.op === "deleted") {
    parts.push(
      `deleted${a.membersRemoved.length > 0 ? `, its members (${people(a.membersRemoved)}) lose what it grants` : ""}`,
    );
  } else {
    if (a.membersAdded.length > 0) parts.push(`members + ${people(a.membersAdded)}`);
    if (a.membersRemoved.length > 0) parts.push(`members − ${people(a.membersRemoved)}`);
    if (a.ownersAdded.length > 0) parts.push(`owners + ${people(a.ownersAdded)}`);
    if (a.ownersRemoved.length > 0) parts.push(`owners − ${people(a.ownersRemoved)}`);
    if (a.ruleBefore !== a.ruleAfter) parts.push(ruleChange(a.ruleBefore, a.ruleAfter, code));
  }
  return `${a.container ?? "group"} ${code(a.group)}: ${parts.join("; ")}${holding(a.groupHolds)}`;
}

/** What joining a group brings, so a reviewer sees the rights behind a membership. */
function holding(holds: readonly string[] | undefined): string {
  return holds && holds.length > 0 ? `, which holds: ${holds.join("; ")}` : "";
}

/** A changed path: lists by what was added and removed, long strings by the part that changed (valueChange.ts). */
export function describeProperty(p: PropertyChange, code: Code): string {
  const mark = p.replaces ? " (forces replace)" : "";
  if (p.old === undefined)
    return `${code(p.path)} added ${p.secret ? "[secret]" : describeValue(p.new, code)}${mark}`;
  if (p.new === undefined) return `${code(p.path)} removed${mark}`;
  if (p.secret) return `${code(p.path)} [secret] → [secret]${mark}`;
  return `${code(p.path)} ${describeValueChange(p.old, p.new, code)}${mark}`;
}

/** Batched resources whose entries the section already tells in words (numbers, licences, policy grants). */
const SUMMARISED_TYPES: readonly string[] = [
  RESOURCE_TYPES.numberAssignments,
  RESOURCE_TYPES.groupLicenses,
  RESOURCE_TYPES.groupPolicyAssignments,
];

const ACCESS_TYPES: readonly string[] = [
  GROUP_TYPE,
  ROLE_ASSIGNMENT_TYPE,
  UNIT_TYPE,
  ENTRA_ELIGIBILITY_TYPE,
  GROUP_ELIGIBILITY_TYPE,
];

/** `assignments[+3491…].userPrincipalName` → `assignments[+3491…]`: the entry a path belongs to. */
function entryOf(path: string): string {
  const close = path.indexOf("]");
  return close < 0 ? path : path.slice(0, close + 1);
}

/** One resource change on one line; at most `maxProperties` changed paths, then "and N more". */
export function describeChange(c: ResourceChange, code: Code, maxProperties = 3): string {
  const head = `${code(OP_SYMBOL[c.op])} ${c.op === "replace" ? "likely replace" : c.op} ${shortTypeName(c.type)} ${code(c.name)}`;
  if (c.op !== "update" && c.op !== "replace") return head;
  // Groups and role assignments hold object ids a reviewer cannot read: the access lines name them.
  if (c.op === "update" && ACCESS_TYPES.includes(c.type)) return `${head}: access changes in words above`;
  if (c.op === "update" && SUMMARISED_TYPES.includes(c.type)) {
    const entries = new Set(c.properties.map((p) => entryOf(p.path))).size;
    return `${head}: ${count(entries, "entry", "entries")} changed, in words above`;
  }
  const shown = c.properties.slice(0, maxProperties).map((p) => describeProperty(p, code));
  const more = c.properties.length - shown.length;
  const extra = c.op === "replace" && c.properties.length === 0 ? [c.replaceReasons.join(", ")] : [];
  return `${head}: ${[...extra, ...shown].join("; ")}${more > 0 ? `; and ${more.toLocaleString("en-GB")} more` : ""}`;
}

/** "3 to create, 1 to update" for a section. */
export function opTally(changes: readonly ResourceChange[]): string {
  const ops: ChangeOp[] = ["create", "update", "replace", "delete"];
  return ops
    .map((op) => [op, changes.filter((c) => c.op === op).length] as const)
    .filter(([, n]) => n > 0)
    .map(([op, n]) => `${n.toLocaleString("en-GB")} to ${op}`)
    .join(", ");
}

/** The departments a section stands for: its own, every one of a merged section, or "tenant-wide". */
export function sectionNames(s: DepartmentSummary | MergedSection): string[] {
  if ("departments" in s && s.departments.length > 1) return [...s.departments];
  return [s.department ?? "tenant-wide"];
}

/** "barajas · 1 to update", or for a merged section "barajas, centro (2 departments alike; …) · 1 to update each". */
export function sectionTitle(s: DepartmentSummary | MergedSection): string {
  const names = sectionNames(s);
  const many = names.length > 1;
  const status =
    s.status === "new"
      ? ` (new department${many ? "s" : ""})`
      : s.status === "removed"
        ? ` (department${many ? "s" : ""} removed)`
        : "";
  const alike =
    "departments" in s && many
      ? ` (${names.length} departments alike${mentionsEachDepartment(s) ? `; ${EACH_DEPARTMENT} is each of them` : ""})`
      : "";
  const tally = opTally(s.changes);
  return `${names.join(", ")}${status}${alike}${tally ? ` · ${tally}${many ? " each" : ""}` : ""}`;
}
