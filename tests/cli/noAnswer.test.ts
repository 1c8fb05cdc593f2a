/**
 * `drift` and `export` against an endpoint that accepts connections and never answers: a line at once, more
 * while waiting, and a clear error at the deadline (issue 12; it used to be silent for 86 s). The deadline is
 * shortened here through `answerTimeout`; the default is checked to stay inside the promised 30 s.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDrift } from "../../src/cli/commands/drift";
import { runExportCommand } from "../../src/cli/commands/export";
import { DEFAULT_ANSWER_TIMEOUT_S, DEFAULT_PROGRESS_MS } from "../../src/cli/firstAnswer";
import { main } from "../../src/cli/main";

let server: Server;
let url: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = createServer((socket) => sockets.push(socket)); // accepts, reads nothing, answers nothing
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const env = { TENANT_GRAPH_STATIC_TOKEN: "emulator-only" };

function lines(text: string): string[] {
  return text.split("\n").filter(Boolean);
}

it("the defaults report within 2 s and give up well inside 30 s", () => {
  expect(DEFAULT_ANSWER_TIMEOUT_S).toBeLessThanOrEqual(25);
  expect(DEFAULT_PROGRESS_MS).toBeGreaterThan(0);
});

it("drift: says it is connecting at once, reports the wait, then names the endpoint and the fix (exit 1)", async () => {
  let err = "";
  let out = "";
  const code = await runDrift(
    { stack: "example", graph: url, format: "markdown", answerTimeout: 1, progressMs: 200 },
    { stdout: (s) => (out += s), stderr: (s) => (err += s), env },
  );
  expect(code).toBe(1);
  expect(out).toBe("");
  const said = lines(err);
  // The first line is written before any waiting: that is the "within 2 s".
  expect(said[0]).toBe(`tenant drift: reading the live tenant from ${url} …`);
  expect(said.slice(1, -1).length).toBeGreaterThan(0);
  for (const l of said.slice(1, -1)) {
    expect(l).toMatch(
      new RegExp(
        `^tenant drift: still waiting for ${url.replace(/[.]/g, "\\.")} to answer \\(\\d+ s; giving up at 1 s\\)$`,
      ),
    );
  }
  expect(said.at(-1)).toBe(
    `tenant drift: ${url} has not answered in 1 s — check the URL (--graph or TENANT_GRAPH_ENDPOINT) and that the ` +
      "service or emulator there is running, or allow longer with --answer-timeout <seconds>",
  );
});

it("export: the same, and leaves no folder or checkpoint behind", async () => {
  const parent = mkdtempSync(join(tmpdir(), "tenant-noanswer-"));
  try {
    let err = "";
    let out = "";
    const code = await runExportCommand(
      {
        graph: url,
        out: join(parent, "export"),
        departmentsBy: "department",
        answerTimeout: 1,
        progressMs: 200,
      },
      { stdout: (s) => (out += s), stderr: { write: (s: string) => (err += s) }, env },
    );
    expect(code).toBe(1);
    expect(lines(err)[0]).toBe(`tenant export: reading ${url} …`);
    expect(
      lines(err)
        .slice(1)
        .every((l) => l.startsWith(`tenant export: still waiting for ${url} to answer (`)),
    ).toBe(true);
    expect(out).toBe(
      `tenant export: ${url} has not answered in 1 s — check the URL (--graph or TENANT_GRAPH_ENDPOINT) and that ` +
        "the service or emulator there is running, or allow longer with --answer-timeout <seconds>\n",
    );
    expect(readdirSync(parent)).toEqual([]);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

it("--answer-timeout that is not a positive number is a usage error (exit 2)", async () => {
  const se = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await main(["drift", "--stack", "example", "--answer-timeout", "0"])).toBe(2);
    expect(await main(["export", "--out", "x", "--answer-timeout", "soon"])).toBe(2);
  } finally {
    se.mockRestore();
  }
});
