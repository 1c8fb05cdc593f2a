import type { Plan } from "../buildPlan";
import type { DiffPlan } from "../model";
import { formatDiffPlanJson, formatPlanJson } from "./json";
import { formatPlanMarkdown } from "./markdown";
import { formatDiffPlanText, formatPlanText } from "./text";

/** `tenant plan --format`: one formatter module per format (text.ts, json.ts, markdown.ts). */
export type PlanFormat = "text" | "json" | "markdown";

/** The plain plan (no --base): counts as text, or the whole graph as JSON. */
export function formatPlan(plan: Plan, format: Exclude<PlanFormat, "markdown">): string {
  return format === "json"
    ? formatPlanJson(plan.graph, plan.cost)
    : formatPlanText(plan.header, plan.summary, plan.subscriptions, plan.cost);
}

/** The `--base` plan: what changes, as text, the pull-request comment (markdown) or the whole model (JSON). */
export function formatDiffPlan(plan: DiffPlan, format: PlanFormat): string {
  if (format === "json") return formatDiffPlanJson(plan);
  if (format === "markdown") return formatPlanMarkdown(plan);
  return formatDiffPlanText(plan);
}
