import type { DiffPlan, PlanHeader } from "../model";
import { forecastText } from "./forecast";
import type { GraphSummary, TypeCount } from "../graphSummary";
import { isBlocking } from "../policy";
import type { SubscriptionGovernance } from "../subscriptions";
import { describeDepartmentCost, describeTotal, money, type StandingCost } from "../licenceCost";
import { shortTypeName } from "../wording";
import {
  describeAccess,
  describeBudget,
  describeChange,
  describeLicence,
  describeNumber,
  describePolicy,
  plain,
  sectionTitle,
} from "./describe";
import { groupIdenticalSections, mergedSection } from "./groupSections";

/** The text formatter of both plans: the plain plan (counts) and the `--base` plan (what changes). */

function typeList(types: readonly TypeCount[]): string {
  return [...types]
    .sort((a, b) => shortTypeName(a.type).localeCompare(shortTypeName(b.type)))
    .map((t) => (t.count === 1 ? shortTypeName(t.type) : `${shortTypeName(t.type)} ×${t.count}`))
    .join(", ");
}

/** Hosts of a subscription, shortened: a shared subscription can hold dozens of departments. */
function hostList(hosts: readonly string[], max = 6): string {
  const shown = hosts.slice(0, max).join(", ");
  return hosts.length > max ? `${shown}, … (${hosts.length} in all)` : shown;
}

/** Which management group governs each subscription the program deploys into. */
export function formatSubscriptions(subscriptions: readonly SubscriptionGovernance[]): string[] {
  if (subscriptions.length === 0) return [];
  const subWidth = Math.max(12, ...subscriptions.map((s) => s.subscription.length));
  const groupWidth = Math.max(16, ...subscriptions.map((s) => (s.managementGroup ?? "").length));
  const lines = [
    ``,
    `  ${"subscription".padEnd(subWidth)}  ${"management group".padEnd(groupWidth)}  resources  hosts`,
  ];
  for (const s of subscriptions) {
    const group = s.managementGroup ?? "NOT GOVERNED";
    lines.push(
      `  ${s.subscription.padEnd(subWidth)}  ${group.padEnd(groupWidth)}  ${String(s.resources).padStart(9)}  ${hostList(s.hosts)}`,
    );
  }
  return lines;
}

/** The human plan: resource counts per type, then per subscription, then per department. */
export function formatPlanText(
  header: PlanHeader,
  summary: GraphSummary,
  subscriptions: readonly SubscriptionGovernance[] = [],
  cost?: StandingCost,
): string {
  const width = Math.max(
    40,
    ...summary.types.map((t) => t.type.length),
    ...summary.reads.map((t) => t.type.length),
  );
  const lines = [
    `Plan for ${header.organization} — stack ${header.stack}, layers ${header.layers.join(", ")}`,
    `(desired state rendered offline from the definition; not a diff against Azure)`,
    ``,
    `  ${"resource type".padEnd(width)}  count`,
    ...summary.types.map((t) => `  ${t.type.padEnd(width)}  ${String(t.count).padStart(5)}`),
    `  ${"".padEnd(width, "-")}  -----`,
    `  ${"cloud resources".padEnd(width)}  ${String(summary.resources).padStart(5)}`,
    `  ${"components".padEnd(width)}  ${String(summary.components).padStart(5)}`,
  ];
  if (summary.reads.length > 0) {
    lines.push(``, `  read from ${header.platformStack ?? "another stack"}:`);
    for (const t of summary.reads) lines.push(`  ${t.type.padEnd(width)}  ${String(t.count).padStart(5)}`);
  }
  lines.push(...formatSubscriptions(subscriptions));
  const idWidth = Math.max(12, ...summary.departments.map((d) => d.id.length));
  lines.push(``, `  ${"department".padEnd(idWidth)}  resources`);
  for (const d of summary.departments) {
    lines.push(`  ${d.id.padEnd(idWidth)}  ${String(d.total).padStart(9)}  ${typeList(d.types)}`);
  }
  lines.push(
    `  ${"(shared)".padEnd(idWidth)}  ${String(summary.shared).padStart(9)}  tenant-wide: landing zone, shared subscriptions, Teams voice catalogue`,
  );
  lines.push(...formatStandingCost(cost, idWidth), ``);
  return lines.join("\n");
}

/** Each department's licence cost a month beside its Azure budget, then the total. */
export function formatStandingCost(cost: StandingCost | undefined, idWidth = 12): string[] {
  if (!cost) return [];
  const header = `licences/month (${cost.currency})`;
  const width = Math.max(header.length, money(cost.total).length);
  const lines = [``, `  ${"department".padEnd(idWidth)}  ${header.padStart(width)}  Azure budget/month`];
  for (const d of cost.departments) {
    const budget = d.budget === undefined ? "" : `  ${money(d.budget).padStart(18)}`;
    lines.push(`  ${d.department.padEnd(idWidth)}  ${money(d.cost).padStart(width)}${budget}`);
  }
  lines.push(`  ${"(total)".padEnd(idWidth)}  ${money(cost.total).padStart(width)}`);
  if (cost.unpriced.length > 0) lines.push(`  unpriced (counted as 0): ${cost.unpriced.join(", ")}`);
  return lines;
}

/** A terminal has no character budget but a reader does: each list shows this many entries, then "and N more". */
const LIST_LIMIT = 25;

function capped(items: readonly string[], indent: string): string[] {
  const shown = items.slice(0, LIST_LIMIT).map((i) => `${indent}${i}`);
  if (items.length > LIST_LIMIT)
    shown.push(
      `${indent}…and ${(items.length - LIST_LIMIT).toLocaleString("en-GB")} more (--format json lists all)`,
    );
  return shown;
}

/** `tenant plan --base` in a terminal: the same content as the markdown, in plain text. */
export function formatDiffPlanText(plan: DiffPlan): string {
  const { header, base } = plan;
  const lines = [
    `Plan for ${header.organization} — stack ${header.stack}, layers ${header.layers.join(", ")}`,
    `compared with ${base.ref} (${base.commit.slice(0, 7)}), both rendered offline with the working tree's program code`,
    ...(base.definitionPresent
      ? []
      : [`(${base.path} does not exist at ${base.ref}: every resource is a create)`]),
    ``,
    plan.headline,
    ...(plan.hurt.length === 0
      ? []
      : [``, `What could hurt (worst first):`, ...plan.hurt.map((h, i) => `  ${i + 1}. ${h.message}`)]),
    ``,
    `Risks:`,
    ...(plan.risks.length === 0
      ? ["  none"]
      : capped(
          plan.risks.map((r) => `[${r.level}] ${r.message}`),
          "  ",
        )),
    ``,
    `Policies:`,
    ...(!plan.policy.evaluated
      ? [`  ${plan.policy.note ?? "not evaluated"}`]
      : plan.policy.results.length === 0
        ? ["  no findings"]
        : capped(
            plan.policy.results.map(
              (r) =>
                `[${isBlocking(r) ? "BLOCKS" : r.enforcementLevel}] ${r.policy}${r.resourceName ? ` ${r.resourceName}` : ""}: ${r.message}`,
            ),
            "  ",
          )),
  ];
  // Departments that change alike are one section (the JSON plan keeps them apart).
  for (const s of groupIdenticalSections(plan.departments).map(mergedSection)) {
    lines.push(``, sectionTitle(s));
    lines.push(
      ...capped(
        s.numbers.map((n) => `number: ${describeNumber(n, plain)}`),
        "  ",
      ),
    );
    for (const l of s.licences) lines.push(`  licences: ${describeLicence(l, plain)}`);
    for (const p of s.policies) lines.push(`  policy: ${describePolicy(p, plain)}`);
    for (const b of s.budgets) lines.push(`  budget: ${describeBudget(b)}`);
    lines.push(
      ...capped(
        s.phone.map((p) => `phone: ${p.text}`),
        "  ",
      ),
    );
    lines.push(
      ...capped(
        s.access.map((a) => `access: ${describeAccess(a, plain)}`),
        "  ",
      ),
    );
    lines.push(
      ...capped(
        s.changes.map((c) => describeChange(c, plain)),
        "  ",
      ),
    );
  }
  if (plan.seats.length > 0) {
    lines.push(``, `Seats per SKU (demanded = declared headcounts / owned):`);
    for (const s of plan.seats)
      lines.push(`  ${s.sku.padEnd(28)} ${String(s.demanded).padStart(7)} / ${s.owned}`);
  }
  if (plan.cost) {
    const { cost } = plan;
    lines.push(``, `Licence cost: ${describeTotal(cost)}`);
    lines.push(
      ...capped(
        cost.departments.map((d) => `${d.department}: ${describeDepartmentCost(d, cost.currency)}`),
        "  ",
      ),
    );
    if (cost.unpriced.length > 0) lines.push(`  unpriced (counted as 0): ${cost.unpriced.join(", ")}`);
  }
  const forecast = forecastText(plan.forecast, plain);
  if (forecast.length > 0) lines.push(``, ...forecast);
  lines.push(``, `exit ${plan.exitCode}`, ``);
  return lines.join("\n");
}
