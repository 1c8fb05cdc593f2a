/**
 * `tenant drift --stack <name> [--graph <url>] [--format markdown|json] [--out FILE]`: reads the live tenant
 * (Graph + Teams PowerShell, src/live/read.ts), compares it with the definition (src/drift) and prints what
 * differs, with who changed it where Graph's directory audit says so. Exit 0 no drift, 3 drift, 1 error,
 * 2 usage. Heavy modules (reader, PowerShell adapter, the toolkit's Teams functions) load only when it runs.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { formatDiagnosticLines } from "../../config/diagnostics";
import { validateDefinition } from "../../config/validate";
import type { TenantDefinition } from "../../config/definition";
import type { DirectoryAudit } from "../../drift/audit";
import type { LiveTenant } from "../../live/snapshot";
import { resolveDefinitionDir } from "../../config/definitionDir";
import { EXIT, UserError } from "../../exitCodes";
import { answerTimeoutOption, formatOption, graphOption, stackOption } from "../options/common";
import { DRIFT_FORMATS, driftOptions, type DriftCommandOptions } from "../options/drift";
import { parseOptions } from "../options/parse";
import { checkOutputs } from "../outputPath";
import { DEFAULT_ANSWER_TIMEOUT_S, firstAnswer } from "../firstAnswer";
import { openLiveSources, type LiveEnv } from "../../live/sources";

export type DriftOptions = DriftCommandOptions & {
  /** How often the wait is reported, in ms (tests shorten it; not a flag). */
  progressMs?: number;
};

/** How the live tenant is read; tests inject their own, the CLI reads through Graph and PowerShell. */
export interface DriftSources {
  readLive(): Promise<LiveTenant>;
  /** Directory audit records; throwing makes the report say the audit could not be read. */
  readAudits(): Promise<DirectoryAudit[]>;
  /** One small request that shows the endpoint answers at all; bounded by `timeoutMs`. */
  probe?(timeoutMs: number): Promise<unknown>;
  close(): Promise<void>;
}

export interface DriftIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: LiveEnv;
}

export function registerDrift(program: Command, exit: (code: number) => void): void {
  program
    .command("drift")
    .description(
      "compare the definition with the live tenant: licences, numbers, policy grants, Teams config",
    )
    .addOption(stackOption())
    .option("--dir <path>", "a definition folder anywhere (e.g. an exported one)")
    .addOption(graphOption())
    .addOption(formatOption(DRIFT_FORMATS))
    .option("--out <file>", "write the report to this file instead of standard output")
    .addOption(answerTimeoutOption())
    .option(
      "--into-definition",
      "allow --out inside a definition folder (one holding tenant.yaml); refused otherwise, to protect it",
    )
    .action(async (raw: unknown, cmd: Command) =>
      exit(
        await runDrift(parseOptions(driftOptions, raw, cmd), {
          stdout: (s) => process.stdout.write(s),
          stderr: (s) => process.stderr.write(s),
          env: process.env,
        }),
      ),
    );
}

/** The real sources (src/live/sources.ts), read the way drift reads them: the tenant, then the directory audit. */
export function liveSources(graphUrl: string | undefined, env: DriftIo["env"]): DriftSources {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when drift runs */
  const { readLiveTenant } = require("../../live/read") as typeof import("../../live/read");
  const { readGroupAudits } = require("../../drift/readAudits") as typeof import("../../drift/readAudits");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const live = openLiveSources(graphUrl, env);
  return {
    readLive: async () => (await readLiveTenant(live)).tenant,
    readAudits: () => readGroupAudits(live.graph),
    probe: live.probe,
    close: live.close,
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runDrift(
  opts: DriftOptions,
  io: DriftIo,
  sources?: (graphUrl: string | undefined) => DriftSources,
): Promise<number> {
  const dir = resolveDefinitionDir(opts);
  const where = opts.graph ?? io.env.TENANT_GRAPH_ENDPOINT ?? "https://graph.microsoft.com";
  // Before reading anything: a bad --out must not cost a whole tenant read.
  if (opts.out !== undefined) {
    checkOutputs([
      {
        flag: "--out",
        path: opts.out,
        kind: "file",
        fileName: "drift.md",
        intoDefinition: opts.intoDefinition,
      },
    ]);
  }
  // A person sees at once that something is happening (the definition check takes a second or two).
  if (sources === undefined) io.stderr(`tenant drift: reading the live tenant from ${where} …\n`);
  const result = validateDefinition(dir);
  if (!result.definition || result.diagnostics.length > 0) {
    io.stderr(formatDiagnosticLines(result.diagnostics));
    io.stderr(
      `tenant drift: the definition in ${dir} is invalid; fix it (tenant validate) before comparing.\n`,
    );
    return EXIT.invalid;
  }
  const definition: TenantDefinition = result.definition;
  let src: DriftSources;
  try {
    src = (sources ?? ((url) => liveSources(url, io.env)))(opts.graph);
  } catch (error) {
    io.stderr(`tenant drift: cannot connect to ${where}: ${describeError(error)}\n`);
    return EXIT.invalid;
  }
  try {
    if (src.probe) {
      const timeoutMs = (opts.answerTimeout ?? DEFAULT_ANSWER_TIMEOUT_S) * 1000;
      try {
        await firstAnswer(() => src.probe!(timeoutMs), {
          command: "tenant drift",
          where,
          timeoutMs,
          progressMs: opts.progressMs,
          report: io.stderr,
        });
      } catch (error) {
        io.stderr(
          error instanceof UserError
            ? `tenant drift: ${error.message}\n`
            : `tenant drift: reading the live tenant from ${where} failed: ${describeError(error)}\n`,
        );
        return EXIT.invalid;
      }
    }
    let live: LiveTenant;
    try {
      live = await src.readLive();
    } catch (error) {
      io.stderr(`tenant drift: reading the live tenant from ${where} failed: ${describeError(error)}\n`);
      return EXIT.invalid;
    }
    let audits: DirectoryAudit[] | undefined;
    let auditProblem: string | undefined;
    try {
      audits = await src.readAudits();
    } catch (error) {
      // Attribution is a courtesy: the drift itself is still exact, so report it and say why "who" is missing.
      auditProblem = describeError(error);
      io.stderr(
        `tenant drift: the directory audit could not be read (${auditProblem}); continuing without it\n`,
      );
    }
    /* eslint-disable @typescript-eslint/no-require-imports -- the comparison pulls in the Teams layer */
    const drift = require("../../drift") as typeof import("../../drift");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const report = drift.attributeChanges(
      drift.compareTenant(definition, live),
      drift.departmentGroupIds(definition, live),
      audits,
      auditProblem,
    );
    const text = opts.format === "json" ? drift.formatDriftJson(report) : drift.formatDriftMarkdown(report);
    if (opts.out) {
      writeFileSync(opts.out, text);
      io.stderr(
        `tenant drift: ${report.entries.length === 0 ? "no drift" : `${report.entries.length} difference(s)`}; report written to ${opts.out}\n`,
      );
    } else {
      io.stdout(text);
    }
    return report.entries.length === 0 ? EXIT.ok : EXIT.drift;
  } finally {
    await src.close().catch(() => undefined);
  }
}
