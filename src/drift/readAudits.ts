/**
 * Reads the group-management part of Entra's directory audit (`GET /auditLogs/directoryAudits`, needs
 * AuditLog.Read.All). Entra keeps 30 days, so that is the window drift can attribute changes in.
 */
import type { GraphClient } from "../graph";
import { collectNextLinkPages, type ODataPage } from "../graph/paging";
import type { DirectoryAudit } from "./audit";

export const AUDITS_PATH =
  "/auditLogs/directoryAudits?$filter=category eq 'GroupManagement'&$top=999&$select=id,category,activityDisplayName,activityDateTime,result,initiatedBy,targetResources";

export async function readGroupAudits(graph: GraphClient): Promise<DirectoryAudit[]> {
  return collectNextLinkPages<DirectoryAudit>(AUDITS_PATH, (target) =>
    graph.get<ODataPage<DirectoryAudit>>(target),
  );
}
