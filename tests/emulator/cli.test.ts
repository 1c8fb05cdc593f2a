import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { Agent, get } from "node:https";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const ROOT = resolve(__dirname, "..", "..");

function getJson(url: string, ca: string): Promise<{ status: number; body: unknown }> {
  return new Promise((ok, fail) => {
    get(url, { agent: new Agent({ ca }), headers: { authorization: "Bearer cli-test" } }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    }).on("error", fail);
  });
}

describe("npx tenant emulator", () => {
  it("prints its URL, CA file and env vars, serves Graph, and stops on SIGINT keeping its state", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-cli-"));
    const stateFile = join(dir, "state.json");
    const child = spawn(
      process.execPath,
      [
        "bin/tenant.js",
        "emulator",
        "--port",
        "0",
        "--seed",
        MINIMAL_FIXTURE,
        "--state",
        stateFile,
        "--quota",
        "off",
        "--retry-after",
        "1.5",
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const lines: string[] = [];
      const rl = createInterface({ input: child.stdout! });
      await new Promise<void>((ok, fail) => {
        child.once("exit", (code) => fail(new Error(`exited early with ${code}`)));
        rl.on("line", (line) => {
          lines.push(line);
          if (line.includes("Stop with Ctrl+C")) ok();
        });
      });
      const url = /^tenant emulator listening on (https:\/\/127\.0\.0\.1:\d+\/)$/.exec(lines[0])?.[1];
      expect(url).toBeDefined();
      const caFile = /CA file\s+(\S+)/.exec(lines.join("\n"))?.[1];
      expect(caFile).toBe(`${stateFile}.ca.pem`);
      expect(lines).toContain(`  export TENANT_GRAPH_ENDPOINT=${url}`);
      expect(lines).toContain(`  export TENANT_GRAPH_CA_FILE=${caFile}`);
      const ca = readFileSync(caFile!, "utf8");
      const reply = await getJson(`${url}v1.0/subscribedSkus?$select=skuPartNumber`, ca);
      expect(reply.status).toBe(200);
      const faults = await getJson(`${url}_emulator/faults`, ca);
      expect(faults.body).toMatchObject({ quota: false, retryAfter: 1.5 });
      child.removeAllListeners("exit");
      const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      expect(existsSync(stateFile)).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a bad flag value as a usage error (exit 2)", async () => {
    const child = spawn(process.execPath, ["bin/tenant.js", "emulator", "--fault-rate-429", "7"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (c) => (err += c));
    const code = await new Promise<number | null>((ok) => child.once("exit", ok));
    expect(code).toBe(2);
    expect(err).toMatch(/rate between 0 and 1/);
  });
});
