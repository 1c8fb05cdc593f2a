import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { DriverReady, DriverResponse } from "../admin/protocol";
import { DRIVER_SCRIPT_PATH, PWSH_PATH_ENV } from "./driverPath";
import { PwshExitedError, PwshStartError, PwshTimeoutError } from "./errors";
import { decodeLine, encodeRequest } from "./wire";

/**
 * One long-lived `pwsh` running the driver, per run: importing MicrosoftTeams and connecting take tens of
 * seconds, so paying that once and then sending each cmdlet as one line is what makes PowerShell usable at all.
 * Calls are strictly sequential (the driver reads one line at a time); each has its own timeout.
 */
export interface PwshProcessOptions {
  /** Default: $TENANT_PWSH_PATH, else `pwsh` on PATH. */
  pwshPath?: string;
  /** Default: the shipped teams-driver.ps1. */
  driverPath?: string;
  /** Extra environment for the driver (credentials), over the parent's. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Module import + Connect-MicrosoftTeams. Default 180 s. */
  readyTimeoutMs?: number;
  /** One cmdlet. Default 300 s (LIS and policy writes can take a minute on a busy tenant). */
  callTimeoutMs?: number;
  /** How many times a crashed or timed-out driver is started again, over the life of this object. Default 2. */
  maxRestarts?: number;
  /** How long close() waits for the driver to disconnect and exit before killing it. Default 10 s. */
  closeGraceMs?: number;
}

const STDERR_TAIL = 8_000;

interface Pending {
  session: Session;
  id: number;
  cmdlet: string;
  resolve: (r: DriverResponse) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface Session {
  child: ChildProcess;
  ready: Promise<DriverReady>;
  exited: Promise<void>;
  alive: boolean;
}

export class PwshProcess {
  readonly pwshPath: string;
  readonly driverPath: string;
  private session: Session | undefined;
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private starts = 0;
  private stderrTail = "";
  private closed = false;
  /** Non-protocol stdout lines (module banners), newest last, for diagnostics. */
  readonly noise: string[] = [];
  moduleVersion: string | undefined;

  constructor(private readonly options: PwshProcessOptions = {}) {
    this.pwshPath = options.pwshPath ?? process.env[PWSH_PATH_ENV] ?? "pwsh";
    this.driverPath = options.driverPath ?? DRIVER_SCRIPT_PATH;
  }

  /** How many driver processes were started (1 + restarts). */
  get startCount(): number {
    return this.starts;
  }

  /** Starts the driver now (calls start it lazily otherwise) and resolves with its ready line. */
  start(): Promise<DriverReady> {
    return this.ensureSession().ready;
  }

  /** Sends one request and resolves with the driver's response (ok or not); rejects on timeout/exit/start failure. */
  call(
    cmdlet: string,
    parameters: Record<string, unknown>,
    opts: { timeoutMs?: number } = {},
  ): Promise<DriverResponse> {
    const run = this.queue.then(() =>
      this.send(cmdlet, parameters, opts.timeoutMs ?? this.options.callTimeoutMs ?? 300_000),
    );
    // The queue only orders calls; one call's failure must not fail the next.
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    const s = this.session;
    if (!s || !s.alive) return;
    // End of stdin ends the driver's loop: it disconnects and exits by itself.
    s.child.stdin?.end();
    const grace = new Promise<"timeout">((r) =>
      setTimeout(() => r("timeout"), this.options.closeGraceMs ?? 10_000).unref(),
    );
    if ((await Promise.race([s.exited.then(() => "exited" as const), grace])) === "timeout") {
      s.child.kill("SIGKILL");
      await s.exited;
    }
  }

  private async send(
    cmdlet: string,
    parameters: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<DriverResponse> {
    if (this.closed) throw new Error(`the PowerShell session is closed; cannot run ${cmdlet}`);
    const session = this.ensureSession();
    await session.ready;
    if (!session.alive) throw new PwshExitedError(cmdlet, session.child.exitCode, this.stderrTail);
    const id = this.nextId++;
    return new Promise<DriverResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        // The cmdlet's outcome is unknown and the driver is busy with it: only a fresh process is safe.
        session.alive = false;
        session.child.kill("SIGKILL");
        reject(new PwshTimeoutError(cmdlet, timeoutMs));
      }, timeoutMs);
      this.pending = { session, id, cmdlet, resolve, reject, timer };
      session.child.stdin!.write(encodeRequest({ id, cmdlet, parameters }));
    });
  }

  private ensureSession(): Session {
    if (this.session?.alive) return this.session;
    const maxStarts = 1 + (this.options.maxRestarts ?? 2);
    if (this.starts >= maxStarts) {
      throw new PwshStartError(
        `the PowerShell driver stopped ${this.starts} times; not restarting it again in this run`,
        this.stderrTail,
      );
    }
    this.starts++;
    this.session = this.spawnSession();
    return this.session;
  }

  private spawnSession(): Session {
    this.stderrTail = "";
    const child = spawn(
      this.pwshPath,
      ["-NoLogo", "-NoProfile", "-NonInteractive", "-File", this.driverPath],
      {
        env: { ...process.env, ...(this.options.env ?? {}) },
        stdio: ["pipe", "pipe", "pipe"],
        windowsHide: true,
      },
    );
    let settleReady: { resolve: (r: DriverReady) => void; reject: (e: Error) => void } | undefined;
    const ready = new Promise<DriverReady>((resolve, reject) => (settleReady = { resolve, reject }));
    // A start failure is reported to whoever awaits `ready`; never an unhandled rejection.
    ready.catch(() => undefined);
    let markExited!: () => void;
    const exited = new Promise<void>((r) => (markExited = r));
    const session: Session = { child, ready, exited, alive: true };

    const readyTimeoutMs = this.options.readyTimeoutMs ?? 180_000;
    const readyTimer = setTimeout(() => {
      settleReady?.reject(
        new PwshStartError(
          `the PowerShell driver printed no ready line within ${readyTimeoutMs} ms`,
          this.stderrTail,
        ),
      );
      settleReady = undefined;
      child.kill("SIGKILL");
    }, readyTimeoutMs);

    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    child.stdout!.setEncoding("utf8");
    createInterface({ input: child.stdout!, crlfDelay: Infinity }).on("line", (line) => {
      const decoded = decodeLine(line);
      if (decoded.kind === "ready") {
        clearTimeout(readyTimer);
        this.moduleVersion = decoded.ready.moduleVersion;
        settleReady?.resolve(decoded.ready);
        settleReady = undefined;
      } else if (decoded.kind === "response") {
        const p = this.pending;
        if (!p || p.session !== session) return;
        // id 0: the driver could not read the request's id; it still answers the one request in flight.
        if (decoded.response.id !== p.id && decoded.response.id !== 0) return;
        clearTimeout(p.timer);
        this.pending = undefined;
        p.resolve(decoded.response);
      } else if (decoded.text) {
        this.noise.push(decoded.text);
        if (this.noise.length > 50) this.noise.shift();
      }
    });

    child.on("error", (err: NodeJS.ErrnoException) => {
      session.alive = false;
      clearTimeout(readyTimer);
      const message =
        err.code === "ENOENT"
          ? `PowerShell 7 was not found at '${this.pwshPath}'. Install PowerShell 7 (pwsh) and the MicrosoftTeams ` +
            `module, or set ${PWSH_PATH_ENV} to the full path of pwsh.`
          : `could not start '${this.pwshPath}': ${err.message}`;
      settleReady?.reject(new PwshStartError(message, this.stderrTail));
      settleReady = undefined;
      this.failPending(session, new PwshStartError(message, this.stderrTail));
      markExited();
    });
    child.on("close", (code) => {
      session.alive = false;
      clearTimeout(readyTimer);
      settleReady?.reject(
        new PwshStartError(
          `the PowerShell driver exited (code ${code ?? "none"}) before it was ready — ` +
            "is the MicrosoftTeams module installed and are the Teams credentials set?",
          this.stderrTail,
        ),
      );
      settleReady = undefined;
      if (this.pending)
        this.failPending(session, new PwshExitedError(this.pending.cmdlet, code, this.stderrTail));
      markExited();
    });
    // Writing to a driver that just died raises EPIPE here; the close handler reports it.
    child.stdin!.on("error", () => undefined);
    return session;
  }

  /** Fails the call in flight if it belongs to this (dying) session, never a newer session's call. */
  private failPending(session: Session, error: Error): void {
    const p = this.pending;
    if (!p || p.session !== session) return;
    clearTimeout(p.timer);
    this.pending = undefined;
    p.reject(error);
  }
}
