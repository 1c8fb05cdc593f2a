// The offline renderer's public surface: render → model (buildPlan) → formatters.
export { buildPlan, type Plan } from "./plan";
export { formatPlanJson, planJson, type PlanJson } from "./format/json";
export { formatPlanText } from "./format/text";
export { renderTenant, type RenderResult } from "./renderer";
export { maskSecrets, SecretValue, UNKNOWN, type RenderedGraph, type RenderedResource } from "./graph";
