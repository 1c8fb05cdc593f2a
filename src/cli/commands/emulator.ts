import { Option, type Command } from "commander";
import type { EmulatorHandle, FaultOptions } from "../../emulator";
import type { TeamsAreaDoc } from "../../emulator/state/teams";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { resolveDefinitionDir } from "../../config/definitionDir";
import { checkOutputs } from "../outputPath";
import { EXIT } from "../../exitCodes";
import { emulatorOptions, QUOTA_CHOICES, type EmulatorOptions } from "../options/emulator";
import { parseOptions } from "../options/parse";

/** The stand-in for `pwsh` that forwards Teams cmdlets to the emulator (docs/teams-powershell.md). */
export const FAKE_PWSH = resolve(__dirname, "..", "..", "..", "tests", "fakes", "fake-pwsh.js");

export function registerEmulator(program: Command, exit: (code: number) => void): void {
  program
    .command("emulator")
    .description(
      "run the local tenant emulator: a Graph-compatible HTTPS server on 127.0.0.1 (docs/emulator.md)",
    )
    .addOption(new Option("--port <n>", "port to listen on; 0 picks a free one").default(0))
    .option("--state <file>", "keep the tenant in this file (atomic writes); a restart keeps it")
    .option(
      "--seed <dir>",
      "seed an empty tenant from this definition folder (users, department groups, SKUs)",
    )
    .option(
      "--applied",
      "with --seed: start as `pulumi up` of that definition leaves the tenant (licences, Teams policies, grants, numbers)",
    )
    .option("--fault-rate-429 <rate>", "share of requests answered 429 with Retry-After")
    .option("--retry-after <seconds>", "Retry-After of injected 429/503s; fractions allowed")
    .option("--retry-after-absent-rate <rate>", "share of injected 429/503s sent without Retry-After")
    .option("--fault-rate-503 <rate>", "share of requests answered 503")
    .option("--slow-ms <ms>", "delay responses by this many milliseconds")
    .option("--slow-rate <rate>", "share of responses delayed (default all, when --slow-ms is set)")
    .option("--drop-rate <rate>", "share of connections destroyed before answering")
    .option("--drop-after-write-rate <rate>", "share of writes carried out whose response is then lost")
    .option("--fault-seed <n>", "seed of the fault generator (same seed, same faults)")
    .addOption(
      new Option("--quota <on|off>", "Graph's write quota: 3,000 writes per 150 s per app")
        .choices(QUOTA_CHOICES)
        .default("on"),
    )
    .option("--client-id <id>", "client id the token endpoint accepts")
    .option("--client-secret <secret>", "client secret the token endpoint accepts")
    .action(async (raw: unknown, cmd: Command) =>
      exit(
        await runEmulator(
          parseOptions(emulatorOptions, raw, cmd),
          (s) => process.stdout.write(s),
          untilSignal,
        ),
      ),
    );
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(sig);
    };
    const onInt = on("SIGINT");
    const onTerm = on("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
}

export function faultsFrom(opts: EmulatorOptions): FaultOptions {
  const faults: FaultOptions = { quota: opts.quota !== "off" };
  if (opts.faultSeed !== undefined) faults.seed = opts.faultSeed;
  if (opts.faultRate429 !== undefined) faults.rate429 = opts.faultRate429;
  if (opts.retryAfter !== undefined) faults.retryAfter = opts.retryAfter;
  if (opts.retryAfterAbsentRate !== undefined) faults.retryAfterAbsentRate = opts.retryAfterAbsentRate;
  if (opts.faultRate503 !== undefined) faults.rate503 = opts.faultRate503;
  if (opts.slowMs !== undefined) faults.slowMs = opts.slowMs;
  if (opts.slowRate !== undefined) faults.slowRate = opts.slowRate;
  if (opts.dropRate !== undefined) faults.dropRate = opts.dropRate;
  if (opts.dropAfterWriteRate !== undefined) faults.dropAfterWriteRate = opts.dropAfterWriteRate;
  return faults;
}

/** Starts the emulator, prints how to use it, runs until `until` resolves; returns the exit code. */
export async function runEmulator(
  opts: EmulatorOptions,
  write: (s: string) => void,
  until: () => Promise<unknown>,
): Promise<number> {
  const seed = opts.seed === undefined ? undefined : resolveDefinitionDir({ dir: opts.seed });
  // Absolute, so the printed CA path works from any folder; checked first, and no folder is ever made for it.
  const stateFile = opts.state === undefined ? undefined : resolve(opts.state);
  if (stateFile !== undefined) {
    checkOutputs(
      [stateFile, `${stateFile}.ca.pem`].map((path) => ({
        flag: "--state",
        path,
        kind: "file" as const,
        fileName: "tenant.json",
        noIntoDefinitionFlag: true,
      })),
    );
  }
  let emu: EmulatorHandle;
  try {
    // Loaded on use: the emulator (TLS, certificate generation) is heavy, and `tenant validate` should not pay for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require; import() would load it as ESM
    const { startEmulator } = require("../../emulator") as typeof import("../../emulator");
    emu = await startEmulator({
      port: opts.port,
      stateFile,
      seed,
      applied: opts.applied === true,
      faults: faultsFrom(opts),
      auth: {
        ...(opts.clientId ? { clientId: opts.clientId } : {}),
        ...(opts.clientSecret ? { clientSecret: opts.clientSecret } : {}),
      },
    });
  } catch (err) {
    process.stderr.write(`tenant emulator: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.invalid;
  }
  write(describe(emu, { ...opts, state: stateFile }));
  await until();
  await emu.stop();
  write("tenant emulator stopped\n");
  return EXIT.ok;
}

function describe(emu: EmulatorHandle, opts: EmulatorOptions): string {
  const s = emu.state;
  return [
    `tenant emulator listening on ${emu.url}`,
    `  CA file   ${emu.caFile}`,
    `  tenant    ${emu.tenantId} (${s.tenant.displayName}): ${s.users.length} users, ${s.groups.length} groups, ${s.skus.length} SKUs`,
    ...(opts.applied ? [`  applied   ${appliedSummary(emu)}`] : []),
    `  state     ${opts.state ?? "in memory (use --state FILE to keep it)"}`,
    `  quota     ${opts.quota}`,
    ...emu.warnings.map((w) => `  warning   ${w}`),
    ``,
    `Point the toolkit at it (trusts the CA for these connections only; drift and export reach its Teams`,
    `PowerShell endpoint through the fake pwsh):`,
    `  export TENANT_GRAPH_ENDPOINT=${emu.url}`,
    `  export TENANT_GRAPH_CA_FILE=${emu.caFile}`,
    `  export AZURE_AUTHORITY_HOST=${emu.url}`,
    `  export AZURE_TENANT_ID=${emu.tenantId}`,
    `  export AZURE_CLIENT_ID=${emu.auth.clientId}`,
    `  export AZURE_CLIENT_SECRET=${emu.auth.clientSecret}`,
    ...(existsSync(FAKE_PWSH)
      ? [`  export TENANT_PWSH_PATH=${FAKE_PWSH}`]
      : [
          `  # TENANT_PWSH_PATH: the fake PowerShell (tests/fakes/fake-pwsh.js) is missing from this checkout`,
        ]),
    ``,
    `Counters: ${emu.url}_emulator/counters   Stop with Ctrl+C.`,
    ``,
  ].join("\n");
}

/** One line on what `--applied` left in the tenant, so a reader sees it took effect. */
function appliedSummary(emu: EmulatorHandle): string {
  const s = emu.state;
  const licensed = s.groups.filter((g) => g.assignedLicenses.length > 0).length;
  const teams = s.doc.areas.teams as TeamsAreaDoc | undefined;
  const numbers = Object.values(teams?.numbers ?? {}).filter((n) => n.assignmentStatus === "userAssigned");
  return (
    `${licensed} groups licensed, ${teams?.policies.length ?? 0} Teams policies, ` +
    `${teams?.groupAssignments.length ?? 0} group grants, ${numbers.length} numbers assigned`
  );
}
