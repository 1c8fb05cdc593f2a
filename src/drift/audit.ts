/**
 * "Who changed it", where Graph says so. Entra's directory audit (`GET /auditLogs/directoryAudits`) records
 * changes to a group's licences with the user or app that made them; a licence drift entry gets the latest
 * successful audit record targeting its group. Teams numbers and policies are changed through the Teams
 * service, which writes no directory audit, so those entries say so instead of guessing.
 */
import type { ChangeAttribution, DriftEntry, DriftReport } from "./types";
import { NOT_RECORDED_BY_GRAPH } from "./types";

/** The fields of Graph's `directoryAudit` drift reads (v1.0). */
export interface DirectoryAudit {
  id: string;
  category: string;
  activityDisplayName: string;
  activityDateTime: string;
  result: string;
  initiatedBy: {
    user?: { id?: string | null; userPrincipalName?: string | null; displayName?: string | null } | null;
    app?: { appId?: string | null; displayName?: string | null; servicePrincipalName?: string | null } | null;
  };
  targetResources: { id?: string | null; type?: string | null; displayName?: string | null }[];
}

/** Activities that change a group's licences; matched loosely because Entra words them differently over time. */
export function isLicenceActivity(a: DirectoryAudit): boolean {
  return /licen[cs]e/i.test(a.activityDisplayName);
}

function actorOf(a: DirectoryAudit): { by: string; byType: "user" | "app" } {
  const user = a.initiatedBy.user;
  if (user && (user.userPrincipalName || user.id)) {
    return { by: user.userPrincipalName || user.displayName || user.id || "unknown user", byType: "user" };
  }
  const app = a.initiatedBy.app;
  const name = app?.displayName || app?.servicePrincipalName;
  const id = app?.appId;
  return { by: name && id ? `${name} (${id})` : (name ?? id ?? "unknown app"), byType: "app" };
}

/** The latest successful licence change per target group id (lower case). */
export function latestLicenceChanges(audits: readonly DirectoryAudit[]): Map<string, ChangeAttribution> {
  const latest = new Map<string, DirectoryAudit>();
  for (const a of audits) {
    if (a.result !== "success" || !isLicenceActivity(a)) continue;
    for (const t of a.targetResources) {
      const id = t.id?.toLowerCase();
      if (!id) continue;
      const seen = latest.get(id);
      if (!seen || seen.activityDateTime < a.activityDateTime) latest.set(id, a);
    }
  }
  return new Map(
    [...latest].map(([id, a]) => [
      id,
      { recorded: true, ...actorOf(a), at: a.activityDateTime, activity: a.activityDisplayName },
    ]),
  );
}

/**
 * Attaches who changed what. `groupIds` maps a department id to its live group id; `audits` undefined means
 * the audit log could not be read (the note says so rather than claiming nothing was recorded).
 */
export function attributeChanges(
  report: DriftReport,
  groupIds: ReadonlyMap<string, string>,
  audits: readonly DirectoryAudit[] | undefined,
  unreadable?: string,
): DriftReport {
  const changes = latestLicenceChanges(audits ?? []);
  const attribute = (e: DriftEntry): ChangeAttribution => {
    if (e.area !== "licences" && e.area !== "groups") return NOT_RECORDED_BY_GRAPH;
    if (!audits)
      return { recorded: false, note: `directory audit not read: ${unreadable ?? "unknown reason"}` };
    const groupId = e.department ? groupIds.get(e.department) : undefined;
    const change = groupId ? changes.get(groupId.toLowerCase()) : undefined;
    return change ?? { recorded: false, note: "no licence change to this group in the directory audit" };
  };
  return { ...report, entries: report.entries.map((e) => ({ ...e, changedBy: attribute(e) })) };
}
