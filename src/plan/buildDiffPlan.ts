import type { RenderedGraph } from "../render/graph";
import { diffGraphs } from "./diff";
import { planExitCode } from "./exitCode";
import { countOps, headline } from "./headline";
import { budgetsOf, licenceCost, priceList } from "./licenceCost";
import { licencesByDepartment, seatUse } from "./licences";
import type { TenantDefinition } from "../config/definition";
import { declaredRanks, definitionRisks, retirementViolations } from "./definitionChecks";
import type { BaseInfo, DiffPlan, PlanHeader, PolicyOutcome } from "./model";
import { compareLevels, costRisks, rankRisks, sectionLevel } from "./risk";
import { summarizeDepartments } from "./summaries";
import { whatCouldHurt } from "./hurt";
import { directoryNames, nameDirectoryIds } from "./access";

export interface DiffPlanInput {
  header: PlanHeader;
  base: BaseInfo;
  /** Undefined when the definition folder did not exist at the base (a new stack). */
  baseGraph: RenderedGraph | undefined;
  headGraph: RenderedGraph;
  policy: PolicyOutcome;
  /**
   * The two definitions, for what the graphs cannot say: declared ranks, membership reach, lifecycle and
   * retirements. Without them grants show only Teams positions and those checks are skipped.
   */
  definitions?: { base: TenantDefinition | undefined; head: TenantDefinition };
}

/** The whole `--base` model from two graphs and the policy results: pure, so every formatter shares it. */
export function buildDiffPlan(input: DiffPlanInput): DiffPlan {
  const defs = input.definitions;
  const ranks = defs ? declaredRanks(defs.base, defs.head) : undefined;
  const names = directoryNames([input.baseGraph, input.headGraph], defs ? [defs.base, defs.head] : []);
  const changes = nameDirectoryIds(diffGraphs(input.baseGraph, input.headGraph), names);
  const summaries = summarizeDepartments(input.baseGraph, input.headGraph, changes, ranks, names);
  // Prices live in tenant.yaml, not in the graphs: without the definitions the plan has no cost.
  const cost = defs
    ? licenceCost({
        base: licencesByDepartment(input.baseGraph),
        head: licencesByDepartment(input.headGraph),
        basePrices: priceList(defs.base),
        headPrices: priceList(defs.head),
        // A removed department's budget is the one it had at the base.
        budgets: new Map([...budgetsOf(defs.base), ...budgetsOf(defs.head)]),
      })
    : undefined;
  for (const d of cost?.departments ?? []) {
    const s = summaries.find((x) => x.department === d.department);
    if (s) s.cost = d;
  }
  const risks = rankRisks(summaries, [
    ...(defs ? definitionRisks(defs.base, defs.head) : []),
    ...costRisks(cost, defs?.head.tenant.planRisks.costIncreasePerMonth),
  ]);
  const policy: PolicyOutcome = defs
    ? { ...input.policy, results: [...retirementViolations(defs.base, defs.head), ...input.policy.results] }
    : input.policy;
  const size = (s: (typeof summaries)[number]) =>
    s.changes.length + s.numbers.length + s.licences.length + s.policies.length;
  // High-risk departments first, then the busiest; the tenant-wide section goes last among equals.
  const ordered = [...summaries].sort(
    (a, b) =>
      compareLevels(sectionLevel(risks, a.department), sectionLevel(risks, b.department)) ||
      Number(a.department === undefined) - Number(b.department === undefined) ||
      size(b) - size(a) ||
      (a.department ?? "").localeCompare(b.department ?? ""),
  );
  const counts = countOps(changes);
  return {
    header: input.header,
    base: input.base,
    headline: headline(summaries, counts, policy),
    counts,
    hurt: whatCouldHurt(summaries, risks),
    risks,
    policy,
    departments: ordered,
    seats: seatUse(input.baseGraph, input.headGraph),
    ...(cost ? { cost } : {}),
    exitCode: planExitCode(policy),
  };
}
