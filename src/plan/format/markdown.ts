import { describeDepartmentCost, describeTotal } from "../licenceCost";
import type { DepartmentSummary, DiffPlan, LicenceCost, PlanPolicyResult, Risk, SeatUse } from "../model";
import { isBlocking } from "../policy";
import { shortTypeName } from "../wording";
import { fitLines, GITHUB_COMMENT_LIMIT, joinedLength } from "./budget";
import {
  describeAccess,
  describeBudget,
  describeChange,
  describeLicence,
  describeNumber,
  describePolicy,
  numberTally,
  opTally,
  sectionNames,
  sectionTitle,
  type Code,
} from "./describe";
import { forecastMarkdown } from "./forecast";
import { groupIdenticalSections, mergedSection, type MergedSection } from "./groupSections";

/**
 * The pull-request comment. A hard budget allocator keeps it under GitHub's limit: the top (headline, note),
 * risks and policy results are placed first, each capped at a share of the budget; the seat chart is reserved;
 * then departments, highest risk first, each in full (long lists collapsed into <details> and cut with "and N
 * more…"), else compact (summary lines only), else counted in a last "N more departments" line.
 */

/** A marker the comment workflow (and anyone) can find the plan comment by. */
export const MARKER = "<!-- tenant-plan -->";

/** Up to this many entries of a kind are shown inline; more go into a collapsed list. */
const INLINE = 3;
/** Shares of the budget the risks and the policy results may take at most. */
const RISK_SHARE = 0.2;
/** "What could hurt" is a few short lines; under a tiny budget it is cut like the rest. */
const HURT_SHARE = 0.1;
const POLICY_SHARE = 0.2;
/** Share of the budget the licence cost lines may take (a price change moves every department's cost). */
const COST_SHARE = 0.1;
/** Share of the budget the apply forecast may take (one line per department the apply touches). */
const FORECAST_SHARE = 0.1;
/** Kept free for the "N more departments" line. */
const TAIL_RESERVE = 300;

/** A code span that survives any content (backticks inside become quotes). */
export const code: Code = (s) => `\`${s.replace(/`/g, "'")}\``;

/** Free text from outside (policy messages) made inert: no HTML, no table breaks, one line. */
export function escapeText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\s*\n\s*/g, " ");
}

const RISK_ICON: Record<Risk["level"], string> = { high: "🔴", medium: "🟠", low: "⚪" };

function exitMeaning(plan: DiffPlan): string {
  return plan.exitCode === 0 ? "nothing blocks" : "a mandatory policy is violated";
}

function top(plan: DiffPlan): string[] {
  const { header, base } = plan;
  const lines = [
    `### Tenant plan · ${code(header.stack)} vs ${code(base.ref)} ${MARKER}`,
    "",
    `**${escapeText(plan.headline)}**`,
    "",
    `<sub>Exit ${plan.exitCode} (${exitMeaning(plan)}) · rendered offline at the working tree and at ${code(base.ref)} ` +
      `(${base.commit.slice(0, 7)}), both with this branch's program code and stack settings · desired state, ` +
      `not a diff against Azure: ${code("pulumi preview")} is the authority.</sub>`,
  ];
  if (!base.definitionPresent) {
    lines.push(
      "",
      `${code(base.path)} does not exist at ${code(base.ref)}: a new stack, every resource is a create.`,
    );
  }
  return lines;
}

/** "What could hurt": a short numbered list, worst first, before the risks (none: nothing is printed). */
function hurtBlock(plan: DiffPlan, maxChars: number): string[] {
  if (plan.hurt.length === 0) return [];
  const title = "**What could hurt**, worst first:";
  const fitted = fitLines(
    plan.hurt.map((h, i) => `${i + 1}. ${escapeText(h.message)}`),
    maxChars - title.length - 2,
    (n) => `- …and ${n} more (see the risks below)`,
  );
  return [title, ...fitted.lines, ""];
}

function riskBlock(risks: readonly Risk[], maxChars: number): string[] {
  const high = risks.filter((r) => r.level === "high").length;
  const medium = risks.filter((r) => r.level === "medium").length;
  if (risks.length === 0) {
    return ["**Risks** · none: no deletions, replacements, number or licence removals, or emergency changes"];
  }
  const title = `**Risks** · ${high} high, ${medium} medium`;
  const items = risks.map((r) => `- ${RISK_ICON[r.level]} ${escapeText(r.message)}`);
  const fitted = fitLines(
    items,
    maxChars - title.length - 1,
    (n) => `- …and ${n.toLocaleString("en-GB")} more (see the JSON plan)`,
  );
  return [title, ...fitted.lines];
}

function policyLine(r: PlanPolicyResult): string {
  const icon = isBlocking(r)
    ? "⛔ **blocks**"
    : r.enforcementLevel === "remediate"
      ? "🛠️ remediate"
      : "⚠️ advisory";
  const target = r.resourceName ? ` ${code(r.resourceName)}` : "";
  return `- ${icon} ${code(r.policy)}${target}: ${escapeText(r.message)}`;
}

function policyBlock(plan: DiffPlan, maxChars: number): string[] {
  const { policy } = plan;
  if (!policy.evaluated) return [`**Policies** · ${escapeText(policy.note ?? "not evaluated")}`];
  if (policy.results.length === 0) return ["**Policies** · no findings"];
  const blocking = policy.results.filter(isBlocking).length;
  const title = `**Policies** · ${blocking} blocking, ${policy.results.length - blocking} warning${policy.results.length - blocking === 1 ? "" : "s"}`;
  const fitted = fitLines(
    policy.results.map(policyLine),
    maxChars - title.length - 1,
    (n) => `- …and ${n.toLocaleString("en-GB")} more findings (see the JSON plan)`,
  );
  return [title, ...fitted.lines];
}

/** Seat use per SKU as a mermaid bar chart (demanded) with a line (owned), collapsed. */
export function seatBlock(seats: readonly SeatUse[]): string[] {
  if (seats.length === 0) return ["**Seat use** · no licence assignments in the rendered graph"];
  const changed = seats.filter((s) => s.demanded !== s.demandedBefore).length;
  const max = Math.max(...seats.map((s) => Math.max(s.demanded, s.owned)), 1);
  const summary = seats
    .map((s) => `${s.sku} ${s.demanded.toLocaleString("en-GB")}/${s.owned.toLocaleString("en-GB")}`)
    .join(", ");
  return [
    // "declared": demand is the departments' headcounts, not real members (tenant drift counts those).
    `<details><summary>Seat use per SKU (declared/owned${changed > 0 ? `, ${changed} changed` : ""}): ${escapeText(summary)}</summary>`,
    "",
    "```mermaid",
    "xychart-beta",
    `  x-axis [${seats.map((s) => JSON.stringify(s.sku)).join(", ")}]`,
    `  y-axis "seats (bars demanded, line owned)" 0 --> ${Math.ceil(max * 1.1)}`,
    `  bar [${seats.map((s) => s.demanded).join(", ")}]`,
    `  line [${seats.map((s) => s.owned).join(", ")}]`,
    "```",
    "</details>",
  ];
}

/**
 * Licence cost a month, beside the seat chart: the tenant's total, then one line per department whose cost
 * changes (with its Azure budget, another bill, for scale). Nothing when tenant.yaml prices no SKU.
 */
export function costBlock(cost: LicenceCost | undefined, maxChars: number): string[] {
  if (!cost) return [];
  const title = `**Licence cost** · ${describeTotal(cost)}`;
  const unpriced =
    cost.unpriced.length > 0 ? [`<sub>Unpriced (counted as 0): ${cost.unpriced.join(", ")}</sub>`] : [];
  const lines = cost.departments.map(
    (d) => `- ${code(d.department)}: ${describeDepartmentCost(d, cost.currency)}`,
  );
  // Not even the total fits (a tiny budget): the JSON plan has it.
  if (joinedLength([title, ...unpriced]) > maxChars) return [];
  const room = maxChars - joinedLength([title, ...unpriced]) - 2;
  const fitted = fitLines(
    lines,
    room,
    (n) => `- …and ${n.toLocaleString("en-GB")} more departments (see the JSON plan)`,
  );
  return [title, ...fitted.lines, ...unpriced];
}

function collapsed(summary: string, items: readonly string[], maxChars: number, what: string): string[] {
  const open = `<details><summary>${summary}</summary>`;
  const overhead = open.length + "</details>".length + 4;
  const fitted = fitLines(
    items,
    maxChars - overhead,
    (n) => `- …and ${n.toLocaleString("en-GB")} more ${what} (see the JSON plan)`,
  );
  // A list showing nothing, or nothing but "and N more", says no more than the summary line already did.
  if (fitted.lines.length - (fitted.hidden > 0 ? 1 : 0) <= 0) return [];
  return [open, "", ...fitted.lines, "</details>"];
}

/** The bullets that say what changed, in words: the compact form of a section. */
function summaryBullets(s: DepartmentSummary): string[] {
  const lines: string[] = [];
  if (s.numbers.length > 0 && s.numbers.length <= INLINE) {
    for (const n of s.numbers) lines.push(`- Numbers: ${describeNumber(n, code)}`);
  } else if (s.numbers.length > INLINE) lines.push(`- Numbers: ${numberTally(s.numbers)}`);
  for (const l of s.licences) lines.push(`- Licences: ${describeLicence(l, code)}`);
  for (const p of s.policies) lines.push(`- Policy: ${describePolicy(p, code)}`);
  for (const c of s.policyResources)
    lines.push(`- Teams policy: ${c.op} ${shortTypeName(c.type)} ${code(c.name)}`);
  for (const b of s.budgets) lines.push(`- Budget: ${describeBudget(b)}`);
  for (const a of s.access) lines.push(`- Access: ${describeAccess(a, code)}`);
  for (const p of s.phone) lines.push(`- Phone services: ${p.text}`);
  return lines;
}

function titleOf(s: DepartmentSummary | MergedSection): string {
  const names = sectionNames(s);
  return `**${names.map(code).join(", ")}**${sectionTitle(s).slice(names.join(", ").length)}`;
}

/**
 * The compact form of a section: its title and what changed in words (long bullet lists cut to fit), or
 * undefined when not even the title fits.
 */
export function compactBlock(s: DepartmentSummary, maxChars: number): string[] | undefined {
  const title = titleOf(s);
  if (title.length > maxChars) return undefined;
  const bullets = fitLines(summaryBullets(s), maxChars - title.length - 1, (n) => `- …and ${n} more`);
  return [title, ...bullets.lines];
}

/**
 * The full form within `maxChars`: the compact form, then the resource changes inline when there are few, or
 * the long lists (numbers, resources) collapsed in <details> and cut to share what is left.
 */
export function fullBlock(s: DepartmentSummary, maxChars: number): string[] | undefined {
  const compact = compactBlock(s, maxChars);
  if (!compact) return undefined;
  const inline = s.changes.length <= INLINE ? s.changes.map((c) => `- ${describeChange(c, code)}`) : [];
  const head = joinedLength([...compact, ...inline]) <= maxChars ? [...compact, ...inline] : compact;
  const lists: { summary: string; items: string[]; what: string }[] = [];
  if (s.numbers.length > INLINE) {
    lists.push({
      summary: `${s.numbers.length.toLocaleString("en-GB")} number changes`,
      items: s.numbers.map((n) => `- ${describeNumber(n, code)}`),
      what: "number changes",
    });
  }
  if (s.changes.length > INLINE) {
    lists.push({
      summary: `${s.changes.length.toLocaleString("en-GB")} resource changes (${opTally(s.changes)})`,
      items: s.changes.map((c) => `- ${describeChange(c, code)}`),
      what: "resource changes",
    });
  }
  const lines = [...head];
  let left = maxChars - joinedLength(head);
  lists.forEach((list, i) => {
    // Split what is left evenly among the lists still to place; blank lines separate HTML from markdown.
    const share = Math.floor((left - 2) / (lists.length - i));
    const block = collapsed(list.summary, list.items, share, list.what);
    if (block.length === 0) return;
    lines.push("", ...block);
    left -= joinedLength(block) + 2;
  });
  return lines;
}

/**
 * Departments within `budget`, in two passes: first every section's compact form, in order, while they fit
 * (so each department at least says what changes); then what is left widens them to their full form in the
 * same order, each taking at most half of what remains, so one huge section cannot starve the others.
 */
export function departmentBlocks(
  sections: readonly DepartmentSummary[],
  budget: number,
): { blocks: string[][]; shown: number } {
  const blocks: string[][] = [];
  let left = budget;
  for (const s of sections) {
    const block = compactBlock(s, left - 2);
    if (!block) break;
    blocks.push(block);
    left -= joinedLength(block) + 2;
  }
  blocks.forEach((compact, i) => {
    const size = joinedLength(compact);
    const room = size + Math.floor(left / 2);
    const full = fullBlock(sections[i]!, room);
    if (full && joinedLength(full) > size && joinedLength(full) <= room) {
      blocks[i] = full;
      left -= joinedLength(full) - size;
    }
  });
  return { blocks, shown: blocks.length };
}

/** The whole comment; never longer than `limit`. */
export function formatPlanMarkdown(plan: DiffPlan, limit = GITHUB_COMMENT_LIMIT): string {
  const out: string[] = [
    ...top(plan),
    "",
    ...hurtBlock(plan, limit * HURT_SHARE),
    ...riskBlock(plan.risks, limit * RISK_SHARE),
    "",
    ...policyBlock(plan, limit * POLICY_SHARE),
  ];
  const seats = seatBlock(plan.seats);
  // The cost lines take what the top and the seat chart leave, never more than their share.
  const left = limit - joinedLength(out) - joinedLength(seats) - 6 - TAIL_RESERVE;
  const cost = costBlock(plan.cost, Math.min(limit * COST_SHARE, left));
  const forecast = forecastMarkdown(
    plan.forecast,
    code,
    Math.min(limit * FORECAST_SHARE, left - joinedLength(cost)),
  );
  const budget =
    limit -
    joinedLength(out) -
    joinedLength(seats) -
    joinedLength(cost) -
    joinedLength(forecast) -
    8 -
    TAIL_RESERVE;
  // Departments that change alike are one section (the JSON plan keeps them apart).
  const sections = groupIdenticalSections(plan.departments).map(mergedSection);
  const { blocks, shown } = departmentBlocks(sections, budget);
  for (const block of blocks) out.push("", ...block);
  const hidden = sections.slice(shown);
  if (hidden.length > 0) {
    const changes = hidden.reduce((sum, s) => sum + s.changes.length * Math.max(1, s.departments.length), 0);
    out.push(
      "",
      `…and ${hidden.length.toLocaleString("en-GB")} more section${hidden.length === 1 ? "" : "s"} (${changes.toLocaleString("en-GB")} resource changes) — the comment is full; see the JSON plan.`,
    );
  }
  if (cost.length > 0) out.push("", ...cost);
  out.push("", ...seats);
  if (forecast.length > 0) out.push("", ...forecast);
  const text = out.join("\n") + "\n";
  // The allocator above is exact; this guards against a future edit breaking it silently.
  if (text.length > limit)
    throw new Error(`markdown plan is ${text.length} characters, over the ${limit} budget`);
  return text;
}

/** An invalid definition as a PR comment: validate's own text, cut to the comment budget. */
export function invalidMarkdown(stack: string, validateText: string): string {
  const head = `### Tenant plan · \`${stack}\` ${MARKER}\n\n**The definition is invalid: nothing was planned.** Exit 1. Fix these and push again:\n\n\`\`\`text\n`;
  const tail = "\n```\n";
  const room = GITHUB_COMMENT_LIMIT - head.length - tail.length - 40;
  const body =
    validateText.length > room ? `${validateText.slice(0, room)}\n…(cut; run tenant validate)` : validateText;
  return head + body.replace(/```/g, "'''") + tail;
}
