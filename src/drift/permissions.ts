/**
 * What `tenant drift` needs from the tenant: the live read plus Entra's directory audit (readAudits.ts). It runs
 * with a separate read-only app (`AZURE_DRIFT_CLIENT_ID`, .github/workflows/tenant-drift.yml), because
 * `GET /auditLogs/directoryAudits` documents `AuditLog.Read.All` AND `Directory.Read.All` as its least privilege
 * (directoryaudit-list.md), and the deploying app must never hold `Directory.Read.All`.
 */
import { LIVE_TENANT_READ } from "../live/permissions";
import type { PermissionManifest } from "../permissions/types";

export const driftCommandManifest: PermissionManifest = {
  resource: "tenant drift",
  principal: "drift",
  read: [...LIVE_TENANT_READ.read, "AuditLog.Read.All", "Directory.Read.All"],
  write: [],
  roles: [...LIVE_TENANT_READ.roles],
  why:
    `${LIVE_TENANT_READ.why} Attributes a change to who made it from GET /auditLogs/directoryAudits ` +
    "(GroupManagement), which needs AuditLog.Read.All and Directory.Read.All together; without them drift still " +
    "runs and says the audit could not be read.",
};
