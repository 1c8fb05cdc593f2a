/**
 * Entra's directory audit, kept under `doc.areas.audit`: one `directoryAudit` record per successful write the
 * emulator audits (group and user licence assignment), with who made it. Teams writes are not recorded,
 * as in a real tenant: the Teams service writes no directory audit.
 */
import type { EmulatorRequest } from "../http/types";
import { bearerToken } from "../http/dispatch";
import type { TenantState } from "./tenantState";

export const AUDIT_AREA = "audit";

export interface AuditInitiator {
  user: {
    id: string | null;
    displayName: string | null;
    userPrincipalName: string | null;
    ipAddress: string | null;
  } | null;
  app: {
    appId: string | null;
    displayName: string | null;
    servicePrincipalId: string | null;
    servicePrincipalName: string | null;
  } | null;
}

export interface DirectoryAuditRecord {
  id: string;
  category: string;
  correlationId: string;
  result: "success" | "failure";
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  initiatedBy: AuditInitiator;
  targetResources: {
    id: string;
    displayName: string | null;
    type: string;
    userPrincipalName: string | null;
    groupType: string | null;
    modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[];
  }[];
  additionalDetails: { key: string; value: string }[];
}

interface AuditAreaDoc {
  seq: number;
  entries: DirectoryAuditRecord[];
}

export function auditArea(state: TenantState): AuditAreaDoc {
  const areas = state.doc.areas;
  const existing = areas[AUDIT_AREA] as AuditAreaDoc | undefined;
  if (existing) return existing;
  const area: AuditAreaDoc = { seq: 0, entries: [] };
  areas[AUDIT_AREA] = area;
  return area;
}

/** The app used for tokens that carry no claims (static-token mode): the emulator's configured app. */
export const STATIC_TOKEN_APP = "tenant emulator static token";

/**
 * Who the request's bearer token says is calling. Real tokens are JWTs: delegated ones carry `upn` and `oid`,
 * app-only ones `appid` (and `app_displayname` in v1 tokens). The emulator's tokens are unsigned JWTs; a
 * static token that is not a JWT is treated as the configured app.
 */
export function initiatorOf(req: EmulatorRequest, defaultAppId: string): AuditInitiator {
  const payload = bearerToken(req)?.split(".")[1];
  let claims: Record<string, unknown> = {};
  if (payload) {
    try {
      claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    } catch {
      claims = {};
    }
  }
  const str = (k: string) => (typeof claims[k] === "string" ? (claims[k] as string) : null);
  const upn = str("upn") ?? str("unique_name");
  if (upn) {
    return {
      user: { id: str("oid"), displayName: str("name"), userPrincipalName: upn, ipAddress: str("ipaddr") },
      app: null,
    };
  }
  const appId = str("appid") ?? str("azp") ?? defaultAppId;
  return {
    user: null,
    app: {
      appId,
      displayName: str("app_displayname") ?? (payload ? null : STATIC_TOKEN_APP),
      servicePrincipalId: str("oid"),
      servicePrincipalName: str("app_displayname"),
    },
  };
}

export type NewAudit = Omit<
  DirectoryAuditRecord,
  "id" | "correlationId" | "loggedByService" | "result" | "resultReason" | "additionalDetails"
> & {
  resultReason?: string;
};

export function recordAudit(state: TenantState, entry: NewAudit, requestId: string): DirectoryAuditRecord {
  const area = auditArea(state);
  area.seq += 1;
  const { resultReason, ...rest } = entry;
  const record: DirectoryAuditRecord = {
    ...rest,
    id: `Directory_${requestId}_${String(area.seq).padStart(6, "0")}`,
    correlationId: requestId,
    loggedByService: "Core Directory",
    result: "success",
    resultReason: resultReason ?? "",
    additionalDetails: [],
  };
  area.entries.push(record);
  return record;
}
