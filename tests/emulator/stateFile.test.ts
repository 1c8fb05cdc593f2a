/**
 * `tenant emulator --state` that is a folder, empty, damaged or someone else's JSON names the file and what to
 * do; a missing folder is never created; and the printed variables (TENANT_PWSH_PATH included) are absolute.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { FAKE_PWSH, runEmulator } from "../../src/cli/commands/emulator";
import { UsageError } from "../../src/exitCodes";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const opts = (state: string) => ({ port: 0, state, quota: "off" as const });

async function start(state: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const se = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await runEmulator(
      opts(state),
      (s) => (out += s),
      () => Promise.resolve(),
    );
    return { code, out, err };
  } finally {
    se.mockRestore();
  }
}

describe("emulator --state", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "tenant-emu-state-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fix =
    "move it away (or delete it) to start from --seed or an empty tenant, or give --state a new file name";

  it("a folder is a usage error naming a file to use instead", async () => {
    mkdirSync(join(dir, "state"));
    await expect(
      runEmulator(
        opts(join(dir, "state")),
        () => undefined,
        () => Promise.resolve(),
      ),
    ).rejects.toThrow(
      new UsageError(
        `--state ${join(dir, "state")} is a folder, and a file is written here — name the file itself, e.g. ${join(dir, "state", "tenant.json")}`,
      ),
    );
  });

  it("a folder that does not exist is named and not created", async () => {
    const state = join(dir, "no", "such", "tenant.json");
    await expect(
      runEmulator(
        opts(state),
        () => undefined,
        () => Promise.resolve(),
      ),
    ).rejects.toThrow(
      `--state ${state}: the folder ${join(dir, "no", "such")} does not exist — create it first`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ["an empty", "", "is empty, so it holds no tenant"],
    [
      "damaged",
      '{"format": "tenant-emulator-state", "ver',
      "is not valid JSON \\(.+\\): it is damaged or not a state file",
    ],
    [
      "someone else's",
      '{"name": "package"}',
      "is not a tenant emulator state file \\(format undefined vundefined\\)",
    ],
  ])("%s file exits 1 naming it and what to do, and is left as it was", async (_what, text, message) => {
    const state = join(dir, "tenant.json");
    writeFileSync(state, text);
    const r = await start(state);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(
      new RegExp(`^tenant emulator: --state ${state.replace(/[.]/g, "\\.")} ${message} — ${escape(fix)}\\n$`),
    );
    expect(readdirSync(dir)).toEqual(["tenant.json"]);
  });

  it("prints absolute paths for a relative --state, and the fake PowerShell for drift and export", async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await start("tenant.json");
      expect(r.code).toBe(0);
      const vars = Object.fromEntries(
        [...r.out.matchAll(/^ {2}export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
      );
      expect(Object.keys(vars).sort()).toEqual([
        "AZURE_AUTHORITY_HOST",
        "AZURE_CLIENT_ID",
        "AZURE_CLIENT_SECRET",
        "AZURE_TENANT_ID",
        "TENANT_GRAPH_CA_FILE",
        "TENANT_GRAPH_ENDPOINT",
        "TENANT_PWSH_PATH",
      ]);
      expect(vars.TENANT_GRAPH_CA_FILE).toBe(join(dir, "tenant.json.ca.pem"));
      expect(vars.TENANT_PWSH_PATH).toBe(FAKE_PWSH);
      expect(isAbsolute(FAKE_PWSH) && existsSync(FAKE_PWSH)).toBe(true);
      expect(r.out).toContain(`  state     ${join(dir, "tenant.json")}\n`);
    } finally {
      process.chdir(cwd);
    }
  });
});
