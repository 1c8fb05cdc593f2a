import { basename } from "node:path";
import type { TenantDefinition } from "../config/definition";
import { validateDefinition } from "../config/validate";
import { reportValidation } from "../config/validationReport";
import { EXIT } from "../exitCodes";
import { collectGarbage } from "../render/collectGarbage";
import type { RenderedGraph } from "../render/graph";
import { buildDiffPlan } from "./buildDiffPlan";
import { formatDiffPlan } from "./format";
import { baseDiagnostics, invalidBaseMarkdown, invalidBaseText } from "./format/invalidBase";
import { invalidMarkdown } from "./format/markdown";
import { materializeBase } from "./gitBase";
import { evaluatePolicies, loadPackConfig, PackConfigError } from "../policy";
import { evaluatePlanPolicies, type PolicyEvaluator } from "./policy";
import { buildSettings, checkInstance, type PlanRequest } from "./settings";

export interface BasePlanDeps {
  /**
   * The offline policy evaluator; default src/policy's `evaluatePolicies` with the stack's pack config
   * (`policies/config/<stack>.json`). `undefined` given explicitly skips policies (the plan says so).
   */
  evaluator?: PolicyEvaluator;
  now?: Date;
}

/** The stack a PR comment is titled with: --stack, else the definition folder's name (never a local path). */
const stackName = (opts: PlanRequest) => opts.stack ?? basename(opts.dir);

/**
 * The thin shell of `tenant plan --base <ref>`: materialise the base definition folder from git, validate and
 * render both sides with the same (current) code and settings, evaluate policies, build the model, print it.
 * Resolves to the exit code (exitCode.ts); usage problems (unknown ref, no repository) throw UsageError.
 */
export async function runBasePlan(
  opts: PlanRequest & { base: string; forecast?: boolean },
  write: (s: string) => void,
  deps: BasePlanDeps = {},
): Promise<number> {
  const { dir } = opts;
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
        return reportValidation(dir, opts.format === "json" ? "json" : "text", write);
      }
      let text = "";
      reportValidation(dir, "text", (s) => (text += s));
      write(invalidMarkdown(stackName(opts), text));
      return EXIT.invalid;
    }
    let baseDefinition: TenantDefinition | undefined;
    if (base.dir) {
      // Files named relative to the temporary folder, then as git names them: that folder is gone when read.
      const was = validateDefinition(base.dir, base.dir);
      if (!was.definition || was.diagnostics.length > 0) {
        const invalid = {
          stack: stackName(opts),
          ref: opts.base,
          commit: base.commit,
          diagnostics: baseDiagnostics(was.diagnostics, base.path),
        };
        write(opts.format === "markdown" ? invalidBaseMarkdown(invalid) : invalidBaseText(invalid));
        return EXIT.invalid;
      }
      baseDefinition = was.definition;
    }

    // Both sides as the stack's instance (tenant:instance), so a test stack's plan names its own groups.
    checkInstance(head.definition, opts);
    if (baseDefinition) checkInstance(baseDefinition, opts);
    const settings = buildSettings(opts, deps.now);
    // Loaded here, not at the top: the Pulumi SDK takes a second and only rendering needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderTenant } = require("../render/renderer") as typeof import("../render/renderer");
    // One render at a time (the Pulumi runtime is process-global); the renderer queues them anyway.
    const baseGraph: RenderedGraph | undefined = baseDefinition
      ? (await renderTenant(baseDefinition, settings)).graph
      : undefined;
    // The base render's garbage goes before the head render makes its own (src/render/collectGarbage.ts).
    if (baseGraph) collectGarbage();
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
    if (opts.forecast) {
      // Loaded only when asked for: it brings the emulator and the providers.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { forecastApply } = require("../forecast") as typeof import("../forecast");
      plan.forecast = await forecastApply(baseDefinition, head.definition, settings.layers);
    }
    write(formatDiffPlan(plan, opts.format));
    return plan.exitCode;
  } finally {
    base.cleanup();
  }
}
