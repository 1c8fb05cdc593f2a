import { validateDefinition } from "../config/validate";
import { reportValidation } from "../config/validationReport";
import { EXIT } from "../exitCodes";
import { formatPlan } from "./format";
import { buildSettings, checkInstance, type PlanRequest } from "./settings";

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
  checkInstance(result.definition, request);
  const plan = await buildPlan(result.definition, buildSettings(request));
  write(formatPlan(plan, request.format === "json" ? "json" : "text"));
  return EXIT.ok;
}
