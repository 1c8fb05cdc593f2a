import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { budgetStartDate } from "../../departments/budget";
import { applyInstance, parseInstanceSubscriptions, type InstanceSettings } from "../../instance";
import { LAYER_NAMES, parseLayers, type LayerName } from "../../layers";
import type { BuildSettings } from "../../program";
import { lstatOrUndefined } from "../../config/definitionEntries";
import { formatDiagnostic, type Diagnostic } from "../../config/diagnostics";
import { readDefinitionFile } from "../../config/sourceFile";
import { validateDefinition } from "../../config/validate";
import { parseYaml } from "../../config/yamlSource";
import { runValidate } from "./validate";
import { resolveDefinitionDir, STACKS_DIR } from "../definitionDir";
import { EXIT, UsageError } from "../exitCodes";
import { formatOption, stackOption } from "../options/common";
import { parseOptions } from "../options/parse";
import { PLAN_FORMATS, planOptions, type PlanOptions } from "../options/plan";
import { checkOutputs } from "../outputPath";

export type { PlanOptions };

/** Stands in for `tenant:platformStack` when a plan reads layers it does not deploy and none was named. */
const UNNAMED_PLATFORM_STACK = "<platform stack>";

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

/**
 * `tenant:layers` / `tenant:platformStack` of stacks/Pulumi.<stack>.yaml, so a plan matches that stack's `pulumi up`.
 * The file is read like a definition file (a regular file only; aliases, depth and size bounded); `problem` is set
 * when it cannot be read.
 */
export function stackFileSettings(
  stack: string,
  stacksDir = STACKS_DIR,
): { layers?: string[]; platformStack?: string; instance?: InstanceSettings; problem?: Diagnostic } {
  const file = join(stacksDir, `Pulumi.${stack}.yaml`);
  const display = `stacks/Pulumi.${stack}.yaml`;
  if (!lstatOrUndefined(file)) return {};
  const read = readDefinitionFile(file, display);
  if (!read.ok) return { problem: read.diagnostic };
  const parsed = parseYaml(display, read.text);
  if (!parsed.ok) return { problem: parsed.diagnostics[0] };
  const data = parsed.source.data as { config?: Record<string, unknown> } | null;
  const config =
    (typeof data === "object" && data !== null && typeof data.config === "object" && data.config) || {};
  const layers = config["tenant:layers"];
  const platformStack = config["tenant:platformStack"];
  const instance = config["tenant:instance"];
  const instanceSubscriptions = config["tenant:instanceSubscriptions"];
  return {
    layers: Array.isArray(layers) ? layers.map(String) : undefined,
    platformStack: typeof platformStack === "string" ? platformStack : undefined,
    instance:
      typeof instance === "string"
        ? {
            name: instance,
            subscriptions: parseInstanceSubscriptions(
              Array.isArray(instanceSubscriptions) ? instanceSubscriptions : undefined,
            ),
          }
        : undefined,
  };
}

/** The settings both sides of a plan render with: the stack's, so a plan matches that stack's `pulumi up`. */
export function buildSettings(
  opts: PlanOptions,
  dir: string,
  layers: LayerName[],
  stackPlatform: string | undefined,
  now = new Date(),
): BuildSettings {
  const needsPlatform = layers.length < LAYER_NAMES.length;
  return {
    layers,
    platformStack:
      opts.platformStack ?? stackPlatform ?? (needsPlatform ? UNNAMED_PLATFORM_STACK : undefined),
    budgetStartDate: budgetStartDate(now),
    environment: opts.stack ?? basename(dir),
  };
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
 * Validates first (an invalid definition prints exactly what `tenant validate` prints and registers nothing),
 * then renders and prints. Resolves to the exit code.
 */
export async function runPlan(opts: PlanOptions, write: (s: string) => void): Promise<number> {
  if (opts.format === "markdown" && opts.base === undefined) {
    throw new UsageError(
      "--format markdown is the pull-request plan: add --base <git-ref> (e.g. origin/main)",
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
  const layers = layersFrom(opts, fromStack.layers);
  if (opts.base !== undefined) {
    // Loaded only here: the diff code is not needed by the plain plan.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runBasePlan } = require("../../plan/runBasePlan") as typeof import("../../plan/runBasePlan");
    return runBasePlan({ ...opts, base: opts.base }, dir, layers, fromStack.platformStack, write);
  }
  const result = validateDefinition(dir);
  if (!result.definition || result.diagnostics.length > 0) {
    return runValidate({ ...opts, format: opts.format === "json" ? "json" : "text" }, write);
  }
  // The Pulumi SDK and azure-native take about a second to load; only `plan` pays for them, not `validate`.
  // (A dynamic import() would bypass the tsx/cjs hook bin/tenant.js installs, hence require.)
  const { buildPlan, formatPlanJson, formatPlanText } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../render") as typeof import("../../render");
  const settings = {
    ...buildSettings(opts, dir, layers, fromStack.platformStack),
    instance: fromStack.instance,
  };
  if (settings.instance) {
    try {
      applyInstance(result.definition, settings.instance);
    } catch (err) {
      throw new UsageError(`stacks/Pulumi.${opts.stack}.yaml: ${(err as Error).message}`);
    }
  }
  const plan = await buildPlan(result.definition, settings);
  write(
    opts.format === "json"
      ? formatPlanJson(plan.graph)
      : formatPlanText(plan.header, plan.summary, plan.subscriptions),
  );
  return EXIT.ok;
}
