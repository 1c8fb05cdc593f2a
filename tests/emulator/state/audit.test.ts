import type { EmulatorRequest } from "../../../src/emulator/http/types";
import {
  auditArea,
  initiatorOf,
  recordAudit,
  STATIC_TOKEN_APP,
  type NewAudit,
} from "../../../src/emulator/state/audit";
import type { TenantState } from "../../../src/emulator/state/tenantState";

/**
 * Who did it, from the bearer token's claims (Microsoft identity platform access token claims: `upn`/`unique_name`,
 * `oid`, `name`, `ipaddr` for a user; `appid` (v1) or `azp` (v2), `app_displayname` for an app), in directoryAudit's
 * `initiatedBy` shape (microsoftgraph/microsoft-graph-docs-contrib resources/directoryaudit.md, auditactivityinitiator).
 */
const DEFAULT_APP = "00000000-0000-0000-0000-0000000000aa";
const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`;
const withToken = (token: string | undefined) =>
  ({
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  }) as unknown as EmulatorRequest;

describe("initiatorOf", () => {
  it("names the signed-in user of a delegated token", () => {
    const token = jwt({
      upn: "admin@villa.example",
      oid: "u-1",
      name: "Admin",
      ipaddr: "10.0.0.1",
      appid: "x",
    });
    expect(initiatorOf(withToken(token), DEFAULT_APP)).toEqual({
      user: {
        id: "u-1",
        displayName: "Admin",
        userPrincipalName: "admin@villa.example",
        ipAddress: "10.0.0.1",
      },
      app: null,
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "a v1 app-only token (appid, app_displayname)",
      { appid: "app-1", app_displayname: "tenant-provisioning", oid: "sp-1" },
      {
        appId: "app-1",
        displayName: "tenant-provisioning",
        servicePrincipalId: "sp-1",
        servicePrincipalName: "tenant-provisioning",
      },
    ],
    [
      "a v2 app-only token (azp)",
      { azp: "app-2" },
      { appId: "app-2", displayName: null, servicePrincipalId: null },
    ],
    ["a token naming no app", {}, { appId: DEFAULT_APP, displayName: null }],
  ])("names the app of %s", (_what, claims, app) => {
    expect(initiatorOf(withToken(jwt(claims)), DEFAULT_APP)).toMatchObject({ user: null, app });
  });

  it.each([
    ["a static token that is no JWT", "emulator-static-token"],
    ["no token at all", undefined],
  ])("takes %s as the emulator's configured app", (_what, token) => {
    expect(initiatorOf(withToken(token), DEFAULT_APP).app).toMatchObject({
      appId: DEFAULT_APP,
      displayName: STATIC_TOKEN_APP,
    });
  });

  it("does not fail on a token whose payload is not JSON", () => {
    expect(initiatorOf(withToken("a.bm90IGpzb24.c"), DEFAULT_APP).app?.appId).toBe(DEFAULT_APP);
  });
});

describe("recordAudit", () => {
  const state = () => ({ doc: { areas: {} } }) as unknown as TenantState;
  const entry: NewAudit = {
    category: "UserManagement",
    activityDisplayName: "Change user license",
    activityDateTime: "2026-01-01T08:00:00.000Z",
    operationType: "Update",
    initiatedBy: { user: null, app: null },
    targetResources: [],
  };

  it("records a successful Core Directory entry correlated with the request", () => {
    const s = state();
    const record = recordAudit(s, entry, "req-1");
    expect(record).toEqual({
      ...entry,
      id: "Directory_req-1_000001",
      correlationId: "req-1",
      loggedByService: "Core Directory",
      result: "success",
      resultReason: "",
      additionalDetails: [],
    });
    expect(auditArea(s).entries).toEqual([record]);
  });

  it("gives every entry its own id, even within one request", () => {
    const s = state();
    const ids = [recordAudit(s, entry, "r"), recordAudit(s, entry, "r")].map((r) => r.id);
    expect(new Set(ids).size).toBe(2);
  });
});
