/**
 * `tenant export` as a command: usage errors (exit 2 through main), a folder that is someone's work refused
 * (exit 1, nothing written), a successful export against the applied emulator (exit 0, plain progress lines
 * when stderr is not a terminal), a resumed one that says so, and the progress bar on a terminal.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { runExportCommand, type ExportSources } from "../../src/cli/commands/export";
import { progressBar, progressSink } from "../../src/export/progress";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { startExportBed, type ExportBed } from "./helpers/appliedEmulator";

let bed: ExportBed;
let work: string;
beforeAll(async () => {
  bed = await startExportBed(MINIMAL_FIXTURE);
  work = mkdtempSync(join(tmpdir(), "tenant-export-cli-"));
});
afterAll(async () => {
  await bed.stop();
  rmSync(work, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (s: string) => out.push(s),
      stderr: { isTTY: false, write: (s: string) => err.push(s) },
      env: {},
    },
  };
}
/** The bed's clients; `close` is a no-op so the shared PowerShell session outlives one command. */
const sources = (): ExportSources => ({
  graph: bed.graph(),
  powershell: bed.powershell,
  close: async () => undefined,
});

it.each([
  [["export"], /needs --out/],
  [["export", "--out", "x", "--departments-by", "manager"], /--departments-by manager is not an attribute/],
])("%j is a usage error (exit 2)", async (argv, message) => {
  const spy = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await main(argv)).toBe(2);
    expect(spy.mock.calls.map((c) => String(c[0])).join("")).toMatch(message);
  } finally {
    spy.mockRestore();
  }
});

it("refuses a non-empty folder that is not a previous export, and writes nothing into it", async () => {
  const out = join(work, "someone-else");
  mkdirSync(out);
  writeFileSync(join(out, "notes.txt"), "mine");
  const t = io();
  expect(await runExportCommand({ out, departmentsBy: "department" }, t.io, sources)).toBe(1);
  expect(t.out.join("")).toMatch(/is not empty and is not a previous export \(no \.tenant-export file\)/);
  expect(readdirSync(out)).toEqual(["notes.txt"]);
});

it("exports, validates and prints plain progress lines when stderr is not a terminal", async () => {
  const out = join(work, "ok");
  const t = io();
  expect(await runExportCommand({ out, departmentsBy: "department" }, t.io, sources)).toBe(0);
  expect(t.out.join("")).toMatch(/Exported .* 2 departments, 70 users, 2 numbers in 1 ranges\./);
  expect(t.out.join("")).toMatch(/The exported folder validates\./);
  expect(t.err).toContain("[5/15] reading users\n");
  expect(t.err.join("")).not.toContain("\r");
});

it("fails with exit 1 naming what failed and keeps the checkpoint; the next run says it resumed", async () => {
  const out = join(work, "interrupted");
  const failing = (): ExportSources => {
    const s = sources();
    const ps = Object.create(s.powershell) as typeof s.powershell;
    ps.getPstnUsages = () => Promise.reject(new Error("Get-CsOnlinePstnUsage: session expired"));
    return { ...s, powershell: ps };
  };
  const first = io();
  expect(await runExportCommand({ out, departmentsBy: "department" }, first.io, failing)).toBe(1);
  expect(first.out.join("")).toMatch(/reading .* failed: Get-CsOnlinePstnUsage: session expired/);
  expect(first.out.join("")).toMatch(/run the same command again to resume/);
  expect(readdirSync(out)).toEqual([".export-checkpoint"]);

  const second = io();
  expect(await runExportCommand({ out, departmentsBy: "department" }, second.io, sources)).toBe(0);
  expect(second.out.join("")).toMatch(
    /^Resumed from the checkpoint: organization, skus, groups, owners, users, numbers, userConfigurations, policies\.\n/,
  );
  expect(readdirSync(out)).not.toContain(".export-checkpoint");
});

it("draws one redrawn bar on a terminal", () => {
  const written: string[] = [];
  const sink = progressSink({ isTTY: true, write: (s) => written.push(s) });
  sink.onEvent({ kind: "section-start", section: "users", index: 4, total: 12 });
  sink.onEvent({ kind: "page", section: "users", pages: 1, items: 999 });
  sink.finish();
  expect(written).toEqual([
    `\r\x1b[2K${progressBar("users", 4, 12, 0)}`,
    `\r\x1b[2K${progressBar("users", 4, 12, 999)}`,
    "\n",
  ]);
  expect(progressBar("users", 6, 12, 27000, 10)).toBe("[#####.....] 6/12 users 27,000");
});

it("stops at a damaged checkpoint, naming the file and --fresh; --fresh then reads everything again", async () => {
  const out = join(work, "damaged");
  const failing = (): ExportSources => {
    const s = sources();
    const ps = Object.create(s.powershell) as typeof s.powershell;
    ps.getPstnUsages = () => Promise.reject(new Error("Get-CsOnlinePstnUsage: session expired"));
    return { ...s, powershell: ps };
  };
  expect(await runExportCommand({ out, departmentsBy: "department" }, io().io, failing)).toBe(1);
  const users = join(out, ".export-checkpoint", "users.json");
  writeFileSync(users, '{"value": [ {"id": "trunc');

  const resumed = io();
  expect(await runExportCommand({ out, departmentsBy: "department" }, resumed.io, sources)).toBe(1);
  expect(resumed.out.join("")).toMatch(
    new RegExp(
      `^tenant export: the checkpoint file ${users.replace(/[.]/g, "\\.")} is damaged \\(.+\\) — run the same ` +
        "command with --fresh to discard the checkpoint and read everything again\\n$",
    ),
  );
  const fresh = io();
  expect(await runExportCommand({ out, departmentsBy: "department", fresh: true }, fresh.io, sources)).toBe(
    0,
  );
  expect(fresh.out.join("")).not.toContain("Resumed");
});
