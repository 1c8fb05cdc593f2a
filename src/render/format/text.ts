import type { LayerName } from "../../layers";
import type { SubscriptionGovernance } from "../subscriptionSummary";
import type { GraphSummary, TypeCount } from "../summary";

export interface PlanHeader {
  organization: string;
  stack: string;
  layers: readonly LayerName[];
  /** Where layers this stack reads but does not deploy come from. */
  platformStack?: string;
}

/** `azure-native:network:VirtualNetwork` → `VirtualNetwork`, `azuread:index/group:Group` → `Group`. */
export function shortType(type: string): string {
  return type.split(/[:/]/).pop() ?? type;
}

function typeList(types: readonly TypeCount[]): string {
  return [...types]
    .sort((a, b) => shortType(a.type).localeCompare(shortType(b.type)))
    .map((t) => (t.count === 1 ? shortType(t.type) : `${shortType(t.type)} ×${t.count}`))
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
    ``,
  );
  return lines.join("\n");
}
