/**
 * `tenant drift` for conditional access (issue #16): the example city's tenant as `pulumi up` left it (the seed
 * creates the identity layer's baseline) has no identity drift; a policy switched on with its break-glass exclusion
 * removed by hand (PATCH, as the portal does), and a named location's range edited, are named with both sides.
 */
import { conditionalAccessAreaOf } from "../../src/emulator/state/conditionalAccess";
import { useExampleTenant } from "./helpers/exampleTenant";

const example = useExampleTenant();
const { definition } = example;
const identityDrift = () => example.drift((e) => e.area === "identity");

it("finds nothing in the tenant the baseline was applied to, then a policy and a named location changed by hand", async () => {
  expect(await identityDrift()).toEqual([]);

  const graph = example.bed().graph();
  const policies = await graph.getAll<{ id: string; displayName: string }>(
    "/identity/conditionalAccess/policies",
  );
  const legacy = policies.find((p) => p.displayName === "CDE CA: Block legacy authentication")!;
  // Someone enforces the block early and, to be safe, drops the break-glass exclusion.
  await graph.patch(`/identity/conditionalAccess/policies/${legacy.id}`, {
    state: "enabled",
    conditions: { users: { includeUsers: ["All"], excludeUsers: [] } },
  });
  const network = conditionalAccessAreaOf(example.bed().emu.state.doc).namedLocations.find(
    (l) => l.displayName === "Red municipal",
  )!;
  (network.ipRanges as { cidrAddress: string }[])[0].cidrAddress = "192.0.2.0/24";

  const drift = await identityDrift();
  expect(drift.map((e) => `${e.kind} ${e.subject}: ${e.message.split(":")[0]}`)).toEqual([
    "ca-policy-settings CDE CA: Block legacy authentication: conditional access policy CDE CA",
    "named-location-settings Red municipal: named location Red municipal differs from tenant.yaml in ipRanges",
  ]);
  expect(drift[0].message).toContain("differs from tenant.yaml in state, conditions.users");
  expect(JSON.parse(drift[0].expected!)).toMatchObject({ state: "enabledForReportingButNotEnforced" });
  expect(JSON.parse(drift[0].actual!)).toMatchObject({ state: "enabled" });
  const breakGlass = definition.tenant.identity!.breakGlass.map((a) => a.objectId).sort();
  expect(JSON.parse(drift[0].expected!)["conditions.users"].excludeUsers).toEqual(breakGlass);
  expect(JSON.parse(drift[0].actual!)["conditions.users"].excludeUsers).toEqual([]);
  expect(JSON.parse(drift[1].actual!).ipRanges).toEqual(["192.0.2.0/24", "198.51.100.0/25"]);
});

it("names the admin groups someone dropped from the administrators' policy", async () => {
  const admins = (entries: Awaited<ReturnType<typeof identityDrift>>) =>
    entries.filter((e) => e.subject === "CDE CA: Require phishing-resistant MFA for administrators");
  expect(admins(await identityDrift())).toEqual([]);
  const graph = example.bed().graph();
  const policies = await graph.getAll<{ id: string; displayName: string; conditions: { users: object } }>(
    "/identity/conditionalAccess/policies",
  );
  const policy = policies.find((p) => p.displayName.endsWith("for administrators"))!;
  // Someone narrows the policy back to directory roles only: the departments' unit-scoped admins fall out.
  await graph.patch(`/identity/conditionalAccess/policies/${policy.id}`, {
    conditions: { users: { ...policy.conditions.users, includeGroups: [] } },
  });

  const [entry, ...rest] = admins(await identityDrift());
  expect(rest).toEqual([]);
  expect(entry.message).toContain("differs from tenant.yaml in conditions.users");
  const groups = await graph.getAll<{ id: string; displayName: string }>("/groups");
  const adminGroupIds = definition.departments
    .map((d) => groups.find((g) => g.displayName === `grp-cde-${d.id}-admins`)!.id)
    .sort();
  expect(adminGroupIds).toHaveLength(definition.departments.length);
  expect(JSON.parse(entry.expected!)["conditions.users"].includeGroups).toEqual(adminGroupIds);
  expect(JSON.parse(entry.actual!)["conditions.users"].includeGroups).toEqual([]);
});
