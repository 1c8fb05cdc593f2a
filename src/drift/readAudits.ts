/**
 * Reads the group-management part of Entra's directory audit (`GET /auditLogs/directoryAudits`, needs
 * AuditLog.Read.All). Entra keeps 30 days, so that is the window drift can attribute changes in.
 */
import type { GraphClient } from "../graph";
import { collectNextLinkPages, type ODataPage } from "../graph/paging";
import type { DirectoryAudit } from "./audit";

/**
 * Only the options directoryaudit-list.md documents ($filter, $top, $orderby, skiptoken; microsoft-graph-docs-contrib
 * @ 05296ab344f3de89a102bceca9b5d6ce1df7a3ef): no `$select`, so whole entries are read.
 */
export const AUDITS_PATH = "/auditLogs/directoryAudits?$filter=category eq 'GroupManagement'&$top=999";

export async function readGroupAudits(graph: GraphClient): Promise<DirectoryAudit[]> {
  return collectNextLinkPages<DirectoryAudit>(AUDITS_PATH, (target) =>
    graph.get<ODataPage<DirectoryAudit>>(target),
  );
}
