import { conditionalAccessRisks } from "./conditionalAccess";
import type {
  DepartmentSummary,
  LicenceCost,
  NumberChange,
  PolicyAssignmentChange,
  ResourceChange,
  Risk,
  RiskLevel,
} from "./model";
import {
  EMERGENCY_RESOURCE_TYPES,
  isEmergencyPolicyType,
  onlyPositionMoved,
  samePolicy,
} from "./policyAssignments";
import { money, signedMoney } from "./licenceCost";
import { count, namesUpTo, shortTypeName, signed } from "./wording";

/**
 * Risk ranking: what a reviewer must look at first. High: anything that takes something away or may interrupt
 * service (deletions, likely replacements, numbers released, licence seats removed, any emergency-calling
 * change, a role that can grant access, a conditional access policy switched on). Medium: changes people notice (numbers moving, policy grants, budgets,
 * Teams policy edits, roles granted, people added to a group).
 * Creates and other updates are not risks; they are in the department sections.
 */
const ORDER: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };

/** How many names a grouped risk lists before "and N more". */
const LIST = 3;

const listNames = (names: readonly string[]) => namesUpTo(names, LIST);

const where = (s: DepartmentSummary) => s.department ?? "tenant-wide";

function numberRisks(s: DepartmentSummary): Risk[] {
  const of = (kind: NumberChange["kind"]) => s.numbers.filter((n) => n.kind === kind);
  const risks: Risk[] = [];
  const removed = of("removed") as Extract<NumberChange, { kind: "removed" }>[];
  if (removed.length > 0) {
    risks.push({
      level: "high",
      kind: "number-removed",
      department: s.department,
      message: `${where(s)}: ${count(removed.length, "number")} released (${listNames(removed.map((n) => `${n.entry.number} ${n.entry.user}`))})`,
    });
  }
  const located = (of("updated") as Extract<NumberChange, { kind: "updated" }>[]).filter((n) =>
    n.fields.includes("emergencyLocation"),
  );
  if (located.length > 0) {
    risks.push({
      level: "high",
      kind: "emergency-location",
      department: s.department,
      message: `${where(s)}: emergency location of ${count(located.length, "number")} changed (${listNames(located.map((n) => `${n.to.number} ${n.from.emergencyLocation} → ${n.to.emergencyLocation}`))})`,
    });
  }
  const moved = s.numbers.filter((n) => n.kind === "renumbered" || n.kind === "reassigned").length;
  if (moved > 0) {
    risks.push({
      level: "medium",
      kind: "number-moved",
      department: s.department,
      message: `${where(s)}: ${count(moved, "number")} moved (a user's number or a number's user changed)`,
    });
  }
  return risks;
}

function resourceRisks(s: DepartmentSummary): Risk[] {
  const risks: Risk[] = [];
  const deleted = s.changes.filter((c) => c.op === "delete");
  if (deleted.length > 0) {
    risks.push({
      level: "high",
      kind: "delete",
      department: s.department,
      message: `${where(s)}: ${count(deleted.length, "resource")} deleted (${listNames(deleted.map((c) => `${shortTypeName(c.type)} ${c.name}`))})`,
      urn: deleted.length === 1 ? deleted[0]?.urn : undefined,
    });
  }
  for (const c of s.changes.filter((x) => x.op === "replace")) {
    risks.push({
      level: "high",
      kind: "replace",
      department: s.department,
      message: `${where(s)}: ${shortTypeName(c.type)} ${c.name} is likely replaced (${c.replaceReasons.join(", ")})`,
      urn: c.urn,
    });
  }
  for (const c of s.changes.filter((x) => EMERGENCY_RESOURCE_TYPES.includes(x.type) && x.op !== "delete")) {
    // A new emergency policy or address takes nothing away; changing one alters what existing users get.
    risks.push({
      level: c.op === "create" ? "medium" : "high",
      kind: "emergency",
      department: s.department,
      message: `${where(s)}: emergency calling — ${shortTypeName(c.type)} ${c.name} ${c.op === "create" ? "created" : "changed"}`,
      urn: c.urn,
    });
  }
  for (const r of conditionalAccessRisks(s.changes, where(s))) risks.push({ ...r, department: s.department });
  for (const line of s.phone.filter((l) => l.risk)) {
    risks.push({
      level: "high",
      kind: line.risk!,
      department: s.department,
      message: `${where(s)}: ${line.text}`,
    });
  }
  const teams = s.policyResources.filter(
    (c) => c.op === "update" && !EMERGENCY_RESOURCE_TYPES.includes(c.type),
  );
  if (teams.length > 0) {
    risks.push({
      level: "medium",
      kind: "teams-policy",
      department: s.department,
      message: `${where(s)}: ${count(teams.length, "Teams policy", "Teams policies")} changed (${listNames(teams.map((c) => c.name))})`,
    });
  }
  return risks;
}

/** Deleting or replacing one of these destroys the department's landing zone and everything in it. */
const LANDING_ZONE_ANCHORS = ["azure-native:resources:ResourceGroup", "azure-native:network:VirtualNetwork"];

/** `spaincentral → westeurope` when the resource group's region changes, else undefined. */
function regionChange(changes: readonly ResourceChange[]): string | undefined {
  for (const c of changes) {
    if (c.type !== LANDING_ZONE_ANCHORS[0]) continue;
    const location = c.properties.find((p) => p.path === "location");
    if (location) return `its region changes ${String(location.old)} → ${String(location.new)}`;
  }
  return undefined;
}

/**
 * Removing or renaming a department, or moving it to another region, destroys its resource group (with every
 * resource in it, also those the department created by hand), its spoke and peerings. One high risk names all of
 * it and says how to do it on purpose: the resources are protected, so `pulumi up` stops until released.
 */
function landingZoneRisks(s: DepartmentSummary): Risk[] {
  if (s.department === undefined) return [];
  const destroyed = s.changes.filter(
    (c) => (c.op === "delete" || c.op === "replace") && c.type.startsWith("azure-native:"),
  );
  const anchor = destroyed.find((c) => LANDING_ZONE_ANCHORS.includes(c.type));
  if (!anchor) return [];
  const why =
    s.status === "removed"
      ? "the department is removed or renamed"
      : (regionChange(destroyed) ?? "its resource group or spoke is replaced");
  const names = destroyed.map((c) => `${shortTypeName(c.type)} ${c.name}`).join(", ");
  return [
    {
      level: "high",
      kind: "landing-zone-destroyed",
      department: s.department,
      message:
        `${s.department}: landing zone destroyed because ${why} — ${names}, and every resource inside the ` +
        `resource group, including any the department created itself. They are protected: \`pulumi up\` stops ` +
        `until they are released on purpose (docs/running-for-real.md, "Retiring or moving a department")`,
      urn: anchor.urn,
    },
  ];
}

function licenceRisks(s: DepartmentSummary): Risk[] {
  const risks: Risk[] = [];
  for (const l of s.licences) {
    if (l.after < l.before) {
      risks.push({
        level: "high",
        kind: "licence-removed",
        department: s.department,
        message: `${where(s)}: ${l.sku} ${signed(l.after - l.before)} seats${l.after === 0 ? " (SKU removed)" : ""}`,
      });
    }
    if (l.plansDisabled.length > 0) {
      risks.push({
        level: "medium",
        kind: "plans-disabled",
        department: s.department,
        message: `${where(s)}: ${l.sku} switches off ${l.plansDisabled.join(", ")}`,
      });
    }
  }
  return risks;
}

/**
 * The departments whose grant of `policyType` only shifted position in this plan, granting another policy than
 * `policyName`: the ones a department changing its own rank passed (positions move only between the old and
 * the new place). People in both get whichever policy comes first.
 */
function passedGrants(
  summaries: readonly DepartmentSummary[],
  department: string | undefined,
  policyType: string,
  policyName: string,
): { department: string; policyName: string }[] {
  return summaries.flatMap((o) =>
    o.department === undefined || o.department === department
      ? []
      : o.policies
          .filter((q) => q.policyType === policyType && onlyPositionMoved(q))
          .filter((q) => q.after!.policyName !== policyName)
          .map((q) => ({ department: o.department!, policyName: q.after!.policyName })),
  );
}

function policyRisks(s: DepartmentSummary, all: readonly DepartmentSummary[]): Risk[] {
  // A new department's grants take nothing from anyone; they are in its section, not among the risks.
  if (s.status === "new") return [];
  return s.policies.flatMap((p): Risk[] => {
    const emergency = isEmergencyPolicyType(p.policyType);
    const risk = (message: string): Risk => ({
      level: emergency ? "high" : "medium",
      kind: emergency ? "emergency" : "policy-assignment",
      department: s.department,
      message,
    });
    if (!samePolicy(p))
      return [
        risk(
          `${where(s)}: ${p.policyType} ${p.before?.policyName ?? "(none)"} → ${p.after?.policyName ?? "(none)"}`,
        ),
      ];
    // Same policy, re-placed because another department's grant came, went or changed rank: nobody's changes.
    if (onlyPositionMoved(p)) return [];
    // Same policy at another rank: its own people keep it. Only people also in a department it passed can get
    // another policy, and only when that department grants a different one.
    const { before, after } = p as Required<PolicyAssignmentChange>;
    const passed = passedGrants(all, s.department, p.policyType, after.policyName);
    if (passed.length === 0) return [];
    const ahead = after.position < before.position;
    const others = [...new Set(passed.map((x) => x.policyName))].sort().join(", ");
    const rank =
      before.rank !== undefined && after.rank !== undefined ? ` rank ${before.rank} → ${after.rank}` : "";
    return [
      risk(
        `${where(s)}: ${p.policyType} ${after.policyName}${rank} now comes ${ahead ? "before" : "after"} ${others} ` +
          `(${listNames([...new Set(passed.map((x) => x.department))])}): people also in those get ` +
          `${ahead ? after.policyName : others}`,
      ),
    ];
  });
}

function budgetRisks(s: DepartmentSummary): Risk[] {
  return s.budgets
    .filter((b) => b.amountBefore !== undefined && b.amountAfter !== undefined)
    .filter(
      (b) =>
        b.amountAfter! < b.amountBefore! ||
        b.contactsRemoved.length > 0 ||
        b.thresholdsAfter.join() !== b.thresholdsBefore.join(),
    )
    .map((b) => ({
      level: "medium" as const,
      kind: "budget",
      department: s.department,
      message: `${where(s)}: budget ${b.name} ${b.amountBefore} → ${b.amountAfter}${b.contactsRemoved.length > 0 ? `, alerts no longer reach ${b.contactsRemoved.join(", ")}` : ""}`,
    }));
}

/**
 * Access: a role that lets its holder grant access to others is high; any other role granted, or people added
 * to a group's members or owners, is medium (someone can do more than before). Revocations take access away
 * from no one who should keep it unless the reviewer says so: they are in the section, not among the risks.
 */
function accessRisks(s: DepartmentSummary): Risk[] {
  const risks: Risk[] = [];
  for (const a of s.access) {
    if (a.kind === "role" && a.op === "granted") {
      risks.push({
        level: a.privileged ? "high" : "medium",
        kind: a.privileged ? "access-privileged" : "access",
        department: s.department,
        message: `${where(s)}: ${a.principal} ${a.eligible ? "becomes eligible for" : "gets"} ${a.role}${a.privileged ? " (can grant access to others)" : ""} on ${a.scope}`,
      });
    }
    if (a.kind === "group" && a.op === "changed") {
      const added = [...a.membersAdded, ...a.ownersAdded];
      if (added.length > 0) {
        risks.push({
          level: "medium",
          kind: "access",
          department: s.department,
          message: `${where(s)}: ${a.group} gains ${listNames(added)}`,
        });
      }
    }
  }
  return risks;
}

/**
 * A department whose licence cost a month rises by more than `planRisks.costIncreasePerMonth` (tenant.yaml at
 * the head) is a medium risk: money, not service. Without a threshold no increase is a risk.
 */
export function costRisks(cost: LicenceCost | undefined, threshold: number | undefined): Risk[] {
  if (!cost || threshold === undefined) return [];
  return cost.departments
    .filter((d) => d.delta > threshold)
    .map((d) => ({
      level: "medium" as const,
      kind: "cost-increase",
      department: d.department,
      message:
        `${d.department}: licence cost ${signedMoney(d.delta)} ${cost.currency} a month ` +
        `(${money(d.before)} → ${money(d.after)}), above the ${money(threshold)} of planRisks.costIncreasePerMonth`,
    }));
}

/** More medium risks of one kind than this are one line naming the departments (high ones are never merged). */
const MERGE_ABOVE = 5;

function mergeMedium(risks: readonly Risk[]): Risk[] {
  const byKind = new Map<string, Risk[]>();
  for (const r of risks) if (r.level === "medium") byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const merged: Risk[] = [];
  const done = new Set<string>();
  for (const r of risks) {
    const group = byKind.get(r.kind);
    if (r.level !== "medium" || !group || group.length <= MERGE_ABOVE) merged.push(r);
    else if (!done.has(r.kind)) {
      done.add(r.kind);
      // A section with several risks of one kind is named once.
      const names = [...new Set(group.map((g) => g.department ?? "tenant-wide"))];
      merged.push({
        level: "medium",
        kind: r.kind,
        message: `${KIND_WORDS[r.kind] ?? r.kind} in ${names.length} sections: ${listNames(names)}`,
      });
    }
  }
  return merged;
}

const KIND_WORDS: Record<string, string> = {
  "number-moved": "numbers moved",
  "policy-assignment": "policy grants changed",
  budget: "budgets changed",
  "plans-disabled": "service plans switched off",
  "teams-policy": "Teams policies changed",
  emergency: "emergency calling resources created",
  access: "access granted",
  "conditional-access-off": "conditional access policies no longer enforced",
  "cost-increase": "licence cost increases above the threshold",
};

/** Every risk of every section, highest first, then in section order (a stable order for goldens). */
export function rankRisks(
  summaries: readonly DepartmentSummary[],
  fromDefinitions: readonly Risk[] = [],
): Risk[] {
  const risks = [
    ...fromDefinitions,
    ...summaries.flatMap((s) => [
      ...landingZoneRisks(s),
      ...resourceRisks(s),
      ...numberRisks(s),
      ...licenceRisks(s),
      ...policyRisks(s, summaries),
      ...budgetRisks(s),
      ...accessRisks(s),
    ]),
  ];
  return mergeMedium(risks)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER[a.r.level] - ORDER[b.r.level] || a.i - b.i)
    .map(({ r }) => r);
}

/** The highest risk level of a section, for ordering departments (high-risk first). */
export function sectionLevel(risks: readonly Risk[], department: string | undefined): RiskLevel {
  let level: RiskLevel = "low";
  for (const r of risks) if (r.department === department && ORDER[r.level] < ORDER[level]) level = r.level;
  return level;
}

export function compareLevels(a: RiskLevel, b: RiskLevel): number {
  return ORDER[a] - ORDER[b];
}
