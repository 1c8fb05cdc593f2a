/**
 * `tenant drift` end to end against the emulator over HTTPS: the minimal definition applied as `pulumi up`
 * leaves it (startEmulator `applied`), read by the real reader (Graph + the PowerShell adapter driving the
 * fake `pwsh`), then changed by hand the way an admin would — Graph assignLicense / unassignNumber /
 * assignNumber / userAssignments, and New-CsGroupPolicyAssignment through the PowerShell endpoint — as
 * another user or app. Each change shows up as exactly the expected entries, with exit 3; clean is exit 0.
 */
import { runDrift } from "../../src/cli/commands/drift";
import { EXIT } from "../../src/exitCodes";
import { teamsArea } from "../../src/emulator/state/teams";
import { EmulatorClient } from "../emulator/helpers/client";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { FAKE_PWSH } from "../teams/powershell/helpers/fakeSession";
import { ManualClock, startEmulator, type EmulatorHandle } from "../../src/emulator";

/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON report is read as plain data */

const E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
const NUMBERS = "/v1.0/admin/teams/telephoneNumberManagement/numberAssignments";

/** An unsigned token with the claims Entra puts in delegated (upn) or app-only (appid) tokens. */
function token(claims: Record<string, string>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${enc({ typ: "JWT", alg: "none" })}.${enc(claims)}.sig`;
}
const ADMIN = token({ upn: "carmen.admin@villa.example", oid: "11111111-0000-0000-0000-000000000001" });
const HELPDESK_APP = token({
  appid: "22222222-0000-0000-0000-000000000002",
  app_displayname: "Helpdesk tool",
});

let emu: EmulatorHandle;
let client: EmulatorClient;
const clock = new ManualClock(Date.parse("2026-11-20T08:00:00Z"));

beforeAll(async () => {
  emu = await startEmulator({ seed: MINIMAL_FIXTURE, applied: true, clock });
  client = new EmulatorClient(emu);
});

afterAll(async () => {
  client.close();
  await emu.stop();
});

async function drift(): Promise<{ code: number; report: any; stderr: string }> {
  let out = "";
  let err = "";
  const code = await runDrift(
    { dir: MINIMAL_FIXTURE, graph: emu.url, format: "json" },
    {
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      env: {
        TENANT_GRAPH_CA_FILE: emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: "drift-reader-token",
        TENANT_PWSH_PATH: FAKE_PWSH,
        PATH: process.env.PATH,
      },
    },
  );
  if (!out) throw new Error(`tenant drift printed no report (exit ${code}): ${err}`);
  return { code, report: JSON.parse(out), stderr: err };
}

const groupId = (name: string) => emu.state.groups.find((g) => g.displayName === name)!.id;
const userId = (upn: string) => emu.state.findUser(upn)!.id;

async function ok(reply: Promise<{ status: number; text: string }>): Promise<void> {
  const r = await reply;
  if (r.status >= 300) throw new Error(`emulator said ${r.status}: ${r.text}`);
}

/** Lets the emulator's asynchronous number operations finish (their phases run on the manual clock). */
async function finishOperations(): Promise<void> {
  clock.advance(10_000);
  await ok(client.get("/v1.0/subscribedSkus"));
}

async function powershell(cmdlet: string, parameters: Record<string, unknown>): Promise<void> {
  const r = await client.post("/_emulator/teams/powershell", { id: 1, cmdlet, parameters });
  expect(r.body).toMatchObject({ ok: true });
}

test("a tenant applied from the definition has no drift: exit 0", async () => {
  const { code, report, stderr } = await drift();
  expect(stderr).toBe(`tenant drift: reading the live tenant from ${emu.url} …\n`);
  expect(report.drift).toBe(false);
  expect(report.entries).toEqual([]);
  expect(code).toBe(EXIT.ok);
});

test("a licence removed by hand shows up with who removed it and when (directory audit)", async () => {
  clock.advance(60_000);
  const at = new Date(clock.now()).toISOString();
  await ok(
    client.post(
      `/v1.0/groups/${groupId("grp-vp-mobility")}/assignLicense`,
      { addLicenses: [], removeLicenses: [E5] },
      { token: ADMIN },
    ),
  );
  const { code, report } = await drift();
  expect(report.entries).toEqual([
    {
      area: "licences",
      kind: "licence-missing",
      department: "mobility",
      subject: "grp-vp-mobility SPE_E5",
      expected: "SPE_E5 (disabled plans: YAMMER_ENTERPRISE)",
      actual: null,
      message: "group grp-vp-mobility does not have SPE_E5, which the definition assigns",
      changedBy: {
        recorded: true,
        by: "carmen.admin@villa.example",
        byType: "user",
        at,
        activity: "Set group license",
      },
    },
  ]);
  expect(code).toBe(EXIT.drift);
});

test("a number moved by hand to another user shows up; Teams changes say Graph did not record them", async () => {
  const other = "culture.00001@villa.example";
  await ok(
    client.post(
      `${NUMBERS}/unassignNumber`,
      { telephoneNumber: "+34915550002", numberType: "directRouting" },
      { token: HELPDESK_APP },
    ),
  );
  await finishOperations();
  await ok(
    client.post(
      `${NUMBERS}/assignNumber`,
      {
        telephoneNumber: "+34915550002",
        assignmentTargetId: userId(other),
        numberType: "directRouting",
        assignmentCategory: "primary",
      },
      { token: HELPDESK_APP },
    ),
  );
  await finishOperations();
  const { code, report } = await drift();
  const moved = report.entries.filter((e: any) => e.area === "numbers");
  expect(moved).toEqual([
    {
      area: "numbers",
      kind: "number-other-user",
      department: "culture",
      subject: "+34915550002",
      expected: "pedro@villa.example",
      actual: other,
      message: `+34915550002 is assigned to ${other}; the definition gives it to pedro@villa.example`,
      changedBy: {
        recorded: false,
        note: "not recorded by Graph (Teams number and policy changes have no Graph audit entry)",
      },
    },
  ]);
  expect(report.entries.map((e: any) => e.kind)).toEqual(["number-other-user", "licence-missing"]);
  expect(code).toBe(EXIT.drift);
});

test("a policy granted by hand to a group and one granted directly to a user both show up", async () => {
  await powershell("New-CsGroupPolicyAssignment", {
    GroupId: groupId("grp-vp-mobility"),
    PolicyType: "TeamsCallingPolicy",
    PolicyName: "Standard",
    Rank: 1,
  });
  await powershell("New-CsTeamsCallingPolicy", { Identity: "Restricted", AllowPrivateCalling: false });
  const restricted = teamsArea(emu.state).policies.find((p) => p.name === "Restricted")!;
  await ok(
    client.post(
      "/v1.0/admin/teams/policy/userAssignments/assign",
      {
        value: [
          {
            userId: userId("ana@villa.example"),
            policyType: "TeamsCallingPolicy",
            policyId: restricted.policyId,
          },
        ],
      },
      { token: HELPDESK_APP },
    ),
  );
  const { code, report } = await drift();
  const grants = report.entries
    .filter((e: any) => e.area === "policyAssignments")
    .map(({ kind, department, subject, expected, actual }: any) => ({
      kind,
      department,
      subject,
      expected,
      actual,
    }));
  expect(grants).toEqual([
    {
      kind: "direct-grant-overrides-group",
      department: "culture",
      subject: "ana@villa.example",
      expected: "TeamsCallingPolicy Standard (through group grp-vp-culture)",
      actual: "TeamsCallingPolicy Restricted (granted directly)",
    },
    {
      kind: "assignment-extra",
      department: "mobility",
      subject: "grp-vp-mobility TeamsCallingPolicy",
      expected: null,
      actual: "Standard (Teams position 1)",
    },
  ]);
  expect(report.summary).toEqual({
    total: 4,
    byArea: {
      groups: 0,
      licences: 1,
      numbers: 1,
      policyAssignments: 2,
      teamsConfig: 0,
      phoneServices: 0,
      identity: 0,
    },
    byDepartment: { culture: 2, mobility: 2 },
  });
  expect(code).toBe(EXIT.drift);
});

test("a department group with more members than its declared headcount shows up (real member count)", async () => {
  // HR moves three people into Movilidad: its rule now matches 33 users, but the definition declares 30.
  for (const upn of [
    "culture.00010@villa.example",
    "culture.00011@villa.example",
    "culture.00012@villa.example",
  ])
    emu.state.findUser(upn)!.department = "Movilidad";
  emu.state.userChanged();
  const { code, report } = await drift();
  expect(report.entries.filter((e: any) => e.area === "groups")).toEqual([
    {
      area: "groups",
      kind: "members-exceed-headcount",
      department: "mobility",
      subject: "grp-vp-mobility",
      expected: "at most 30 members (declared headcount)",
      actual: "33 members",
      message:
        "group grp-vp-mobility has 33 members but the department declares a headcount of 30: 3 more take seats the plan did not count — check the membership rule, or raise headcount if the department grew",
      changedBy: expect.anything(),
    },
  ]);
  expect(code).toBe(EXIT.drift);
});
