/**
 * A tenant with things a definition cannot express, made by hand on an applied emulator as an admin would
 * (Graph calls, Teams cmdlets, or directory edits where the emulator has no write route): each one appears in
 * the report with its id, and the folder still validates.
 */
import { randomUUID } from "node:crypto";
import { validateDefinition } from "../../src/config/validate";
import type { ReportEntry } from "../../src/export/report";
import { runExport } from "../../src/export/run";
import { teamsArea } from "../../src/emulator/state/teams";
import { runCmdlet } from "../../src/emulator/state/teamsPowerShell";
import { materialise } from "../../src/emulator/state/teamsInventory";
import { createGraphTeamsAdmin } from "../../src/teams/graph";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { readText, startExportBed, type ExportBed } from "./helpers/appliedEmulator";

const MCOEV = "e43b5b99-8dfb-405f-9987-dc307f34bcbd";

let bed: ExportBed;
let entries: ReportEntry[];
let out: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  bed = await startExportBed(MINIMAL_FIXTURE);
  const { emu } = bed;
  const graph = bed.graph();
  let seq = 0;
  const ps = (cmdlet: string, parameters: Record<string, unknown>) => {
    const res = runCmdlet(emu.state, { id: ++seq, cmdlet, parameters }, emu.clock.now());
    if (!res.ok) throw new Error(res.error.message);
    return res.result as Record<string, unknown>;
  };
  const userOf = (upn: string) => emu.state.findUser(upn)!;

  // A licence assigned directly to a user.
  ids.direct = userOf("pedro@villa.example").id;
  await graph.post(`/users/${ids.direct}/assignLicense`, {
    addLicenses: [{ skuId: MCOEV, disabledPlans: [] }],
    removeLicenses: [],
  });
  // A user without the grouping attribute (no number, so only the user is reported).
  const lost = emu.state.users.find((u) => u.department === "Movilidad")!;
  lost.department = null;
  ids.lost = lost.userPrincipalName;
  // A calling policy granted to one user directly (Graph per-user assignment).
  const teams = createGraphTeamsAdmin(graph);
  const policyId = await teams.getPolicyId("TeamsCallingPolicy", "Standard");
  const mover = emu.state.users.find((u) => u.department === "Movilidad")!;
  ids.granted = mover.userPrincipalName;
  await graph.post("/admin/teams/policy/userAssignments/assign", {
    value: [{ userId: mover.id, policyType: "TeamsCallingPolicy", policyId }],
  });
  // A group with a licence that is no department.
  const group = emu.state.addGroup({
    ...emu.state.groups[0],
    id: randomUUID(),
    displayName: "Project Phoenix",
    description: null,
    membershipRule: null,
    groupTypes: [],
    staticMemberIds: [],
    assignedLicenses: [{ skuId: MCOEV, disabledPlans: [] }],
    departmentId: undefined,
  });
  ids.group = group.id;
  // An address someone made in the Teams admin centre (no [key]), with a location holding a number.
  const address = ps("New-CsOnlineLisCivicAddress", {
    CompanyName: "Almacén",
    HouseNumber: "9",
    StreetName: "Calle Falsa",
    City: "Villa Pequeña",
    PostalCode: "28002",
    CountryOrRegion: "ES",
    Latitude: "40.41",
    Longitude: "-3.70",
    Description: "warehouse",
  });
  ids.address = String(address.CivicAddressId);
  const location = ps("New-CsOnlineLisLocation", { CivicAddressId: ids.address, Location: "Muelle" });
  const area = teamsArea(emu.state);
  const at = materialise(area, "+34915550002");
  at.locationId = String(location.LocationId);
  // A number assigned to something that is not a user (a resource account's id).
  const app = materialise(area, "+34915550100");
  Object.assign(app, {
    assignmentStatus: "userAssigned",
    assignmentTargetId: randomUUID(),
    assignmentCategory: "primary",
  });
  ids.app = String(app.assignmentTargetId);
  // A number that is not a valid Spanish number in the inventory (a one-number range of its own).
  area.numberRanges.push({ ...area.numberRanges[0], id: "odd", start: "+34015550000", end: "+34015550000" });
  // A dial plan granted tenant-wide (mobility's users have none from their group, so they fall back to it).
  ps("Grant-CsTenantDialPlan", { Global: true, PolicyName: "ES-Villa" });

  out = bed.tmp();
  await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });
  entries = JSON.parse(readText(out, "export-report.json")).entries;
});
afterAll(async () => bed.stop());

const entry = (category: string, id: string) => entries.filter((e) => e.category === category && e.id === id);

it.each([
  ["direct-licence", () => "pedro@villa.example", /MCOEV assigned directly/],
  ["user-without-attribute", () => ids.lost, /no department; in no department/],
  ["group-not-department", () => ids.group, /Project Phoenix holds licences MCOEV/],
  ["address", () => ids.address, /Calle Falsa 9, Villa Pequeña: no \[key\].*1 location/],
  [
    "number-no-location",
    () => "+34915550002",
    /pedro@villa.example with location .* not an exported location/,
  ],
  ["number-not-user", () => "+34915550100", () => new RegExp(`^userAssigned to ${ids.app}$`)],
  ["number-invalid", () => "+34015550000", /left out of the ranges/],
  ["policy-setting", () => "TeamsCallingPolicy:Standard.Copilot", /the schema has no field for it/],
])("%s: the report names it", (category, id, detail) => {
  const found = entry(category, id());
  expect(found).toHaveLength(1);
  expect(found[0].detail).toMatch(typeof detail === "function" ? detail() : detail);
});

it("names a per-user grant, and a tenant-wide grant of a type departments are granted", () => {
  expect(entries.filter((e) => e.category === "direct-policy-grant")).toEqual([
    {
      category: "direct-policy-grant",
      id: ids.granted,
      detail: "TeamsCallingPolicy Standard granted to the user directly",
    },
  ]);
  expect(entry("global-policy", "TenantDialPlan:ES-Villa")[0].detail).toMatch(
    /granted tenant-wide \(-Global\)/,
  );
});

it("renders the same entries for people, one section per category", () => {
  const md = readText(out, "export-report.md");
  expect(md).toContain("## Licences assigned directly to users (1)\n\n| id | detail |\n| --- | --- |\n");
  expect(md).toContain(`| pedro@villa.example | MCOEV assigned directly to ${ids.direct} |`);
  expect(md).toContain("## To complete before deploying the landing zone (3)");
});

it("still writes a folder that validates, without the dropped things", () => {
  const v = validateDefinition(out);
  expect(v.diagnostics).toEqual([]);
  const numbers = v.definition!.numbers.culture.map((r) => r.number);
  expect(numbers).toEqual(["+34915550001"]);
  expect(v.definition!.departments.find((d) => d.id === "mobility")!.headcount).toBe(29);
  expect(v.definition!.tenant.emergencyAddresses.map((a) => a.id)).toEqual(["town-hall"]);
});
