import { rangesOverlap } from "../numberRanges";
import type { Rule, RuleContext } from "./context";
import { phonePlan } from "./phone";
import { place, suggestion } from "./wording";

const msg = {
  duplicate: (id: string, first: string) =>
    `range id '${id}' is already used at ${first} — give each number range its own id`,
  lengths: (start: string, end: string) =>
    `end ${end} has ${end.length - 1} digits but start ${start} has ${start.length - 1} — write both ends with the same number of digits`,
  reversed: (start: string, end: string) =>
    `end ${end} comes before start ${start} — swap them or correct the end`,
  overlap: (id: string, other: string, where: string) =>
    `range '${id}' overlaps range '${other}' (${where}) — each number must belong to one range; narrow one of them`,
  claimed: (id: string, other: string) =>
    `number range '${id}' is already claimed by ${other} — each range belongs to one department: ask the platform team for a range of your own in tenant.yaml`,
  unknown: (id: string, hint: string) =>
    `number range '${id}' does not exist (${hint}) — name a range declared under numberRanges in tenant.yaml`,
};

export const numberRangesRule: Rule = {
  info: {
    id: "number-ranges",
    summary:
      "Number ranges have unique ids, valid ends of equal length in order, and do not overlap; every range a department names exists and belongs to that department alone.",
    errors: [
      { when: "two ranges share an id", example: msg.duplicate("central", "stacks/example/tenant.yaml:240") },
      {
        when: "`start` or `end` is not a valid number of the organisation's country",
        example: phonePlan("ES")?.problem("+34015550000") ?? "",
      },
      {
        when: "`start` and `end` have different lengths",
        example: msg.lengths("+34915550000", "+3491555999"),
      },
      { when: "`end` is smaller than `start`", example: msg.reversed("+34915559999", "+34915550000") },
      {
        when: "two ranges share numbers",
        example: msg.overlap("culture", "central", "stacks/example/tenant.yaml:240"),
      },
      {
        when: "a department's `numberRanges` names an undeclared range",
        example: msg.unknown("centrl", "did you mean 'central'?"),
      },
      {
        when: "two departments name the same range (ranges cannot overlap, so this is the only way to share numbers)",
        example: msg.claimed("central", "departments/culture.yaml:17"),
      },
    ],
  },
  check: checkNumberRanges,
};

function checkNumberRanges(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const ranges = tenant.value.numberRanges;
  const plan = phonePlan(tenant.value.organization.country);
  const at = (i: number, field: string) => ["numberRanges", i, field];
  const first = new Map<string, number>();
  const wellFormed: number[] = [];
  ranges.forEach((range, i) => {
    const seen = first.get(range.id);
    if (seen !== undefined)
      ctx.at(tenant, at(i, "id"), msg.duplicate(range.id, place(tenant, at(seen, "id"))));
    else first.set(range.id, i);
    let valid = true;
    for (const end of ["start", "end"] as const) {
      const problem = plan?.problem(range[end]);
      if (problem) {
        ctx.at(tenant, at(i, end), problem);
        valid = false;
      }
    }
    // An invalid end already explains a length or order problem; saying both would be noise.
    if (!valid) return;
    if (range.start.length !== range.end.length) {
      ctx.at(tenant, at(i, "end"), msg.lengths(range.start, range.end));
      return;
    }
    // Equal-length digit strings compare like the numbers they spell.
    if (range.end < range.start) {
      ctx.at(tenant, at(i, "end"), msg.reversed(range.start, range.end));
      return;
    }
    const other = wellFormed.find((j) => rangesOverlap(ranges[j], range));
    if (other !== undefined) {
      ctx.at(
        tenant,
        at(i, "start"),
        msg.overlap(range.id, ranges[other].id, place(tenant, at(other, "start"))),
      );
    }
    wellFormed.push(i);
  });

  const ids = [...first.keys()];
  const claimedAt = new Map<string, string>();
  for (const dep of ctx.loaded.departments) {
    dep.value.numberRanges.forEach((id, i) => {
      if (!first.has(id)) {
        ctx.at(dep, ["numberRanges", i], msg.unknown(id, suggestion(id, ids)));
        return;
      }
      const other = claimedAt.get(id);
      if (other === undefined) claimedAt.set(id, place(dep, ["numberRanges", i]));
      else if (!other.startsWith(`${dep.file}:`)) ctx.at(dep, ["numberRanges", i], msg.claimed(id, other));
    });
  }
}
