/**
 * The emulator's conditional access routes (src/emulator/routes/conditionalAccess.ts): the example city's baseline
 * as the seed creates it, conformant to Microsoft's metadata (graph-v1-identity-subset.json), and a hand change by
 * PATCH that keeps what it does not name (conditionalaccesspolicy-update.md).
 */
import { join } from "node:path";
import { conformance } from "../helpers/graphConformance";
import { startTestEmulator, type TestEmulator } from "../helpers/client";

const EXAMPLE = join(__dirname, "..", "..", "..", "stacks", "example");
const CA = "/v1.0/identity/conditionalAccess";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ seed: EXAMPLE });
});
afterAll(async () => t.stop());

it("lists the seeded baseline and named locations, conformant to the v1.0 metadata", async () => {
  const policies = await t.client.call("GET", `${CA}/policies`);
  expect(policies.status).toBe(200);
  expect(
    policies.body.value.map((p: { displayName: string; state: string }) => [p.displayName, p.state]),
  ).toEqual([
    // tenant.yaml's six baseline policies, all report-only in the example (it owns Entra ID P2 through E5).
    ["CDE CA: Require MFA for all users", "enabledForReportingButNotEnforced"],
    ["CDE CA: Block legacy authentication", "enabledForReportingButNotEnforced"],
    ["CDE CA: Require phishing-resistant MFA for administrators", "enabledForReportingButNotEnforced"],
    ["CDE CA: Require MFA for risky sign-ins", "enabledForReportingButNotEnforced"],
    ["CDE CA: Require password change for risky users", "enabledForReportingButNotEnforced"],
    ["CDE CA: Block sign-in from outside allowed locations", "enabledForReportingButNotEnforced"],
  ]);
  // The location policy excludes the two named locations by the ids Entra gave them.
  const locationIds = (await t.client.call("GET", `${CA}/namedLocations?$select=id`)).body.value.map(
    (l: { id: string }) => l.id,
  );
  expect(policies.body.value[5].conditions.locations.excludeLocations.sort()).toEqual(
    [...locationIds].sort(),
  );
  for (const p of policies.body.value)
    expect(conformance("microsoft.graph.conditionalAccessPolicy", p)).toEqual([]);

  const locations = await t.client.call("GET", `${CA}/namedLocations`);
  expect(locations.body.value.map((l: Record<string, unknown>) => [l["@odata.type"], l.displayName])).toEqual(
    [
      ["#microsoft.graph.ipNamedLocation", "Red municipal"],
      ["#microsoft.graph.countryNamedLocation", "Países permitidos (España)"],
    ],
  );
  for (const l of locations.body.value) expect(conformance(String(l["@odata.type"]).slice(1), l)).toEqual([]);
});

it("honours $select and $top, and refuses the query options it does not emulate", async () => {
  const some = await t.client.call("GET", `${CA}/policies?$select=id,state&$top=1`);
  expect(some.body.value).toHaveLength(1);
  expect(Object.keys(some.body.value[0]).sort()).toEqual(["id", "state"]);
  const filtered = await t.client.call("GET", `${CA}/policies?$filter=state eq 'enabled'`);
  expect(filtered.status).toBe(400);
  expect(filtered.body.error.message).toBe("Query option '$filter' is not emulated on this collection.");
});

it("PATCH changes only what it sends, answers 204, and refuses an unknown state", async () => {
  const [first] = (await t.client.call("GET", `${CA}/policies`)).body.value;
  const before = first.conditions.users;
  const patched = await t.client.call("PATCH", `${CA}/policies/${first.id}`, {
    body: { state: "enabled", conditions: { clientAppTypes: ["browser"] } },
  });
  expect(patched.status).toBe(204);
  expect(patched.text).toBe("");
  const after = (await t.client.call("GET", `${CA}/policies/${first.id}`)).body;
  expect(after.state).toBe("enabled");
  expect(after.conditions.clientAppTypes).toEqual(["browser"]);
  expect(after.conditions.users).toEqual(before); // not sent, kept
  const bad = await t.client.call("PATCH", `${CA}/policies/${first.id}`, { body: { state: "on" } });
  expect(bad.status).toBe(400);
  expect((await t.client.call("GET", `${CA}/policies/00000000-0000-0000-0000-000000000000`)).status).toBe(
    404,
  );
});
