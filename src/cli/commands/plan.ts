import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { parse } from "yaml";
import { budgetStartDate } from "../../departments/budget";
import { LAYER_NAMES, parseLayers, type LayerName } from "../../layers";
import { validateDefinition } from "../../config/validate";
import { runValidate } from "./validate";
import { resolveDefinitionDir, STACKS_DIR } from "../definitionDir";
import { EXIT, UsageError } from "../exitCodes";
import { formatOption, type OutputFormat } from "../options";

export interface PlanOptions {
  stack?: string;
  dir?: string;
  format: OutputFormat;
  layers?: string;
  platformStack?: string;
}

/** Stands in for `tenant:platformStack` when a plan reads layers it does not deploy and none was named. */
const UNNAMED_PLATFORM_STACK = "<platform stack>";

export function registerPlan(program: Command, exit: (code: number) => void): void {
  program
    .command("plan")
    .description(
      "render what `pulumi up` would create for a definition, offline: counts per type and department",
    )
    .option(
      "--stack <name>",
      "the definition in stacks/<name>/ (layers and platform stack from Pulumi.<name>.yaml)",
    )
    .option("--dir <path>", "a definition folder anywhere (e.g. a copy under review)")
    .addOption(formatOption(["text", "json"]))
    .option("--layers <list>", `comma-separated layers to render (${LAYER_NAMES.join(",")}; default all)`)
    .option("--platform-stack <name>", "stack the rendered layers read earlier layers from")
    .action(async (opts: PlanOptions) => {
      let text = "";
      const code = await runPlan(opts, (s) => (text += s));
      // bin/tenant.js exits right after; a large JSON plan on a pipe must be flushed before that.
      await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
      exit(code);
    });
}

/** `tenant:layers` / `tenant:platformStack` of stacks/Pulumi.<stack>.yaml, so a plan matches that stack's `pulumi up`. */
export function stackFileSettings(
  stack: string,
  stacksDir = STACKS_DIR,
): { layers?: string[]; platformStack?: string } {
  const file = join(stacksDir, `Pulumi.${stack}.yaml`);
  if (!existsSync(file)) return {};
  const config =
    (parse(readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null)?.config ?? {};
  const layers = config["tenant:layers"];
  const platformStack = config["tenant:platformStack"];
  return {
    layers: Array.isArray(layers) ? layers.map(String) : undefined,
    platformStack: typeof platformStack === "string" ? platformStack : undefined,
  };
}

function layersFrom(opts: PlanOptions, fromStack: string[] | undefined): LayerName[] {
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
  const dir = resolveDefinitionDir(opts);
  const fromStack = opts.stack ? stackFileSettings(opts.stack) : {};
  const layers = layersFrom(opts, fromStack.layers);
  const result = validateDefinition(dir);
  if (!result.definition || result.diagnostics.length > 0) {
    return runValidate({ ...opts, format: opts.format === "json" ? "json" : "text" }, write);
  }
  // The Pulumi SDK and azure-native take about a second to load; only `plan` pays for them, not `validate`.
  // (A dynamic import() would bypass the tsx/cjs hook bin/tenant.js installs, hence require.)
  const { buildPlan, formatPlanJson, formatPlanText } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../render") as typeof import("../../render");
  const needsPlatform = layers.length < LAYER_NAMES.length;
  const plan = await buildPlan(result.definition, {
    layers,
    platformStack:
      opts.platformStack ?? fromStack.platformStack ?? (needsPlatform ? UNNAMED_PLATFORM_STACK : undefined),
    budgetStartDate: budgetStartDate(new Date()),
    environment: opts.stack ?? basename(dir),
  });
  write(opts.format === "json" ? formatPlanJson(plan.graph) : formatPlanText(plan.header, plan.summary));
  return EXIT.ok;
}
