/**
 * `tenant export --graph <url> --out <dir> [--departments-by <attribute>] [--fresh]`: reads a live tenant
 * (Graph + Teams PowerShell, src/live/read.ts) and writes the definition folder it implies, with
 * `export-report.md`/`.json` listing what a definition cannot express (src/export). Resumable: an interrupted
 * run leaves a checkpoint in the output folder that the next run continues from. Exit 0 written and valid,
 * 1 failure (or the written folder does not validate), 2 usage.
 */
import type { Command } from "commander";
import type { LiveReadDeps } from "../../live/read";
import { openLiveSources, type LiveEnv } from "../../live/sources";
import { EXIT, UserError } from "../../exitCodes";
import { answerTimeoutOption, graphOption } from "../options/common";
import {
  DEFAULT_DEPARTMENTS_BY,
  DEPARTMENTS_BY,
  exportOptions,
  type ExportCommandOptions,
} from "../options/export";
import { parseOptions } from "../options/parse";
import { checkOutputs } from "../outputPath";
import { DEFAULT_ANSWER_TIMEOUT_S, firstAnswer } from "../firstAnswer";

export { DEPARTMENTS_BY };

export type ExportOptions = ExportCommandOptions & {
  /** How often the wait is reported, in ms (tests shorten it; not a flag). */
  progressMs?: number;
};

export interface ExportIo {
  stdout: (s: string) => void;
  /** Progress goes here; a TTY gets the redrawn bar. */
  stderr: { isTTY?: boolean; write(s: string): unknown };
  env: LiveEnv;
}

export interface ExportSources extends LiveReadDeps {
  /** One small request that shows the endpoint answers at all; bounded by `timeoutMs`. */
  probe?(timeoutMs: number): Promise<unknown>;
  close(): Promise<void>;
}

export function registerExport(program: Command, exit: (code: number) => void): void {
  program
    .command("export")
    .description(
      "read a live tenant and write the definition folder it implies, with a report of what it cannot say",
    )
    .addOption(graphOption())
    .option("--out <dir>", "folder to write (new, empty, or a previous export)")
    .option(
      "--departments-by <attribute>",
      `user attribute departments are grouped by (${DEPARTMENTS_BY.join(", ")})`,
      DEFAULT_DEPARTMENTS_BY,
    )
    .option("--fresh", "ignore the checkpoint of an interrupted export and read everything again")
    .addOption(answerTimeoutOption())
    .option(
      "--into-definition",
      "allow --out to be (or be inside) a definition folder that is not a previous export",
    )
    .action(async (raw: unknown, cmd: Command) =>
      exit(
        await runExportCommand(parseOptions(exportOptions, raw, cmd), {
          stdout: (s) => process.stdout.write(s),
          stderr: process.stderr,
          env: process.env,
        }),
      ),
    );
}

/** The real sources: src/live/sources.ts, as drift opens them. */
export function liveSources(graphUrl: string | undefined, env: ExportIo["env"]): ExportSources {
  return openLiveSources(graphUrl, env);
}

export async function runExportCommand(
  opts: ExportOptions,
  io: ExportIo,
  sources?: (graphUrl: string | undefined) => ExportSources,
): Promise<number> {
  checkOutputs([
    {
      flag: "--out",
      path: opts.out,
      kind: "folder",
      createParents: true,
      intoDefinition: opts.intoDefinition,
    },
  ]);
  /* eslint-disable @typescript-eslint/no-require-imports -- the export modules load only when export runs */
  const { runExport, checkOutputFolder } = require("../../export/run") as typeof import("../../export/run");
  const { progressSink } = require("../../export/progress") as typeof import("../../export/progress");
  const { validateDefinition } = require("../../config/validate") as typeof import("../../config/validate");
  const { formatDiagnosticLines } =
    require("../../config/diagnostics") as typeof import("../../config/diagnostics");
  /* eslint-enable @typescript-eslint/no-require-imports */
  try {
    checkOutputFolder(opts.out);
  } catch (error) {
    if (error instanceof UserError) {
      io.stdout(`tenant export: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  const graphUrl = opts.graph ?? io.env.TENANT_GRAPH_ENDPOINT;
  const where = graphUrl ?? "https://graph.microsoft.com";
  const sink = progressSink(io.stderr);
  let src: ExportSources | undefined;
  try {
    src = (sources ?? ((url) => liveSources(url, io.env)))(opts.graph);
    const probe = src.probe?.bind(src);
    if (probe) {
      io.stderr.write(`tenant export: reading ${where} …\n`);
      const timeoutMs = (opts.answerTimeout ?? DEFAULT_ANSWER_TIMEOUT_S) * 1000;
      try {
        await firstAnswer(() => probe(timeoutMs), {
          command: "tenant export",
          where,
          timeoutMs,
          progressMs: opts.progressMs,
          report: (s) => io.stderr.write(s),
        });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        io.stdout(`tenant export: ${error.message}\n`);
        return error.exitCode;
      }
    }
    const result = await runExport(src, {
      out: opts.out,
      departmentsBy: opts.departmentsBy,
      fresh: opts.fresh,
      progress: (e) => sink.onEvent(e),
    });
    sink.finish();
    const { counts, entries } = result.definition.report;
    if (result.resumed.length > 0) io.stdout(`Resumed from the checkpoint: ${result.resumed.join(", ")}.\n`);
    io.stdout(
      `Exported ${where} to ${opts.out}: ${counts.departments} departments, ${counts.users} users, ` +
        `${counts["numbers exported"]} numbers in ${counts["number ranges"]} ranges.\n` +
        `${entries.length} report entries (what the definition cannot express, and placeholders to complete): ` +
        `${opts.out}/export-report.md\n`,
    );
    const validation = validateDefinition(opts.out);
    if (validation.diagnostics.length > 0) {
      io.stdout(
        formatDiagnosticLines(
          validation.diagnostics,
          undefined,
          `run tenant validate --dir ${opts.out} --format json to list them all`,
        ),
      );
      io.stdout(`The exported folder does not validate (${validation.diagnostics.length} problems above).\n`);
      return EXIT.invalid;
    }
    io.stdout("The exported folder validates.\n");
    return EXIT.ok;
  } catch (error) {
    sink.finish();
    // A damaged checkpoint (src/live/readCheckpoint.ts) says what to do itself; anything else may resume.
    if (error instanceof UserError) {
      io.stdout(`tenant export: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stdout(
      `tenant export: reading ${where} failed: ${message}\n` +
        `What was read is kept in ${opts.out}/.export-checkpoint; run the same command again to resume.\n`,
    );
    return EXIT.invalid;
  } finally {
    await src?.close();
  }
}
