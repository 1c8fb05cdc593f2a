import type { DepartmentSummary, Hurt, Risk } from "./model";
import { count, namesUpTo, shortTypeName, signed } from "./wording";

/**
 * "What could hurt", worst first: the few kinds of change that take something away from people or the city and
 * cannot simply be rolled back by reverting the pull request — protected resources destroyed, membership reach
 * changed, numbers released, emergency calling changed, licences removed, cost up beyond the tenant's threshold,
 * access that can grant more access. One line per kind, naming where; the risks list keeps the detail.
 */

/** How many names a line lists before "and N more". */
const NAMES = 4;

const names = (list: readonly string[]) => namesUpTo(list, NAMES);

const where = (s: DepartmentSummary) => s.department ?? "tenant-wide";
const sectionsOf = (risks: readonly Risk[]) => risks.map((r) => r.department ?? "tenant-wide");

function protectedLosses(summaries: readonly DepartmentSummary[], risks: readonly Risk[]): Hurt | undefined {
  const lost = summaries.flatMap((s) =>
    s.changes.filter((c) => c.protected && (c.op === "delete" || c.op === "replace")).map((c) => ({ c, s })),
  );
  if (lost.length === 0) {
    // A landing zone destroyed is protected by construction (src/departments), even when the graph at hand does
    // not carry the option: say it as such.
    const destroyed = risks.filter((r) => r.kind === "landing-zone-destroyed");
    if (destroyed.length === 0) return undefined;
    const sections = [...new Set(sectionsOf(destroyed))];
    return {
      kind: "protected-destroyed",
      message: `landing zone destroyed in ${count(sections.length, "department")} (${names(sections)}): its resource group and everything in it`,
      sections,
    };
  }
  return {
    kind: "protected-destroyed",
    message:
      `${count(lost.length, "protected resource")} deleted or replaced (${names(lost.map(({ c }) => `${shortTypeName(c.type)} ${c.name}`))}): ` +
      `\`pulumi up\` stops until ${lost.length === 1 ? "it is" : "they are"} released on purpose`,
    sections: [...new Set(lost.map(({ s }) => where(s)))],
  };
}

function fromRisks(
  risks: readonly Risk[],
  kinds: readonly string[],
  kind: string,
  words: (found: readonly Risk[]) => string,
  highOnly = false,
): Hurt | undefined {
  const found = risks.filter((r) => kinds.includes(r.kind) && (!highOnly || r.level === "high"));
  if (found.length === 0) return undefined;
  const sections = [...new Set(sectionsOf(found))];
  return { kind, message: `${words(found)} (${names(sections)})`, sections };
}

function numbersReleased(summaries: readonly DepartmentSummary[]): Hurt | undefined {
  const per = summaries
    .map((s) => ({ s, n: s.numbers.filter((x) => x.kind === "removed").length }))
    .filter((x) => x.n > 0);
  if (per.length === 0) return undefined;
  const total = per.reduce((sum, x) => sum + x.n, 0);
  return {
    kind: "numbers-released",
    message: `${count(total, "number")} released (${names(per.map((x) => `${where(x.s)} ${x.n}`))})`,
    sections: per.map((x) => where(x.s)),
  };
}

function licencesRemoved(summaries: readonly DepartmentSummary[]): Hurt | undefined {
  const bySku = new Map<string, number>();
  const sections: string[] = [];
  for (const s of summaries) {
    for (const l of s.licences) {
      if (l.after >= l.before) continue;
      bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + (l.after - l.before));
      sections.push(where(s));
    }
  }
  if (bySku.size === 0) return undefined;
  const seats = [...bySku].map(([sku, n]) => `${sku} ${signed(n)} seats`).join(", ");
  return {
    kind: "licences-removed",
    message: `licences removed: ${seats} (${names(sections)})`,
    sections: [...new Set(sections)],
  };
}

/** The ranked summary; empty when nothing in the change can hurt in these ways. */
export function whatCouldHurt(summaries: readonly DepartmentSummary[], risks: readonly Risk[]): Hurt[] {
  const hurts = [
    protectedLosses(summaries, risks),
    fromRisks(
      risks,
      ["department-removed", "retiring"],
      "departments-leaving",
      (r) => `${count(r.length, "department")} removed or retiring`,
    ),
    fromRisks(
      risks,
      ["membership-unrestricted", "membership"],
      "membership-reach",
      (r) => `membership reach changes in ${count(new Set(sectionsOf(r)).size, "department")}`,
    ),
    numbersReleased(summaries),
    fromRisks(
      risks,
      ["emergency", "emergency-location"],
      "emergency-calling",
      (r) => `emergency calling changes in ${count(new Set(sectionsOf(r)).size, "section")}`,
      // A new emergency policy or address takes nothing from anyone (a medium risk); a change does.
      true,
    ),
    fromRisks(
      risks,
      ["phone-unanswered", "queue-no-agents"],
      "phone-unanswered",
      (r) => `${count(r.length, "public line")} left unanswered or without agents`,
    ),
    licencesRemoved(summaries),
    fromRisks(
      risks,
      ["cost-increase"],
      "cost-increase",
      (r) =>
        `licence cost up beyond the tenant's threshold in ${count(new Set(sectionsOf(r)).size, "section")}`,
    ),
    fromRisks(
      risks,
      ["access-privileged"],
      "access-privileged",
      (r) => `${count(r.length, "role")} that can grant access to others given`,
    ),
  ];
  return hurts.filter((h): h is Hurt => h !== undefined);
}
