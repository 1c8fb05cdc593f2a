/**
 * A Pulumi workspace for running the repository's real program under the real engine: throw-away for the
 * end-to-end tests and bench/engine-up.ts (docs/engine.md "End-to-end tests"), kept between runs for
 * scripts/try-emulator (docs/engine.md "Try a change with the engine").
 *
 * Layout under one folder (a new temporary one, or a fixed one that is reused as it is):
 * - `project/`: `Pulumi.yaml` copied from the repository with only `stackConfigDir` changed, and symlinks to the
 *   repository's `src/`, `node_modules/`, `package.json`, `tsconfig.json` and `tsconfig.pulumi.json`, so the
 *   engine runs exactly the program `pulumi up` runs in the repository (same main, runtime options and tsconfig). Stack files go to
 *   `project/stacks/`, never to the repository's `stacks/`.
 * - `platform/`: a program of a few lines whose only output is the identity layer's export
 *   (`identity.departments.<id>.{groupId, adminGroupId}`), which the m365 and teamsVoice layers read through
 *   `tenant:platformStack`, as a city that splits its layers over stacks does.
 * - `state/` (file backend), `home/` (PULUMI_HOME).
 *
 * Pulumi runs as ASYNC child processes: the emulator lives in the calling process, and a synchronous spawn would
 * block its event loop (and every Graph request the providers send).
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO = path.resolve(__dirname, "..", "..");

export interface PulumiRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the child process. */
  ms: number;
}

export interface RunOptions {
  /** Exit code expected; anything else throws with the output's tail. Default 0; `null` accepts any. */
  expect?: number | null;
  cwd?: string;
  /** Extra environment for this run only. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Show pulumi's output as it comes (this process's stdout/stderr); the run's stdout and stderr stay empty. */
  inherit?: boolean;
}

/** The last `lines` lines of a text, for failure messages that stay readable. */
export function tail(text: string, lines = 60): string {
  const all = text.trimEnd().split("\n");
  return (all.length > lines ? [`… (${all.length - lines} lines before)`] : [])
    .concat(all.slice(-lines))
    .join("\n");
}

/** Pulumi's "Diagnostics:" section (the errors, per resource), lines cut to 400 characters. */
export function diagnostics(stdout: string): string {
  const start = stdout.indexOf("\nDiagnostics:");
  if (start < 0) return "(none)";
  const rest = stdout.slice(start + 1);
  const end = rest.search(/\n(Outputs|Resources):/);
  return tail(
    (end < 0 ? rest : rest.slice(0, end))
      .split("\n")
      .map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l))
      .join("\n"),
    80,
  );
}

export interface EngineWorkspaceOptions {
  /** A new folder under the OS temp dir with this name prefix… */
  prefix?: string;
  /** …or this folder, created if missing and reused as it is (state, stacks and Pulumi home kept). */
  root?: string;
  passphrase: string;
  /** Environment every pulumi run gets (Graph endpoint, CA, token, pwsh path…). */
  env: Record<string, string>;
}

export class EngineWorkspace {
  readonly root: string;
  readonly projectDir: string;
  readonly platformDir: string;
  readonly stacksDir: string;
  readonly bin: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(options: EngineWorkspaceOptions) {
    this.bin = execFileSync(path.join(REPO, "scripts", "pulumi-engine"), ["--print-path"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 60 * 60 * 1000,
    }).trim();
    if (options.root !== undefined) {
      this.root = path.resolve(options.root);
      fs.mkdirSync(this.root, { recursive: true });
    } else this.root = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? "tenant-engine-"));
    this.projectDir = path.join(this.root, "project");
    this.platformDir = path.join(this.root, "platform");
    this.stacksDir = path.join(this.projectDir, "stacks");
    fs.mkdirSync(this.stacksDir, { recursive: true });
    fs.mkdirSync(path.join(this.root, "state"), { recursive: true });
    fs.writeFileSync(path.join(this.projectDir, "Pulumi.yaml"), projectFile());
    for (const name of ["src", "node_modules", "package.json", "tsconfig.json", "tsconfig.pulumi.json"]) {
      linkOnce(path.join(REPO, name), path.join(this.projectDir, name));
    }
    this.env = {
      ...process.env,
      ...options.env,
      PATH: `${this.bin}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: path.join(this.root, "home"),
      PULUMI_CONFIG_PASSPHRASE: options.passphrase,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
  }

  /** `pulumi login` to this workspace's file backend. */
  async login(): Promise<void> {
    await this.pulumi(["login", `file://${path.join(this.root, "state")}`]);
  }

  /** Runs the built `pulumi` (project dir by default); throws with the output's tail unless the code matches. */
  pulumi(args: string[], options: RunOptions = {}): Promise<PulumiRun> {
    const expect = options.expect === undefined ? 0 : options.expect;
    const started = Date.now();
    const full = [...args, "--non-interactive", "--color", "never"];
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", full, {
        cwd: options.cwd ?? this.projectDir,
        env: { ...this.env, ...(options.env ?? {}) },
        stdio: ["ignore", options.inherit ? "inherit" : "pipe", options.inherit ? "inherit" : "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
      child.stderr?.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
      const timeoutMs = options.timeoutMs ?? 15 * 60 * 1000;
      let timedOut = false;
      // The CLI traps SIGTERM and may exit 0 after cancelling: a run that was stopped never counts as a success.
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGTERM");
      }, timeoutMs);
      child.on("error", (err) => {
        clearTimeout(timer);
        reject(new Error(`pulumi ${args.join(" ")} could not start: ${err.message}`));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const run = { code, stdout, stderr, ms: Date.now() - started };
        if (timedOut || (expect !== null && code !== expect)) {
          const why = timedOut
            ? `was stopped after its ${(timeoutMs / 60000).toFixed(0)}-minute limit (exit ${code ?? signal})`
            : `exited ${code ?? signal}, expected ${expect}`;
          reject(
            new Error(
              `pulumi ${args.join(" ")} ${why} (after ${(run.ms / 1000).toFixed(1)} s):\n` +
                `--- diagnostics ---\n${diagnostics(stdout)}\n--- stdout (tail) ---\n${tail(stdout, 25)}\n` +
                `--- stderr (tail) ---\n${tail(stderr, 30)}`,
            ),
          );
        } else resolve(run);
      });
    });
  }

  /**
   * Creates (or selects) and deploys the platform stack: no resources, one output with the identity layer's
   * export. Returns its fully qualified name for `tenant:platformStack`.
   */
  async deployPlatform(
    stack: string,
    departments: Record<string, { groupId: string; adminGroupId: string }>,
  ): Promise<string> {
    fs.mkdirSync(this.platformDir, { recursive: true });
    fs.writeFileSync(
      path.join(this.platformDir, "Pulumi.yaml"),
      "name: tenant-platform\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n",
    );
    fs.writeFileSync(
      path.join(this.platformDir, "index.ts"),
      `// What the identity layer of a real platform stack exports; the group ids are the emulator's.\n` +
        `export const identity = ${JSON.stringify({ departments }, null, 2)};\n`,
    );
    fs.writeFileSync(
      path.join(this.platformDir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "commonjs", strict: true, skipLibCheck: true },
      }),
    );
    linkOnce(path.join(REPO, "node_modules"), path.join(this.platformDir, "node_modules"));
    await this.pulumi(["stack", "select", "--create", stack], { cwd: this.platformDir });
    await this.pulumi(["up", "--yes", "--skip-preview"], { cwd: this.platformDir });
    return `organization/tenant-platform/${stack}`;
  }

  /** Writes `project/stacks/Pulumi.<stack>.yaml`, creates the stack and selects it. */
  async initStack(stack: string, config: Record<string, string>, lists: Record<string, string[]> = {}) {
    await this.pulumi(["stack", "init", stack]);
    for (const [key, value] of Object.entries(config)) await this.pulumi(["config", "set", key, value]);
    // A typed array key must be a YAML list in the stack file (a JSON string fails the project's type check).
    for (const [key, values] of Object.entries(lists)) {
      for (const [i, value] of values.entries()) {
        await this.pulumi(["config", "set", "--path", `${key}[${i}]`, value]);
      }
    }
  }

  /** Whether the project has this stack in the workspace's backend (and selects it if so). */
  async selectStack(stack: string): Promise<boolean> {
    return (await this.pulumi(["stack", "select", stack], { expect: null })).code === 0;
  }

  /** Size in bytes and parsed content of `pulumi stack export`. */
  async exportStack(): Promise<{ text: string; deployment: StackDeployment }> {
    const { stdout } = await this.pulumi(["stack", "export"]);
    return { text: stdout, deployment: JSON.parse(stdout) as StackDeployment };
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export interface StateResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface StackDeployment {
  deployment: { resources?: StateResource[] };
}

/** A symlink to `target`, made unless `link` already exists (a reused workspace keeps its links). */
function linkOnce(target: string, link: string): void {
  try {
    fs.lstatSync(link);
  } catch {
    fs.symlinkSync(target, link);
  }
}

/** The repository's Pulumi.yaml with `stackConfigDir` pointing at the workspace's own stacks folder. */
function projectFile(): string {
  const original = fs.readFileSync(path.join(REPO, "Pulumi.yaml"), "utf8");
  if (!/^stackConfigDir: stacks$/m.test(original)) {
    throw new Error("Pulumi.yaml no longer has `stackConfigDir: stacks` — update tools/engine-workspace");
  }
  // Same folder name, but inside the workspace (Pulumi.yaml is copied, not linked).
  return original;
}
