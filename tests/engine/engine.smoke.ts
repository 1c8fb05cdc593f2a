/**
 * Smoke test of the real Pulumi engine (docs/engine.md): the `pulumi` CLI built from Go modules by
 * scripts/pulumi-engine, the project's Node.js language host, and the dynamic-provider and policy launchers.
 *
 * In a temporary directory, with a local file backend and passphrase secrets, a tiny TypeScript program that uses this
 * repository's node_modules (symlinked) registers one dynamic resource whose provider writes a file. The test runs
 * stack init, preview, up, preview --expect-no-changes, an update, destroy, and a preview with a policy pack, and
 * checks outputs, the file the provider wrote, and that the state holds no secret in plain text.
 *
 * Not part of `npm test`: run `scripts/engine-smoke` (builds the engine first if needed).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const repo = path.resolve(__dirname, "..", "..");
const passphrase = "engine-smoke-passphrase";
const secretToken = "t0k3n-that-must-never-be-stored-in-clear";

/** Pulumi.yaml options the repository's own Pulumi.yaml uses; see docs/engine.md for the TypeScript 6 finding. */
const PROGRAM_FILES: Record<string, string> = {
  "Pulumi.yaml": [
    "name: engine-smoke",
    "runtime:",
    "  name: nodejs",
    "  options:",
    "    typescript: true",
    "main: index.ts",
    "",
  ].join("\n"),
  "package.json": JSON.stringify({ name: "engine-smoke", version: "0.0.0", private: true }, null, 2),
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "bundler",
        strict: true,
        types: ["node"],
        esModuleInterop: true,
        skipLibCheck: true,
      },
    },
    null,
    2,
  ),
  // A dynamic provider that keeps a file: create writes it, update rewrites it, delete removes it. The engine
  // serializes these functions into the state and runs them in the pulumi-resource-pulumi-nodejs plugin.
  "index.ts": `
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";

interface FileInputs {
  dir: string;
  name: string;
  content: string;
}

const fileProvider: pulumi.dynamic.ResourceProvider<FileInputs> = {
  async create(inputs: FileInputs) {
    const file = path.join(inputs.dir, inputs.name);
    fs.writeFileSync(file, inputs.content);
    return { id: file, outs: { ...inputs, size: inputs.content.length } };
  },
  async diff(_id: string, olds: FileInputs, news: FileInputs) {
    const replaces = olds.dir !== news.dir || olds.name !== news.name ? ["dir", "name"] : [];
    return { changes: replaces.length > 0 || olds.content !== news.content, replaces };
  },
  async update(id: string, _olds: FileInputs, news: FileInputs) {
    fs.writeFileSync(id, news.content);
    return { outs: { ...news, size: news.content.length } };
  },
  async delete(id: string) {
    fs.rmSync(id, { force: true });
  },
};

class SmokeFile extends pulumi.dynamic.Resource {
  declare public readonly size: pulumi.Output<number>;
  constructor(name: string, args: { dir: string; name: string; content: pulumi.Input<string> }) {
    super(fileProvider, name, { ...args, size: undefined }, {}, "smoke", "SmokeFile");
  }
}

const config = new pulumi.Config();
const file = new SmokeFile("greeting", {
  dir: config.require("dir"),
  name: "greeting.txt",
  content: \`hello \${config.require("who")}\`,
});
export const fileId = file.id;
export const size = file.size;
export const token = config.requireSecret("token");
`,
};

/** A policy pack with one mandatory rule on the dynamic resource's inputs. */
const POLICY_FILES: Record<string, string> = {
  "PulumiPolicy.yaml": "runtime: nodejs\ndescription: engine smoke policy pack\n",
  "package.json": JSON.stringify({ name: "engine-smoke-policy", version: "0.0.1", private: true }, null, 2),
  "tsconfig.json": PROGRAM_FILES["tsconfig.json"],
  "index.ts": `
import { PolicyPack } from "@pulumi/policy";

new PolicyPack("engine-smoke-policy", {
  policies: [
    {
      name: "no-shouting",
      description: "Greeting files are written in lower case.",
      enforcementLevel: "mandatory",
      validateResource: (args, reportViolation) => {
        if (args.type === "pulumi-nodejs:dynamic/smoke:SmokeFile" && /[A-Z]/.test(String(args.props.content))) {
          reportViolation("greeting content must be lower case, got " + JSON.stringify(args.props.content));
        }
      },
    },
  ],
});
`,
};

interface Run {
  code: number;
  out: string;
}

describe("the Pulumi engine built from Go modules", () => {
  let tmp: string;
  let programDir: string;
  let policyDir: string;
  let filesDir: string;
  let env: NodeJS.ProcessEnv;

  /** Runs the built `pulumi` in the program directory; fails the test with the full output unless `code` matches. */
  function pulumi(args: string[], code = 0): Run {
    const r = spawnSync("pulumi", [...args, "--non-interactive", "--color", "never"], {
      cwd: programDir,
      env,
      encoding: "utf8",
      timeout: 5 * 60 * 1000,
    });
    const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
    if (r.error) throw new Error(`pulumi ${args.join(" ")}: ${r.error.message}\n${out}`);
    if (r.status !== code) {
      throw new Error(`pulumi ${args.join(" ")} exited ${r.status}, expected ${code}:\n${out}`);
    }
    return { code: r.status, out };
  }

  function writeFiles(dir: string, files: Record<string, string>): void {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    fs.symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"), "dir");
  }

  beforeAll(
    () => {
      const bin = execFileSync(path.join(repo, "scripts", "pulumi-engine"), ["--print-path"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        timeout: 60 * 60 * 1000,
      }).trim();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-engine-smoke-"));
      programDir = path.join(tmp, "program");
      policyDir = path.join(tmp, "policy");
      filesDir = path.join(tmp, "files");
      fs.mkdirSync(filesDir);
      fs.mkdirSync(path.join(tmp, "state"));
      writeFiles(programDir, PROGRAM_FILES);
      writeFiles(policyDir, POLICY_FILES);
      env = {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
        PULUMI_HOME: path.join(tmp, "home"),
        PULUMI_CONFIG_PASSPHRASE: passphrase,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      };
      pulumi(["login", `file://${path.join(tmp, "state")}`]);
    },
    60 * 60 * 1000,
  );

  afterAll(() => {
    if (tmp && !process.env.KEEP_ENGINE_SMOKE) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const greeting = () => path.join(filesDir, "greeting.txt");

  it("reports the version it was built at", () => {
    const expected = execFileSync(path.join(repo, "scripts", "pulumi-engine"), ["--version"], {
      encoding: "utf8",
    });
    expect(pulumi(["version"]).out.trim()).toBe(expected.trim());
  });

  it("initialises a stack on the file backend with passphrase secrets", () => {
    pulumi(["stack", "init", "smoke"]);
    pulumi(["config", "set", "dir", filesDir]);
    pulumi(["config", "set", "who", "world"]);
    pulumi(["config", "set", "--secret", "token", secretToken]);
    const stackFile = fs.readFileSync(path.join(programDir, "Pulumi.smoke.yaml"), "utf8");
    expect(stackFile).toContain("encryptionsalt:");
    expect(stackFile).not.toContain(secretToken);
  });

  it("previews the dynamic resource without touching anything", () => {
    const { out } = pulumi(["preview"]);
    expect(out).toMatch(/\+\s+pulumi-nodejs:dynamic\/smoke:SmokeFile\s+greeting\s+create/);
    expect(out).toMatch(/\+ 2 to create/);
    expect(fs.existsSync(greeting())).toBe(false);
  });

  it("creates it with `pulumi up`: the dynamic provider really runs", () => {
    pulumi(["up", "--yes", "--skip-preview"]);
    expect(fs.readFileSync(greeting(), "utf8")).toBe("hello world");
    const outputs = JSON.parse(pulumi(["stack", "output", "--json", "--show-secrets"]).out) as Record<
      string,
      unknown
    >;
    expect(outputs).toEqual({ fileId: greeting(), size: 11, token: secretToken });
    const masked = JSON.parse(pulumi(["stack", "output", "--json"]).out) as Record<string, unknown>;
    expect(masked.token).toBe("[secret]");
  });

  it("has no diff noise: `pulumi preview --expect-no-changes` passes", () => {
    pulumi(["preview", "--expect-no-changes"]);
  });

  it("stores secrets encrypted and the provider's serialized code in the state", () => {
    const state = pulumi(["stack", "export"]).out;
    expect(state).not.toContain(secretToken);
    expect(state).toContain('"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"');
    expect(state).toContain("__provider");
  });

  it("updates in place when an input changes", () => {
    pulumi(["config", "set", "who", "pulumi"]);
    const { out } = pulumi(["preview", "--json"]);
    const steps = (JSON.parse(out) as { steps: { op: string; urn: string }[] }).steps;
    expect(steps.filter((s) => s.op !== "same").map((s) => [s.op, s.urn.split("::").pop()])).toEqual([
      ["update", "greeting"],
    ]);
    pulumi(["up", "--yes", "--skip-preview"]);
    expect(fs.readFileSync(greeting(), "utf8")).toBe("hello pulumi");
  });

  it("runs a policy pack through the language host: a violation fails the preview with its message", () => {
    pulumi(["config", "set", "who", "WORLD"]);
    const { out } = pulumi(["preview", "--policy-pack", policyDir], 1);
    expect(out).toContain("no-shouting");
    expect(out).toContain('greeting content must be lower case, got "hello WORLD"');
    pulumi(["config", "set", "who", "pulumi"]);
    const ok = pulumi(["preview", "--policy-pack", policyDir, "--expect-no-changes"]);
    expect(ok.out).toContain("engine-smoke-policy");
  });

  it("destroys it: the provider's delete runs and the stack is empty", () => {
    pulumi(["destroy", "--yes", "--skip-preview"]);
    expect(fs.existsSync(greeting())).toBe(false);
    const deployment = JSON.parse(pulumi(["stack", "export"]).out) as {
      deployment: { resources?: unknown[] };
    };
    expect(deployment.deployment.resources ?? []).toEqual([]);
    pulumi(["stack", "rm", "--yes"]);
  });
});
