/**
 * `tenant export` of identity (issue #16): the example city's conditional access baseline, named locations and
 * break-glass accounts, as the seed created them in the emulator, come back as tenant.yaml's `identity` (named
 * locations get ids made from their names), the folder validates, and drift of it against the tenant is empty.
 */
import { join } from "node:path";
import { validateDefinition } from "../../src/config/validate";
import { compareTenant } from "../../src/drift";
import { runExport } from "../../src/export/run";
import { readText, startExportBed, type ExportBed } from "./helpers/appliedEmulator";

const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");
const original = validateDefinition(EXAMPLE).definition!;
let bed: ExportBed;
beforeAll(async () => {
  bed = await startExportBed(EXAMPLE);
});
afterAll(async () => bed?.stop());

it("writes identity back: break-glass accounts, named locations and each policy's rollout state", async () => {
  const out = bed.tmp();
  const { live } = await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });
  const exported = validateDefinition(out);
  expect(exported.diagnostics).toEqual([]);
  const identity = exported.definition!.tenant.identity!;
  const want = original.tenant.identity!;

  expect(identity.breakGlass).toEqual(want.breakGlass);
  // tenant.yaml ids are not kept by Entra: they are made from the display names, and the policy follows them.
  expect(identity.namedLocations.map((l) => ({ ...l, id: undefined }))).toEqual(
    want.namedLocations.map((l) => ({ ...l, id: undefined })),
  );
  const idOf = new Map(identity.namedLocations.map((l) => [l.displayName, l.id]));
  const renamed = new Map(want.namedLocations.map((l) => [l.id, idOf.get(l.displayName)]));
  expect(identity.conditionalAccess).toEqual({
    ...want.conditionalAccess,
    allowedLocations: {
      ...want.conditionalAccess.allowedLocations!,
      locations: want.conditionalAccess.allowedLocations!.locations.map((id) => renamed.get(id)),
    },
  });
  // Centro's kiosk exception comes back in its file, and the policy it names is allowed in tenant.yaml.
  expect(identity.exceptionsAllowed).toEqual(want.exceptionsAllowed);
  const exceptionsOf = (d: typeof original) =>
    d.departments
      .filter((x) => x.conditionalAccessExceptions.length > 0)
      .map((x) => [x.id, x.conditionalAccessExceptions]);
  expect(exceptionsOf(exported.definition!)).toEqual(exceptionsOf(original));
  // The departments' administrative units mean delegated administration; its roles are not read, and say so.
  expect(identity.delegatedAdministration).toEqual(want.delegatedAdministration);
  expect(compareTenant(exported.definition!, live).entries.filter((e) => e.area === "identity")).toEqual([]);

  // The emergency accounts are in no department on purpose: not reported as users without one.
  const report = JSON.parse(readText(out, "export-report.json")) as {
    entries: { category: string; id: string }[];
  };
  const upns = want.breakGlass.map((b) => b.userPrincipalName);
  expect(report.entries.filter((e) => upns.includes(e.id))).toEqual([]);
  expect(report.entries.filter((e) => e.category === "conditional-access")).toEqual([]);
  expect(report.entries.filter((e) => e.category === "delegated-administration")).toEqual([
    expect.objectContaining({ id: "tenant.yaml: identity.delegatedAdministration" }),
  ]);
});

it("reports a setting changed by hand that the baseline would undo", async () => {
  const graph = bed.graph();
  const policies = await graph.getAll<{ id: string; displayName: string }>(
    "/identity/conditionalAccess/policies",
  );
  const mfa = policies.find((p) => p.displayName === "CDE CA: Require MFA for all users")!;
  await graph.patch(`/identity/conditionalAccess/policies/${mfa.id}`, {
    conditions: { clientAppTypes: ["browser"] },
  });
  const out = bed.tmp();
  await runExport({ graph, powershell: bed.powershell }, { out });
  const report = JSON.parse(readText(out, "export-report.json")) as {
    entries: { category: string; id: string; detail: string }[];
  };
  expect(report.entries.filter((e) => e.category === "conditional-access")).toEqual([
    {
      category: "conditional-access",
      id: mfa.id,
      detail:
        "policy CDE CA: Require MFA for all users: conditions.clientAppTypes differ from the baseline tenant.yaml renders; deploying writes the baseline",
    },
  ]);
});
