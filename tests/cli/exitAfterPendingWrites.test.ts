import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exitAfterPendingWrites, hasPendingFileRequests } from "../../src/cli/exitAfterPendingWrites";

const ROOT = join(__dirname, "..", "..");

describe("hasPendingFileRequests", () => {
  it("sees a pending file request or open file handle among the active resources", () => {
    expect(hasPendingFileRequests(["TTYWrap", "FSReqPromise"])).toBe(true);
    expect(hasPendingFileRequests(["FileHandle"])).toBe(true);
    expect(hasPendingFileRequests(["FSReqCallback"])).toBe(true);
  });

  it("ignores timers, sockets and the terminal", () => {
    expect(hasPendingFileRequests([])).toBe(false);
    expect(hasPendingFileRequests(["Timeout", "TCPSocketWrap", "TTYWrap", "PipeWrap"])).toBe(false);
  });
});

describe("exitAfterPendingWrites", () => {
  it("exits at once when nothing is pending", async () => {
    const exit = jest.fn();
    await exitAfterPendingWrites(4, { exit, activeResources: () => ["TTYWrap"] });
    expect(exit).toHaveBeenCalledWith(4);
  });

  it("gives up waiting after the limit and exits with the code", async () => {
    const exit = jest.fn();
    const start = Date.now();
    await exitAfterPendingWrites(1, { exit, limitMs: 30, activeResources: () => ["FSReqPromise"] });
    expect(exit).toHaveBeenCalledWith(1);
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
  });

  it("lets a write started before a busy stretch finish before the process exits", () => {
    const dir = mkdtempSync(join(tmpdir(), "tenant-exit-"));
    try {
      const file = join(dir, "out.txt");
      // Like tsx's cache: an asynchronous write, then synchronous work holding the main thread, then the exit.
      const script = `
        const { exitAfterPendingWrites } = require(${JSON.stringify(join(ROOT, "src/cli/exitAfterPendingWrites.ts"))});
        require("node:fs").promises.writeFile(${JSON.stringify(file)}, "x".repeat(8e6));
        const t = Date.now(); while (Date.now() - t < 200);
        void exitAfterPendingWrites(3);`;
      const child = spawnSync(process.execPath, ["-r", "tsx/cjs", "-e", script], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(child.stderr).toBe("");
      expect(child.status).toBe(3);
      expect(statSync(file).size).toBe(8e6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
