import { applyInstance } from "../instance";
import { validateDefinition } from "../config/validate";
import { reportValidation } from "../config/validationReport";
import { EXIT, UsageError } from "../exitCodes";
import { formatPlan } from "./format";
import { buildSettings, type PlanRequest } from "./settings";

/**
 * The plain `tenant plan` (without --base): validates first (an invalid definition prints exactly what
 * `tenant validate` prints and registers nothing), then renders, models and prints. Resolves to the exit code.
 */
export async function runPlainPlan(request: PlanRequest, write: (s: string) => void): Promise<number> {
  const result = validateDefinition(request.dir);
  if (!result.definition || result.diagnostics.length > 0) {
    return reportValidation(request.dir, request.format === "json" ? "json" : "text", write);
  }
  // The Pulumi SDK and azure-native take about a second to load; only `plan` pays for them, not `validate`.
  // (A dynamic import() would bypass the tsx/cjs hook bin/tenant.js installs, hence require.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildPlan } = require("./buildPlan") as typeof import("./buildPlan");
  const settings = { ...buildSettings(request), instance: request.instance };
  if (settings.instance) {
    try {
      applyInstance(result.definition, settings.instance);
    } catch (err) {
      throw new UsageError(`stacks/Pulumi.${request.stack}.yaml: ${(err as Error).message}`);
    }
  }
  const plan = await buildPlan(result.definition, settings);
  write(formatPlan(plan, request.format === "json" ? "json" : "text"));
  return EXIT.ok;
}
