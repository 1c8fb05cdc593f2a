/**
 * scripts/try-emulator: `pulumi preview` / `pulumi up` of the repository's program, under the engine
 * scripts/pulumi-engine builds, against the emulator whose variables this shell exported (README "Try a change
 * against the emulator", docs/engine.md "Try a change with the engine").
 *
 * The workspace is tools/engine-workspace's, kept in `.cache/try-emulator/<stack>/` so each run diffs against
 * the last: file backend, secrets under a fixed local passphrase, the m365 and teamsVoice layers of
 * `stacks/<stack>/`, and a platform stack exporting the emulator's department group ids (read over Graph).
 * The engine adopts nothing: the stack's first `up` creates the tenant, so the emulator starts seeded, not applied.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError } from "commander";
import { resolveDefinitionDir } from "../../src/config/definitionDir";
import { EXIT, UsageError } from "../../src/exitCodes";
import type { TenantDefinition } from "../../src/config/definition";
import { createGraphClient } from "../../src/graph";
import { loadValidDefinition } from "../../src/stackConfig";
import { EngineWorkspace, REPO } from "../engine-workspace/engineWorkspace";
import {
  GROUPS_REQUEST,
  looksRestartedEmpty,
  platformExportFromGroups,
  type DepartmentGroups,
  type ListedGroup,
} from "./platformExport";

/** Local only: it encrypts the secrets of a throw-away stack on this machine, never a real one. */
export const TRY_PASSPHRASE = "try-emulator-local";
const PLATFORM_STACK = "platform";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

class Failure extends Error {}

const say = (line: string) => process.stderr.write(`try-emulator: ${line}\n`);

/** The workspace folder of a stack (reset removes exactly this). */
export const workspaceDir = (stack: string) => path.join(REPO, ".cache", "try-emulator", stack);

/** The emulator's endpoint and fake PowerShell from the environment, or what to export. */
function emulatorEnvironment(env: NodeJS.ProcessEnv): string {
  const endpoint = env.TENANT_GRAPH_ENDPOINT;
  const howTo =
    "start `npx tenant emulator --seed stacks/<stack> …` and paste the `export …` lines it prints";
  if (!endpoint) throw new Failure(`TENANT_GRAPH_ENDPOINT is not set — ${howTo}`);
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    throw new Failure(`TENANT_GRAPH_ENDPOINT=${endpoint} is not a URL — ${howTo}`);
  }
  // This workspace's state is protected by a published passphrase: it is for the local emulator only.
  if (!LOOPBACK.has(host)) {
    throw new Failure(
      `TENANT_GRAPH_ENDPOINT=${endpoint} is not the local emulator (127.0.0.1) — try-emulator never deploys to a ` +
        `real tenant; use \`pulumi up\` with a stack of your own (README "Running it for real")`,
    );
  }
  const pwsh = env.TENANT_PWSH_PATH;
  if (!pwsh || !fs.existsSync(pwsh)) {
    throw new Failure(`TENANT_PWSH_PATH is ${pwsh ? `${pwsh}, which does not exist` : "not set"} — ${howTo}`);
  }
  return endpoint;
}

async function listGroups(endpoint: string): Promise<ListedGroup[]> {
  try {
    return await createGraphClient().getAll<ListedGroup>(GROUPS_REQUEST);
  } catch (error) {
    throw new Failure(
      `could not list the groups of ${endpoint}: ${error instanceof Error ? error.message : String(error)} — ` +
        `is the emulator still running, and are its variables exported in this shell?`,
    );
  }
}

function readJson<T>(file: string): T | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as T) : undefined;
}

/** Sets the workspace up (first run) or checks it still fits the running emulator; returns it ready to run. */
async function prepare(stack: string, definitionDir: string, definition: TenantDefinition) {
  const endpoint = emulatorEnvironment(process.env);
  const groups = await listGroups(endpoint);
  const found = platformExportFromGroups(definition, groups);
  if (!found.ok) {
    throw new Failure(
      `the emulator at ${endpoint} does not hold stacks/${stack}'s department groups:\n  ${found.problems.join("\n  ")}\n` +
        `Start it with --seed stacks/${stack}.`,
    );
  }
  const root = workspaceDir(stack);
  const reset = `scripts/try-emulator reset --stack ${stack}`;
  const platformFile = path.join(root, "platform.json");
  const appliedFile = path.join(root, "applied");
  const known = readJson<Record<string, DepartmentGroups>>(platformFile);
  if (known && JSON.stringify(known) !== JSON.stringify(found.departments)) {
    throw new Failure(
      `${path.relative(REPO, root)} was built against another emulator tenant (other group ids) — run ${reset} ` +
        `to start over, or restart the emulator with the --state file it was built against`,
    );
  }
  if (fs.existsSync(appliedFile) && looksRestartedEmpty(definition, found.departments, groups)) {
    throw new Failure(
      `the stack was applied, but the emulator's department groups hold no licence: the emulator was restarted ` +
        `with a new tenant — run ${reset} and apply again (or restart it with the --state file it ran with)`,
    );
  }

  const started = Date.now();
  const ws = new EngineWorkspace({ root, passphrase: TRY_PASSPHRASE, env: {} });
  try {
    await ws.login();
  } catch (error) {
    throw new Failure(`pulumi login to ${path.relative(REPO, root)}/state failed: ${String(error)}`);
  }
  if (!known) {
    say(`first run: creating the workspace ${path.relative(REPO, root)} (platform stack, stack ${stack})`);
    try {
      const platformStack = await ws.deployPlatform(PLATFORM_STACK, found.departments);
      if (!(await ws.selectStack(stack))) {
        await ws.initStack(
          stack,
          { "tenant:definition": definitionDir, "tenant:platformStack": platformStack },
          { "tenant:layers": ["m365", "teamsVoice"] },
        );
      }
    } catch (error) {
      throw new Failure(
        `setting up the workspace failed (${reset} starts over): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    fs.writeFileSync(platformFile, `${JSON.stringify(found.departments, null, 2)}\n`);
    say(`workspace ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else if (!(await ws.selectStack(stack))) {
    throw new Failure(`${path.relative(REPO, root)} has no stack ${stack} — run ${reset} to start over`);
  }
  return { ws, appliedFile };
}

async function run(action: "up" | "preview", stack: string, extra: string[]): Promise<number> {
  const definitionDir = resolveDefinitionDir({ stack });
  let definition: TenantDefinition;
  try {
    definition = loadValidDefinition(definitionDir);
  } catch (error) {
    throw new Failure(error instanceof Error ? error.message : String(error));
  }
  const { ws, appliedFile } = await prepare(stack, definitionDir, definition);
  const args = action === "up" ? ["up", "--yes", "--skip-preview", ...extra] : ["preview", ...extra];
  say(`pulumi ${args.join(" ")} (stack ${stack}, engine ${ws.bin})`);
  const result = await ws.pulumi(args, { expect: null, inherit: true, timeoutMs: 2 * 60 * 60 * 1000 });
  say(`pulumi ${action} exited ${result.code ?? "on a signal"} after ${(result.ms / 1000).toFixed(1)} s`);
  if (action === "up" && result.code === 0) fs.writeFileSync(appliedFile, `${new Date().toISOString()}\n`);
  return result.code ?? EXIT.invalid;
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("scripts/try-emulator")
    .description(
      "pulumi preview / up of stacks/<stack>/ (m365 and teamsVoice layers) under the built engine, against the " +
        "emulator whose variables are exported; state kept in .cache/try-emulator/<stack>/",
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const stackOption = ["--stack <name>", "the stack: definition stacks/<name>/", "example"] as const;
  for (const action of ["up", "preview"] as const) {
    program
      .command(action)
      .description(
        action === "up"
          ? "apply the definition to the emulator (the first run creates the whole tenant)"
          : "show what up would change, writing nothing",
      )
      .option(...stackOption)
      .argument("[pulumi-args...]", `more arguments for pulumi ${action}, after --`)
      .action(async (extra: string[], opts: { stack: string }) => {
        code = await run(action, opts.stack, extra);
      });
  }
  program
    .command("reset")
    .description("remove the stack's workspace (state included); the emulator is left as it is")
    .option(...stackOption)
    .action((opts: { stack: string }) => {
      resolveDefinitionDir({ stack: opts.stack });
      const root = workspaceDir(opts.stack);
      fs.rmSync(root, { recursive: true, force: true });
      say(`removed ${path.relative(REPO, root)}`);
    });
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      say(error.message);
      return EXIT.usage;
    }
    if (error instanceof Failure) {
      say(error.message);
      return EXIT.invalid;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      say(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(70);
    },
  );
}
