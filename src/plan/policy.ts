import type { RenderedGraph } from "../render/graph";
import type { PlanPolicyResult, PolicyOutcome } from "./model";

/**
 * The policy step of the plan. The offline evaluator lives in src/policy (the policy pack's own objects run
 * against a rendered graph): `evaluatePolicies(graph, { config?, previous? })`. The plan calls it on the head
 * graph with the base graph as `previous` (the removal rules compare the two). It is injected, so this module
 * and its tests stay free of the pack; runBasePlan.ts passes the real one.
 */
export type PolicyEvaluator = (
  graph: RenderedGraph,
  options: { previous?: RenderedGraph },
) => PlanPolicyResult[] | Promise<PlanPolicyResult[]>;

export const NO_EVALUATOR_NOTE = "policies were not evaluated (no evaluator given)";

export async function evaluatePlanPolicies(
  head: RenderedGraph,
  base: RenderedGraph | undefined,
  evaluator: PolicyEvaluator | undefined,
): Promise<PolicyOutcome> {
  if (!evaluator) return { evaluated: false, note: NO_EVALUATOR_NOTE, results: [] };
  const results = await evaluator(head, { previous: base });
  return { evaluated: true, results: sortResults(results) };
}

const LEVEL_ORDER: Record<string, number> = { mandatory: 0, remediate: 1, advisory: 2 };

/** Blocking results first, then by policy and resource, so the output is stable. */
export function sortResults(results: readonly PlanPolicyResult[]): PlanPolicyResult[] {
  return [...results].sort(
    (a, b) =>
      (LEVEL_ORDER[a.enforcementLevel] ?? 3) - (LEVEL_ORDER[b.enforcementLevel] ?? 3) ||
      a.policy.localeCompare(b.policy) ||
      (a.urn ?? "").localeCompare(b.urn ?? "") ||
      a.message.localeCompare(b.message),
  );
}

/**
 * Mandatory results block a merge; advisory ones warn. `remediate` blocks too: offline nothing remediates, so
 * it is a violation that would still fail (src/policy reports it as mandatory; policyExitCode agrees).
 */
export function isBlocking(r: PlanPolicyResult): boolean {
  return r.enforcementLevel !== "advisory";
}
