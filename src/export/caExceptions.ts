/**
 * Department exceptions to the conditional access baseline, read back (issue #16): the inverse of
 * src/identity/conditionalAccess/exceptions.ts. A group a baseline policy excludes is a department's exception when
 * it is named `grp-<short>-<dept>-exc-<policy>` and its rule is `(<the department's rule>) -and (<structured rule>)`;
 * its description after " — " is the reason. Anything else a policy excludes is reported, never guessed at.
 */
import { BASELINE_POLICY_KEYS, type BaselinePolicyKey } from "../config/schema/identity";
import type { LiveGroup } from "../live/snapshot";
import { parseMembershipRule } from "./membership";
import type { ReportCollector } from "./report";

export interface ExportedException {
  policy: BaselinePolicyKey;
  members: { attribute: string; values: string[] };
  reason: string;
  /** The live group, for the re-rendered policy's comparison. */
  groupId: string;
  displayName: string;
}

const REASON_MIN = 10;

/** The department's own rule and the exception's, from `(A) -and (B)`; undefined for any other shape. */
function splitRule(rule: string): { department: string; exception: string } | undefined {
  const text = rule.trim();
  const at = text.lastIndexOf(") -and (");
  if (!text.startsWith("(") || !text.endsWith(")") || at < 0) return undefined;
  return { department: text.slice(0, at + 1), exception: text.slice(at + 7) };
}

export function exportExceptions(
  excludedBy: ReadonlyMap<BaselinePolicyKey, readonly string[]>,
  groups: readonly LiveGroup[],
  shortName: string,
  report: ReportCollector,
): Map<string, ExportedException[]> {
  const byId = new Map(groups.map((g) => [g.id.toLowerCase(), g]));
  const out = new Map<string, ExportedException[]>();
  for (const [policy, ids] of excludedBy) {
    for (const id of ids) {
      const group = byId.get(id.toLowerCase());
      const name = new RegExp(`^grp-${shortName}-([a-z][a-z0-9-]*)-exc-([a-z]+)$`).exec(
        group?.displayName ?? "",
      );
      const parts = group?.membershipRule ? splitRule(group.membershipRule) : undefined;
      const members = parts ? parseMembershipRule(parts.exception) : undefined;
      const department = name?.[1];
      const keyMatches = name && BASELINE_POLICY_KEYS.find((k) => k.toLowerCase() === name[2]) === policy;
      if (!group || !department || !keyMatches || !members) {
        report.add(
          "conditional-access",
          id,
          `${group?.displayName ?? "a group that is not in the tenant"}: excluded from ${policy} but not a department exception as the toolkit writes one (grp-${shortName}-<department>-exc-<policy>, rule "(<department rule>) -and (<rule>)"); not exported`,
        );
        continue;
      }
      const reason = group.description?.split(" — ").slice(1).join(" — ").trim() ?? "";
      out.set(department, [
        ...(out.get(department) ?? []),
        {
          policy,
          members,
          reason:
            reason.length >= REASON_MIN ? reason : `${reason || "no reason recorded"} (exported: write why)`,
          groupId: group.id,
          displayName: group.displayName,
        },
      ]);
    }
  }
  return out;
}
