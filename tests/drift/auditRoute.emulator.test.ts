/**
 * The emulator's directory audit (`GET /v1.0/auditLogs/directoryAudits`): licence writes are recorded with
 * the caller from the token (delegated `upn`, app-only `appid`, a claimless static token as the configured
 * app), newest first, filterable the way drift queries it; failed writes and Teams writes are not recorded.
 */
import { readGroupAudits } from "../../src/drift/readAudits";
import { createGraphClient } from "../../src/graph";
import { startTestEmulator, type TestEmulator } from "../emulator/helpers/client";

const E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const jwt = (claims: Record<string, string>) => `${enc({ alg: "none" })}.${enc(claims)}.x`;

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

const groupId = (name: string) => t.emu.state.groups.find((g) => g.displayName === name)!.id;

test("licence writes are audited with who made them; failures and reads are not", async () => {
  const mobility = groupId("grp-vp-mobility");
  const culture = groupId("grp-vp-culture");
  t.clock.advance(1000);
  const first = await t.client.post(
    `/v1.0/groups/${culture}/assignLicense`,
    { addLicenses: [{ skuId: E5, disabledPlans: [] }], removeLicenses: [] },
    { token: jwt({ upn: "carmen.admin@villa.example", oid: "o-1", name: "Carmen" }) },
  );
  expect(first.status).toBe(202);
  t.clock.advance(1000);
  const second = await t.client.post(
    `/v1.0/groups/${mobility}/assignLicense`,
    { addLicenses: [{ skuId: E5, disabledPlans: [] }], removeLicenses: [] },
    { token: jwt({ appid: "app-2", app_displayname: "Helpdesk tool" }) },
  );
  expect(second.status).toBe(202);
  const refused = await t.client.post(
    `/v1.0/groups/${mobility}/assignLicense`,
    { addLicenses: [], removeLicenses: ["00000000-0000-0000-0000-000000000000"] },
    { token: "static" },
  );
  expect(refused.status).toBe(400);

  const all = await t.client.get("/v1.0/auditLogs/directoryAudits");
  expect(all.status).toBe(200);
  expect(all.body["@odata.context"]).toMatch(/\/v1\.0\/\$metadata#auditLogs\/directoryAudits$/);
  const [newest, oldest] = all.body.value;
  expect(all.body.value).toHaveLength(2);
  expect(newest).toMatchObject({
    category: "GroupManagement",
    activityDisplayName: "Set group license",
    activityDateTime: new Date(t.clock.now()).toISOString(),
    result: "success",
    loggedByService: "Core Directory",
    initiatedBy: {
      user: null,
      app: { appId: "app-2", displayName: "Helpdesk tool" },
    },
    targetResources: [
      {
        id: mobility,
        displayName: "grp-vp-mobility",
        type: "Group",
        modifiedProperties: [
          {
            displayName: "AssignedLicense",
            newValue: JSON.stringify([{ skuId: E5, disabledPlans: [] }]),
          },
        ],
      },
    ],
  });
  expect(oldest.initiatedBy).toEqual({
    user: {
      id: "o-1",
      displayName: "Carmen",
      userPrincipalName: "carmen.admin@villa.example",
      ipAddress: null,
    },
    app: null,
  });

  const filtered = await t.client.get(
    `/v1.0/auditLogs/directoryAudits?$filter=${encodeURIComponent(`targetResources/any(t:t/id eq '${culture}')`)}`,
  );
  // directoryaudit-list.md @ 05296ab344f3de89a102bceca9b5d6ce1df7a3ef documents `eq`, `ge`, `le`, `startswith`
  // for $filter; a lambda over targetResources is not among them, so the emulator refuses it.
  expect(filtered.status).toBe(400);
  expect(filtered.body.error.message).toMatch(/operator 'any' is not supported/);
  const one = await t.client.get(`/v1.0/auditLogs/directoryAudits/${oldest.id}`);
  expect(one.body.id).toBe(oldest.id);
  expect((await t.client.get("/v1.0/auditLogs/directoryAudits/nope")).status).toBe(404);
});

test("drift's reader pages through the group-management audit with the real Graph client", async () => {
  const user = t.emu.state.findUser("ana@villa.example")!;
  const direct = await t.client.post(
    `/v1.0/users/${user.id}/assignLicense`,
    { addLicenses: [{ skuId: E5, disabledPlans: [] }], removeLicenses: [] },
    { token: "static" },
  );
  expect(direct.status).toBe(200);
  const graph = createGraphClient({
    endpoint: t.emu.url,
    caPem: t.emu.caPem,
    env: { TENANT_GRAPH_STATIC_TOKEN: "reader" },
  });
  const audits = await readGroupAudits(graph);
  // The user licence change is UserManagement: drift asks only for group changes.
  expect(audits.map((a) => [a.category, a.activityDisplayName, a.targetResources[0].displayName])).toEqual([
    ["GroupManagement", "Set group license", "grp-vp-mobility"],
    ["GroupManagement", "Set group license", "grp-vp-culture"],
  ]);
  const all = await t.client.get("/v1.0/auditLogs/directoryAudits?$top=1");
  expect(all.body.value[0]).toMatchObject({
    category: "UserManagement",
    activityDisplayName: "Change user license",
    initiatedBy: { app: { displayName: "tenant emulator static token" } },
  });
  expect(all.body["@odata.nextLink"]).toEqual(expect.stringContaining("$skiptoken="));
});
