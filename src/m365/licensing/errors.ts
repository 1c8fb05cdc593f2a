/**
 * Members whose licence from the group failed, grouped by reason (graph-teams-licensing.md §1.4): the
 * report an operator acts on (CountViolation → buy seats; MutuallyExclusiveViolation → a conflicting direct
 * licence; ProhibitedInUsageLocationViolation → fix the user's usage location).
 */
import type { MemberLicences } from "./types";

export interface ReasonSummary {
  reason: string;
  /** Members with at least one failed licence for this reason. */
  members: number;
  /** Per SKU part number, members affected. */
  skus: Record<string, number>;
  /** A few user principal names (or ids), for the message. */
  examples: string[];
}

export interface LicenceErrorReport {
  /** Members Graph lists under membersWithLicenseErrors. */
  total: number;
  /** Members whose licenseAssignmentStates were read (the rest only counted). */
  inspected: number;
  byReason: ReasonSummary[];
}

const EXAMPLES = 5;

/** Graph's reason, normalised: the docs once said "Others", the service says "Other"; a bare Error state is "Other". */
export function errorReason(state: { state?: string | null; error?: string | null }): string | undefined {
  const error = state.error ?? undefined;
  if (error && error !== "None") return error === "Others" ? "Other" : error;
  if (state.state === "Error" || state.state === "ActiveWithError") return "Other";
  return undefined;
}

export function summarizeLicenceErrors(
  groupId: string,
  members: readonly MemberLicences[],
  skuName: (skuId: string) => string,
  total: number = members.length,
): LicenceErrorReport {
  const byReason = new Map<string, ReasonSummary>();
  for (const member of members) {
    const reasons = new Map<string, Set<string>>();
    for (const s of member.licenseAssignmentStates ?? []) {
      // Errors from other groups or direct assignments are not this resource's to report.
      if ((s.assignedByGroup ?? "").toLowerCase() !== groupId.toLowerCase()) continue;
      const reason = errorReason(s);
      if (!reason) continue;
      const skus = reasons.get(reason) ?? new Set<string>();
      skus.add(skuName((s.skuId ?? "").toLowerCase()));
      reasons.set(reason, skus);
    }
    for (const [reason, skus] of reasons) {
      const entry = byReason.get(reason) ?? { reason, members: 0, skus: {}, examples: [] };
      entry.members += 1;
      for (const sku of skus) entry.skus[sku] = (entry.skus[sku] ?? 0) + 1;
      if (entry.examples.length < EXAMPLES) entry.examples.push(member.userPrincipalName ?? member.id);
      byReason.set(reason, entry);
    }
  }
  return {
    total,
    inspected: members.length,
    byReason: [...byReason.values()].sort(
      (a, b) => b.members - a.members || a.reason.localeCompare(b.reason),
    ),
  };
}

const ADVICE: Record<string, string> = {
  CountViolation: "not enough seats: buy seats or free them, then run again",
  MutuallyExclusiveViolation: "a service plan conflicts with another licence the user holds",
  DependencyViolation: "a service plan needs another plan that is disabled or missing",
  ProhibitedInUsageLocationViolation: "the service is not offered in the user's usage location",
  UniquenessViolation: "a proxy address conflicts with another object",
  Other: "see the group's licence errors in the Entra admin center",
};

export function formatLicenceErrorReport(
  department: string,
  groupId: string,
  report: LicenceErrorReport,
): string {
  const lines = [
    `${report.total} member(s) of department ${department} (group ${groupId}) have licence errors:`,
  ];
  for (const r of report.byReason) {
    const skus = Object.entries(r.skus)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([sku, n]) => `${sku} ${n}`)
      .join(", ");
    const more = r.members > r.examples.length ? `, …` : "";
    lines.push(
      `  ${r.reason}: ${r.members} member(s) (${skus}) — ${ADVICE[r.reason] ?? ADVICE.Other}; e.g. ${r.examples.join(", ")}${more}`,
    );
  }
  if (report.inspected < report.total) {
    lines.push(`  (reasons read for the first ${report.inspected} of ${report.total} members)`);
  }
  if (report.byReason.length === 0) {
    lines.push("  (their licence states name no reason from this group yet; run again to re-check)");
  }
  return lines.join("\n");
}
