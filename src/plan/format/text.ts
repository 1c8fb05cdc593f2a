import type { DiffPlan } from "../model";
import { isBlocking } from "../policy";
import {
  describeBudget,
  describeChange,
  describeLicence,
  describeNumber,
  describePolicy,
  plain,
  sectionTitle,
} from "./describe";

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
  for (const s of plan.departments) {
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
  lines.push(``, `exit ${plan.exitCode}`, ``);
  return lines.join("\n");
}
