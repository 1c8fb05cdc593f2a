import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { LAYER_NAMES, parseLayers, type LayerName } from "../../layers";
import { resolveDefinitionDir } from "../../config/definitionDir";
import { formatDiagnostic } from "../../config/diagnostics";
import { stackFileSettings } from "../../config/stackFile";
import { EXIT, UsageError } from "../../exitCodes";
import type { PlanRequest } from "../../plan/settings";
import { formatOption, stackOption } from "../options/common";
import { parseOptions } from "../options/parse";
import { PLAN_FORMATS, planOptions, type PlanOptions } from "../options/plan";
import { checkOutputs } from "../outputPath";

/**
 * The shell of `tenant plan`: reads the options and the stack file, then hands over to src/plan (run.ts for the
 * plain plan, runBasePlan.ts for --base), which renders (src/render), models and formats (src/plan/format).
 */

export type { PlanOptions };

export function registerPlan(program: Command, exit: (code: number) => void): void {
  program
    .command("plan")
    .description(
      "render what `pulumi up` would create for a definition, offline: counts per type and department; " +
        "with --base, what a pull request changes (see docs/review-workflow.md)",
    )
    .addOption(
      stackOption("the definition in stacks/<name>/ (layers and platform stack from Pulumi.<name>.yaml)"),
    )
    .option("--dir <path>", "a definition folder anywhere (e.g. a copy under review)")
    .addOption(formatOption(PLAN_FORMATS))
    .option("--layers <list>", `comma-separated layers to render (${LAYER_NAMES.join(",")}; default all)`)
    .option("--platform-stack <name>", "stack the rendered layers read earlier layers from")
    .option(
      "--base <git-ref>",
      "compare with the definition at this git ref (e.g. origin/main), rendered with the current code",
    )
    .option(
      "--forecast",
      "with --base: forecast the apply (Graph requests and writes, Teams cmdlets, number operations, wall time) " +
        "by running the providers against an emulator holding the base applied",
    )
    .option("--out <file>", "write the plan to a file instead of stdout")
    .option(
      "--into-definition",
      "allow --out inside a definition folder (one holding tenant.yaml); refused otherwise, to protect it",
    )
    .action(async (raw: unknown, cmd: Command) => {
      const opts = parseOptions(planOptions, raw, cmd);
      let text = "";
      const code = await runPlan(opts, (s) => (text += s));
      // bin/tenant.js exits right after; a large JSON plan on a pipe must be flushed before that.
      await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
      exit(code);
    });
}

export function layersFrom(opts: PlanOptions, fromStack: string[] | undefined): LayerName[] {
  const list =
    opts.layers !== undefined
      ? opts.layers
          .split(",")
          .map((l) => l.trim())
          .filter(Boolean)
      : fromStack;
  try {
    return parseLayers(
      list,
      opts.layers !== undefined ? "--layers" : `stacks/Pulumi.${opts.stack}.yaml tenant:layers`,
    );
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/**
 * Checks the options that go together and --out, then runs the plan (to the file with --out). Resolves to the exit
 * code; usage errors throw UsageError.
 */
export async function runPlan(opts: PlanOptions, write: (s: string) => void): Promise<number> {
  if (opts.format === "markdown" && opts.base === undefined) {
    throw new UsageError(
      "--format markdown is the pull-request plan: add --base <git-ref> (e.g. origin/main)",
    );
  }
  if (opts.forecast && opts.base === undefined) {
    throw new UsageError(
      "--forecast compares what the apply does from the base: add --base <git-ref> (e.g. origin/main)",
    );
  }
  if (opts.out === undefined) return runPlanTo(opts, write);
  checkOutputs([
    { flag: "--out", path: opts.out, kind: "file", fileName: "plan.md", intoDefinition: opts.intoDefinition },
  ]);
  // The whole output goes to the file; stdout gets one line saying where (CI logs stay short).
  let text = "";
  const code = await runPlanTo(opts, (s) => (text += s));
  try {
    writeFileSync(opts.out, text);
  } catch (err) {
    throw new UsageError(`--out ${opts.out}: ${(err as Error).message}`);
  }
  write(`tenant plan: wrote ${opts.out} (exit ${code})\n`);
  return code;
}

async function runPlanTo(opts: PlanOptions, write: (s: string) => void): Promise<number> {
  const dir = resolveDefinitionDir(opts);
  const fromStack = opts.stack ? stackFileSettings(opts.stack) : {};
  if (fromStack.problem) {
    write(`${formatDiagnostic(fromStack.problem)}\n`);
    return EXIT.invalid;
  }
  const request: PlanRequest = {
    dir,
    stack: opts.stack,
    format: opts.format,
    layers: layersFrom(opts, fromStack.layers),
    platformStack: opts.platformStack ?? fromStack.platformStack,
    instance: fromStack.instance,
  };
  // Loaded only here, each when asked for: every command's registration loads this file.
  if (opts.base !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runBasePlan } = require("../../plan/runBasePlan") as typeof import("../../plan/runBasePlan");
    return runBasePlan({ ...request, base: opts.base, forecast: opts.forecast === true }, write);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runPlainPlan } = require("../../plan/runPlainPlan") as typeof import("../../plan/runPlainPlan");
  return runPlainPlan(request, write);
}
