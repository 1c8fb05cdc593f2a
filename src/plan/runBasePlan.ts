import { formatDiagnostic } from "../config/diagnostics";
import type { TenantDefinition } from "../config/definition";
import { validateDefinition } from "../config/validate";
import { runValidate } from "../cli/commands/validate";
import { buildSettings, type PlanOptions } from "../cli/commands/plan";
import { EXIT } from "../cli/exitCodes";
import type { LayerName } from "../layers";
import type { RenderedGraph } from "../render/graph";
import { buildDiffPlan } from "./buildDiffPlan";
import { GITHUB_COMMENT_LIMIT } from "./format/budget";
import { formatDiffPlanJson } from "./format/json";
import { formatPlanMarkdown, MARKER } from "./format/markdown";
import { formatDiffPlanText } from "./format/text";
import { materializeBase } from "./gitBase";
import type { DiffPlan } from "./model";
import { evaluatePolicies, loadPackConfig, PackConfigError } from "../policy";
import { evaluatePlanPolicies, type PolicyEvaluator } from "./policy";

export interface BasePlanDeps {
  /**
   * The offline policy evaluator; default src/policy's `evaluatePolicies` with the stack's pack config
   * (`policies/config/<stack>.json`). `undefined` given explicitly skips policies (the plan says so).
   */
  evaluator?: PolicyEvaluator;
  now?: Date;
}

/**
 * The thin shell of `tenant plan --base <ref>`: materialise the base definition folder from git, validate and
 * render both sides with the same (current) code and settings, evaluate policies, build the model, print it.
 * Resolves to the exit code (exitCode.ts); usage problems (unknown ref, no repository) throw UsageError.
 */
export async function runBasePlan(
  opts: PlanOptions & { base: string },
  dir: string,
  layers: LayerName[],
  stackPlatform: string | undefined,
  write: (s: string) => void,
  deps: BasePlanDeps = {},
): Promise<number> {
  const base = materializeBase(dir, opts.base);
  if (base.refused.length > 0) {
    // Nothing behind these was read. The same entries in the working tree are refused by the loader.
    write(
      `tenant plan: the definition at ${opts.base} (${base.path}) holds what a definition folder may not, so there is nothing to compare with:\n` +
        base.refused
          .map(
            (r) =>
              `${r.path}: this is ${r.kind} in git at ${opts.base}, not a regular file — a definition folder holds only regular files and folders (links are never followed)\n`,
          )
          .join(""),
    );
    return EXIT.invalid;
  }
  try {
    const head = validateDefinition(dir);
    if (!head.definition || head.diagnostics.length > 0) {
      if (opts.format !== "markdown") {
        return runValidate({ ...opts, format: opts.format === "json" ? "json" : "text" }, write);
      }
      let text = "";
      runValidate({ ...opts, format: "text" }, (s) => (text += s));
      write(invalidMarkdown(opts.stack ?? dir, text));
      return EXIT.invalid;
    }
    let baseDefinition: TenantDefinition | undefined;
    if (base.dir) {
      const was = validateDefinition(base.dir);
      if (!was.definition || was.diagnostics.length > 0) {
        const first = was.diagnostics[0];
        write(
          `tenant plan: the definition at ${opts.base} (${base.path}) does not validate with this branch's code ` +
            `(${was.diagnostics.length} problem${was.diagnostics.length === 1 ? "" : "s"}${first ? `; first: ${formatDiagnostic(first)}` : ""}), so there is nothing to compare with.\n`,
        );
        return EXIT.invalid;
      }
      baseDefinition = was.definition;
    }

    const settings = buildSettings(opts, dir, layers, stackPlatform, deps.now);
    // Loaded here, not at the top: the Pulumi SDK takes a second and only rendering needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderTenant } = require("../render/renderer") as typeof import("../render/renderer");
    // One render at a time (the Pulumi runtime is process-global); the renderer queues them anyway.
    const baseGraph: RenderedGraph | undefined = baseDefinition
      ? (await renderTenant(baseDefinition, settings)).graph
      : undefined;
    const headGraph = (await renderTenant(head.definition, settings)).graph;
    let evaluator: PolicyEvaluator | undefined;
    if ("evaluator" in deps) evaluator = deps.evaluator;
    else {
      try {
        const config = loadPackConfig(settings.environment);
        evaluator = (graph, { previous }) => evaluatePolicies(graph, { config, previous });
      } catch (err) {
        if (!(err instanceof PackConfigError)) throw err;
        write(`tenant plan: the policy pack's config is invalid: ${err.message}\n`);
        return EXIT.invalid;
      }
    }
    const policy = await evaluatePlanPolicies(headGraph, baseGraph, evaluator);
    const plan = buildDiffPlan({
      header: {
        organization: head.definition.tenant.organization.name,
        stack: settings.environment,
        layers: settings.layers,
        platformStack: settings.platformStack,
      },
      base: {
        ref: opts.base,
        commit: base.commit,
        definitionPresent: base.dir !== undefined,
        path: base.path,
      },
      baseGraph,
      headGraph,
      policy,
      definitions: { base: baseDefinition, head: head.definition },
    });
    write(formatDiffPlan(plan, opts.format));
    return plan.exitCode;
  } finally {
    base.cleanup();
  }
}

export function formatDiffPlan(plan: DiffPlan, format: PlanOptions["format"]): string {
  if (format === "json") return formatDiffPlanJson(plan);
  if (format === "markdown") return formatPlanMarkdown(plan);
  return formatDiffPlanText(plan);
}

/** An invalid definition as a PR comment: validate's own text, cut to the comment budget. */
export function invalidMarkdown(stack: string, validateText: string): string {
  const head = `### Tenant plan · \`${stack}\` ${MARKER}\n\n**The definition is invalid: nothing was planned.** Exit 1. Fix these and push again:\n\n\`\`\`text\n`;
  const tail = "\n```\n";
  const room = GITHUB_COMMENT_LIMIT - head.length - tail.length - 40;
  const body =
    validateText.length > room ? `${validateText.slice(0, room)}\n…(cut; run tenant validate)` : validateText;
  return head + body.replace(/```/g, "'''") + tail;
}
