import { findRange } from "../numberRanges";
import type { NumberRange } from "../schema/telephony";
import type { Rule, RuleContext } from "./context";
import { phonePlan } from "./phone";
import { listOf } from "./wording";

const span = (r: NumberRange) => `'${r.id}' (${r.start}–${r.end})`;

const msg = {
  country: (country: string) =>
    `'${country}' has no known telephone numbering plan — use the ISO 3166-1 alpha-2 code of the organisation's country, such as ES`,
  otherDepartment: (number: string, range: string, owners: string, department: string) =>
    `${number} is in range ${range}, which belongs to ${owners}, not to '${department}' — use a number from ${department}'s own ranges, or move the row to the right file`,
  notListed: (number: string, range: string, department: string) =>
    `${number} is in range ${range}, which '${department}' does not list in numberRanges — add the range to departments/${department}.yaml or use a number from its ranges`,
  noRange: (number: string, department: string, own: string) =>
    `${number} is in no declared range — use a number from ${department}'s ranges (${own}), or declare its range in tenant.yaml`,
  noRanges: (number: string, department: string) =>
    `${number} cannot be assigned: department '${department}' lists no numberRanges — add the range it comes from to departments/${department}.yaml`,
  duplicate: (number: string, user: string, first: string) =>
    `${number} is already assigned to ${user} at ${first} — a number belongs to one user; remove one of the rows`,
};

export const phoneNumbersRule: Rule = {
  info: {
    id: "phone-numbers",
    summary:
      "Every assigned number is valid for the organisation's country, lies in a range its department lists, and is assigned only once across all numbers files.",
    errors: [
      { when: "`organization.country` has no numbering plan", example: msg.country("AQ") },
      {
        when: "a number is not valid for the country (wrong calling code, length or prefix)",
        example: phonePlan("ES")?.problem("+3491555000") ?? "",
      },
      {
        when: "a number lies in a range only other departments list",
        example: msg.otherDepartment(
          "+34914800012",
          "'mobility' (+34914800000–+34914809999)",
          "'mobility'",
          "culture",
        ),
      },
      {
        when: "a number lies in a declared range the department does not list",
        example: msg.notListed("+34913000012", "'reserve' (+34913000000–+34913009999)", "culture"),
      },
      {
        when: "a number lies in no declared range",
        example: msg.noRange("+34917000012", "culture", "'culture' (+34915550000–+34915559999)"),
      },
      { when: "the department lists no ranges at all", example: msg.noRanges("+34915550012", "culture") },
      {
        when: "a number is assigned twice (in the same or another file)",
        example: msg.duplicate("+34915550001", "ana@madrid.example", "stacks/example/numbers/culture.csv:2"),
      },
    ],
  },
  check: checkPhoneNumbers,
};

function checkPhoneNumbers(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  // Duplicates need nothing from tenant.yaml, so they are found even when it is broken.
  const assigned = new Map<string, { user: string; where: string }>();
  for (const file of ctx.loaded.numbers) {
    for (const row of file.rows) {
      const { number, userPrincipalName } = row.value;
      const first = assigned.get(number);
      if (first) ctx.atRow(file, row, "number", msg.duplicate(number, first.user, first.where));
      else assigned.set(number, { user: userPrincipalName, where: `${file.file}:${row.line}` });
    }
  }
  if (!tenant) return;

  const { country } = tenant.value.organization;
  const plan = phonePlan(country);
  if (!plan) ctx.at(tenant, ["organization", "country"], msg.country(country));
  const ranges = tenant.value.numberRanges;
  const listedBy = new Map<string, string[]>();
  const departments = new Map(ctx.loaded.departments.map((d) => [d.value.id, d.value]));
  for (const dep of departments.values()) {
    for (const id of dep.numberRanges) listedBy.set(id, [...(listedBy.get(id) ?? []), dep.id]);
  }

  for (const file of ctx.loaded.numbers) {
    const dep = departments.get(file.department);
    const own = ranges.filter((r) => dep?.numberRanges.includes(r.id));
    for (const row of file.rows) {
      const { number } = row.value;
      const problem = plan?.problem(number);
      if (problem) {
        ctx.atRow(file, row, "number", problem);
        continue;
      }
      // Without its department (missing or failing its schema) a row's ranges are unknown.
      if (!dep || findRange(own, number)) continue;
      const range = findRange(ranges, number);
      const owners = range ? (listedBy.get(range.id) ?? []) : [];
      let message: string;
      if (range && owners.length > 0) {
        message = msg.otherDepartment(number, span(range), listOf(owners), dep.id);
      } else if (range) message = msg.notListed(number, span(range), dep.id);
      else if (own.length > 0) message = msg.noRange(number, dep.id, own.map(span).join(", "));
      else message = msg.noRanges(number, dep.id);
      ctx.atRow(file, row, "number", message);
    }
  }
}
