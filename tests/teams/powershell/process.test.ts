import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  PwshExitedError,
  PwshStartError,
  PwshTimeoutError,
  TeamsPowerShellError,
} from "../../../src/teams/powershell/errors";
import { PwshProcess } from "../../../src/teams/powershell/pwshProcess";
import { fakeAdmin, fakeProcess, startTestEmulator, type TestEmulator } from "./helpers/fakeSession";

/** The process manager: start-up, per-call timeouts, crashes, restarts, close — with the fake `pwsh`. */
describe("PwshProcess", () => {
  let t: TestEmulator;
  // Every process a test starts is closed after it, even when an assertion failed first: a live child
  // process would keep Jest from exiting.
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(x: T): T => {
    opened.push(x);
    return x;
  };
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((x) => x.close()));
  });
  afterAll(() => t.stop());

  it("says clearly when pwsh is missing", async () => {
    const ps = track(new PwshProcess({ pwshPath: "/nonexistent/pwsh-7", readyTimeoutMs: 5_000 }));
    const err = await ps.call("Get-CsOnlinePstnUsage", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PwshStartError);
    expect((err as Error).message).toMatch(
      /PowerShell 7 was not found at '\/nonexistent\/pwsh-7'.*TENANT_PWSH_PATH/s,
    );
    await ps.close();
  });

  it("takes the executable from TENANT_PWSH_PATH", () => {
    const saved = process.env.TENANT_PWSH_PATH;
    process.env.TENANT_PWSH_PATH = "/opt/microsoft/powershell/7/pwsh";
    try {
      expect(new PwshProcess().pwshPath).toBe("/opt/microsoft/powershell/7/pwsh");
    } finally {
      if (saved === undefined) delete process.env.TENANT_PWSH_PATH;
      else process.env.TENANT_PWSH_PATH = saved;
    }
  });

  it("reports a module or connect failure with the driver's stderr", async () => {
    const ps = track(fakeProcess(t, {}, { FAKE_PWSH_START: "no-module" }));
    const err = await ps.start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PwshStartError);
    expect((err as Error).message).toMatch(/exited \(code 2\) before it was ready/);
    expect((err as PwshStartError).stderr).toMatch(/module 'MicrosoftTeams' was not loaded/);
    await ps.close();
  });

  it("gives up waiting for the ready line after the ready timeout", async () => {
    const ps = track(fakeProcess(t, { readyTimeoutMs: 300 }, { FAKE_PWSH_START: "silent" }));
    await expect(ps.start()).rejects.toThrow(/no ready line within 300 ms/);
    await ps.close();
  });

  it("ignores host output before the ready line and reports the module version", async () => {
    const ps = track(fakeProcess(t, {}, { FAKE_PWSH_BANNER: "1" }));
    await expect(ps.start()).resolves.toEqual({ ready: true, moduleVersion: "fake-7.6.0" });
    expect(ps.noise.join("\n")).toMatch(/Account/);
    const r = await ps.call("Get-CsOnlinePstnUsage", { Identity: "Global" });
    expect(r.ok).toBe(true);
    await ps.close();
  });

  it("uses one process for many sequential calls, answering each by its id", async () => {
    const ps = track(fakeProcess(t));
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ps.call("Get-CsOnlinePstnUsage", { Identity: "Global" }).then((r) => r.id + i * 0),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(ps.startCount).toBe(1);
    await ps.close();
  });

  it("times a hung cmdlet out, stops that process and restarts for the next call", async () => {
    const ps = track(fakeProcess(t, { callTimeoutMs: 300 }, { FAKE_PWSH_HANG: "Get-CsTenantDialPlan" }));
    const err = await ps.call("Get-CsTenantDialPlan", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PwshTimeoutError);
    expect(err).toMatchObject({ cmdlet: "Get-CsTenantDialPlan", timeoutMs: 300 });
    const next = await ps.call("Get-CsOnlinePstnUsage", { Identity: "Global" });
    expect(next.ok).toBe(true);
    expect(ps.startCount).toBe(2);
    await ps.close();
  });

  it("fails the call in flight when the driver crashes, then restarts it", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), "fake-pwsh-")), "crashed");
    const ps = track(
      fakeProcess(t, {}, { FAKE_PWSH_EXIT: "Get-CsTeamsCallingPolicy", FAKE_PWSH_EXIT_MARKER: marker }),
    );
    const err = await ps.call("Get-CsTeamsCallingPolicy", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PwshExitedError);
    expect((err as PwshExitedError).stderr).toMatch(/crashed while running Get-CsTeamsCallingPolicy/);
    const again = await ps.call("Get-CsTeamsCallingPolicy", {});
    expect(again.ok).toBe(true);
    expect(ps.startCount).toBe(2);
    await ps.close();
  });

  it("stops restarting after maxRestarts", async () => {
    const ps = track(
      fakeProcess(t, { callTimeoutMs: 200, maxRestarts: 1 }, { FAKE_PWSH_HANG: "Get-CsTenantDialPlan" }),
    );
    await expect(ps.call("Get-CsTenantDialPlan", {})).rejects.toBeInstanceOf(PwshTimeoutError);
    await expect(ps.call("Get-CsTenantDialPlan", {})).rejects.toBeInstanceOf(PwshTimeoutError);
    await expect(ps.call("Get-CsTenantDialPlan", {})).rejects.toThrow(/stopped 2 times; not restarting/);
    await ps.close();
  });

  it("surfaces an error the cmdlet returned as an object as a typed error naming the cmdlet", async () => {
    const admin = track(fakeAdmin(t, { FAKE_PWSH_ERROR_OBJECT: "Get-CsOnlinePstnUsage" }));
    const err = await admin.getPstnUsages().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeamsPowerShellError);
    expect(err).toMatchObject({
      cmdlet: "Get-CsOnlinePstnUsage",
      type: "SkypeTelephoneNumberMgmtErrorResponse",
    });
    expect((err as Error).message).toMatch(/already been assigned to another user/);
    await admin.close();
  });

  it("closes by ending stdin, and refuses calls afterwards", async () => {
    const ps = track(fakeProcess(t));
    await ps.start();
    await ps.close();
    await expect(ps.call("Get-CsOnlinePstnUsage", {})).rejects.toThrow(/closed/);
  });
});
