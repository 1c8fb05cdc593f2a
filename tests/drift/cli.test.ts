/**
 * `tenant drift` as a command: exit codes (0 / 3 / 1 / 2), what an error names, the markdown a reviewer
 * reads, --out, and an unreadable directory audit. The live tenant comes from injected sources (the
 * hand-written snapshot), so these run without a server; drift.emulator.test.ts covers the real reader.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDrift, type DriftSources } from "../../src/cli/commands/drift";
import { EXIT } from "../../src/exitCodes";
import { main } from "../../src/cli/main";
import type { DirectoryAudit } from "../../src/drift";
import type { LiveTenant } from "../../src/live/snapshot";
import { DefinitionFixture, MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { cleanLive, IDS } from "./helpers/liveFixture";

function sources(live: LiveTenant | Error, audits: DirectoryAudit[] | Error = []): () => DriftSources {
  return () => ({
    readLive: async () => {
      if (live instanceof Error) throw live;
      return live;
    },
    readAudits: async () => {
      if (audits instanceof Error) throw audits;
      return audits;
    },
    close: async () => undefined,
  });
}

async function run(
  opts: Partial<Parameters<typeof runDrift>[0]>,
  src: () => DriftSources,
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runDrift(
    { dir: MINIMAL_FIXTURE, format: "markdown", ...opts },
    { stdout: (s) => (out += s), stderr: (s) => (err += s), env: {} },
    src,
  );
  return { code, out, err };
}

const withoutMobilityLicence = () => {
  const live = cleanLive();
  live.groups.find((g) => g.displayName === "grp-vp-mobility")!.assignedLicenses = [];
  return live;
};

const audit = (at: string, by: string): DirectoryAudit => ({
  id: `Directory_${at}`,
  category: "GroupManagement",
  activityDisplayName: "Set group license",
  activityDateTime: at,
  result: "success",
  initiatedBy: { user: { userPrincipalName: by } },
  targetResources: [{ id: IDS.mobility, type: "Group", displayName: "grp-vp-mobility" }],
});

test("no drift: a one-line markdown verdict and exit 0", async () => {
  const { code, out, err } = await run({}, sources(cleanLive()));
  expect(err).toBe("");
  expect(out).toBe(
    [
      "# Tenant drift: vp",
      "",
      "Live tenant read from https://graph.test at 2026-11-27T02:00:00.000Z.",
      "",
      "No drift: the tenant matches the definition.",
      "",
    ].join("\n"),
  );
  expect(code).toBe(EXIT.ok);
});

test("drift: summary table, then one table per department naming the latest change from the audit; exit 3", async () => {
  const live = withoutMobilityLicence();
  live.teams.pstnUsages = [];
  const { code, out } = await run(
    {},
    sources(live, [
      audit("2026-11-20T08:00:00Z", "old.admin@villa.example"),
      audit("2026-11-21T09:30:00Z", "carmen.admin@villa.example"),
    ]),
  );
  expect(out).toBe(
    [
      "# Tenant drift: vp",
      "",
      "Live tenant read from https://graph.test at 2026-11-27T02:00:00.000Z.",
      "",
      "**2 difference(s).**",
      "",
      "| area | differences |",
      "| --- | ---: |",
      "| Licences | 1 |",
      "| Teams configuration | 1 |",
      "",
      "## Tenant-wide (1)",
      "",
      "| area | what | subject | definition | tenant | changed by |",
      "| --- | --- | --- | --- | --- | --- |",
      "| Teams configuration | PSTN usage Local is not in the tenant's list | Local | Local | — | _not recorded by Graph (Teams number and policy changes have no Graph audit entry)_ |",
      "",
      "## Department mobility (1)",
      "",
      "| area | what | subject | definition | tenant | changed by |",
      "| --- | --- | --- | --- | --- | --- |",
      "| Licences | group grp-vp-mobility does not have SPE_E5, which the definition assigns | grp-vp-mobility SPE_E5 | SPE_E5 (disabled plans: YAMMER_ENTERPRISE) | — | carmen.admin@villa.example (user), 2026-11-21T09:30:00Z |",
      "",
    ].join("\n"),
  );
  expect(code).toBe(EXIT.drift);
});

test("an unreadable directory audit is said, and the drift is still reported", async () => {
  const { code, out, err } = await run(
    { format: "json" },
    sources(withoutMobilityLicence(), new Error("403 Authorization_RequestDenied: needs AuditLog.Read.All")),
  );
  expect(err).toBe(
    "tenant drift: the directory audit could not be read (403 Authorization_RequestDenied: needs AuditLog.Read.All); continuing without it\n",
  );
  const report = JSON.parse(out);
  expect(report.entries.map((e: { changedBy: unknown }) => e.changedBy)).toEqual([
    {
      recorded: false,
      note: "directory audit not read: 403 Authorization_RequestDenied: needs AuditLog.Read.All",
    },
  ]);
  expect(code).toBe(EXIT.drift);
});

test("--out writes the report to the file and says so on stderr", async () => {
  const dir = mkdtempSync(join(tmpdir(), "drift-out-"));
  try {
    const file = join(dir, "drift.json");
    const { code, out, err } = await run({ format: "json", out: file }, sources(withoutMobilityLicence()));
    expect(out).toBe("");
    expect(err).toBe(`tenant drift: 1 difference(s); report written to ${file}\n`);
    const report = JSON.parse(readFileSync(file, "utf8"));
    expect(Object.keys(report)).toEqual([
      "version",
      "organization",
      "graphEndpoint",
      "readAt",
      "drift",
      "summary",
      "entries",
    ]);
    expect(report.version).toBe(1);
    expect(code).toBe(EXIT.drift);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a Graph failure exits 1 naming the endpoint and what failed", async () => {
  const { code, out, err } = await run(
    { graph: "https://graph.example" },
    sources(new Error("GET /subscribedSkus: 503 ServiceUnavailable after 5 attempts")),
  );
  expect(out).toBe("");
  expect(err).toBe(
    "tenant drift: reading the live tenant from https://graph.example failed: GET /subscribedSkus: 503 ServiceUnavailable after 5 attempts\n",
  );
  expect(code).toBe(EXIT.invalid);
});

test("an invalid definition exits 1 with validate's diagnostics, before any read", async () => {
  const fixture = new DefinitionFixture();
  try {
    fixture.edit("departments/culture.yaml", "headcount: 40", "headcount: -1");
    let read = false;
    const { code, err } = await run({ dir: fixture.dir }, () => {
      read = true;
      return sources(cleanLive())();
    });
    expect(err).toMatch(/culture\.yaml:\d+:\d+: headcount: /);
    expect(err).toMatch(/the definition in .* is invalid; fix it \(tenant validate\) before comparing\.\n$/);
    expect(read).toBe(false);
    expect(code).toBe(EXIT.invalid);
  } finally {
    fixture.remove();
  }
});

test.each([
  [["drift", "--stack", "example", "--format", "xml"]],
  [["drift", "--stack", "example", "--dir", "x"]],
  [["drift"]],
  [["drift", "--stack", "no-such-stack"]],
])("usage errors exit 2: %j", async (argv) => {
  const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await main(argv)).toBe(EXIT.usage);
  } finally {
    write.mockRestore();
  }
});
