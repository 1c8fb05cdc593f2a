import type { GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";
import { exampleRepoWithEdit, planSection } from "./helpers/planEdits";

/**
 * #17: `tenant plan --base REF --forecast` says what the apply will send to Microsoft, measured by running the
 * providers against an emulator holding the base applied. Moving one department to another calling policy
 * re-grants it: two cmdlets read the group's grants, two change them, and nothing goes to Graph.
 */
let bed: GitRepo;
let dir: string;

beforeAll(() => {
  ({ bed, dir } = exampleRepoWithEdit(
    "tenant-plan-forecast-",
    "actividades",
    "callingPolicy: CDE-Estandar",
    "callingPolicy: CDE-Direccion",
  ));
});
afterAll(() => bed.remove());

it("the text plan forecasts the department's cmdlets and time, and says how it was measured", async () => {
  const { code, out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--forecast"]);
  expect(code).toBe(0);
  const section = planSection(out, /^Apply forecast:/);
  expect(section.slice(0, 2)).toEqual([
    "Apply forecast: 4 Teams cmdlets (2 writes) — about 6 s",
    "  actividades: 4 Teams cmdlets (2 writes) — about 6 s (GroupPolicyAssignments update)",
  ]);
  expect(section[2]).toMatch(
    /^ {2}\(Measured by running the providers' own diff and apply against an emulator/,
  );
  expect(section[2]).toContain("Not covered: the identity and landing-zone layers");
});

it("the pull-request comment carries the forecast under the seat chart", async () => {
  const md = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--forecast", "--format", "markdown"]);
  expect(md.out).toContain(
    "**Apply forecast** · 4 Teams cmdlets (2 writes) — about 6 s\n" +
      "- `actividades`: 4 Teams cmdlets (2 writes) — about 6 s (GroupPolicyAssignments update)\n<sub>Measured",
  );
  expect(md.out.indexOf("**Apply forecast**")).toBeGreaterThan(md.out.indexOf("xychart-beta"));
});

it("the JSON plan carries the same forecast, with every count", async () => {
  const json = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--forecast", "--format", "json"]);
  const plan = JSON.parse(json.out) as {
    forecast: { totals: Record<string, number>; departments: unknown[] };
  };
  expect(plan.forecast.totals).toEqual({
    graphRequests: 0,
    graphRoundTrips: 0,
    graphWrites: 0,
    cmdlets: 4,
    cmdletWrites: 2,
    asyncOperations: 0,
    waitedMs: 0,
  });
  expect(plan.forecast.departments).toEqual([
    expect.objectContaining({
      department: "actividades",
      operations: [
        expect.objectContaining({ kind: "GroupPolicyAssignments", key: "actividades", action: "update" }),
      ],
    }),
  ]);
});

it("a stack without the m365 and Teams layers says why there is no forecast", async () => {
  const identityOnly = await runTenant([
    "plan",
    "--dir",
    dir,
    "--base",
    "HEAD",
    "--forecast",
    "--layers",
    "identity",
  ]);
  expect(identityOnly.err).toBe("");
  expect(identityOnly.out).toContain(
    "Apply forecast: none — this stack deploys neither the m365 nor the teamsVoice layer, whose providers the forecast runs",
  );
});

it("--forecast without --base is a usage error", async () => {
  const { code, err } = await runTenant(["plan", "--dir", dir, "--forecast"]);
  expect(code).toBe(2);
  expect(err).toContain("--forecast compares what the apply does from the base: add --base <git-ref>");
});
