/**
 * `tenant plan --base REF --forecast`: the apply forecast of a pull request (issue #17). Entry point for the
 * plan; runForecast.ts measures, summarize.ts groups, wallTime.ts turns counts into time.
 */
import type { TenantDefinition } from "../config/definition";
import type { LayerName } from "../layers";
import { runForecast } from "./runForecast";
import { summarizeForecast } from "./summarize";
import type { ApplyForecast } from "./types";

export type { ApplyForecast, DepartmentForecast, ForecastOperation, OperationCounts } from "./types";

/** The forecast, or why there is none (the plan prints the reason). */
export async function forecastApply(
  base: TenantDefinition | undefined,
  head: TenantDefinition,
  layers: readonly LayerName[],
): Promise<ApplyForecast | { skipped: string }> {
  if (!layers.includes("m365") && !layers.includes("teamsVoice")) {
    return {
      skipped:
        "this stack deploys neither the m365 nor the teamsVoice layer, whose providers the forecast runs",
    };
  }
  if (!base) {
    return {
      skipped: "the base has no definition: the first apply creates everything (see the resource counts)",
    };
  }
  return summarizeForecast(await runForecast({ base, head, layers }));
}
