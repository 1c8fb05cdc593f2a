import { findRange } from "../numberRanges";
import { addDays, quarantinedNumbers } from "../quarantine";
import { DEFAULT_QUARANTINE_DAYS, RELEASED_FILE } from "../schema/releasedNumbers";
import type { Rule, RuleContext } from "./context";

const RESERVED_ID = RELEASED_FILE.replace(/\.csv$/, "");

const msg = {
  future: (date: string, today: string) =>
    `${date} is in the future (today is ${today}) — write the day the number was actually released`,
  noRange: (number: string) =>
    `${number} is in no declared range — only numbers of the city's ranges can be released; correct the number or remove the row`,
  quarantined: (number: string, releasedOn: string, where: string, lastDay: string, freeOn: string) =>
    `${number} was released on ${releasedOn} (${where}) and is in quarantine until ${lastDay} — assign it again on ${freeOn} or later, or pick a free number with 'npx tenant numbers allocate'`,
  reserved: () =>
    `department id '${RESERVED_ID}' is reserved: numbers/${RELEASED_FILE} is the released-numbers ledger — choose another id`,
};

export const releasedNumbersRule: Rule = {
  info: {
    id: "released-numbers",
    summary:
      "Every row of numbers/released.csv names a number of a declared range released on a past day, and no number in quarantine (released fewer than numbering.quarantineDays days ago) is assigned, to a user or to a resource account.",
    errors: [
      { when: "`releasedOn` is after today", example: msg.future("2031-01-05", "2026-11-27") },
      { when: "a released number lies in no declared range", example: msg.noRange("+34917000012") },
      {
        when: "a numbers file or a resource account assigns a number released fewer than `numbering.quarantineDays` days ago",
        example: msg.quarantined(
          "+34915550007",
          "2026-10-01",
          "stacks/example/numbers/released.csv:4",
          "2026-12-29",
          "2026-12-30",
        ),
      },
      { when: "a department is called `released`", example: msg.reserved() },
    ],
  },
  check: checkReleasedNumbers,
};

function checkReleasedNumbers(ctx: RuleContext): void {
  for (const dep of ctx.loaded.departments) {
    if (dep.value.id === RESERVED_ID) ctx.at(dep, ["id"], msg.reserved());
  }
  const ledger = ctx.loaded.released;
  if (!ledger) return;
  const tenant = ctx.loaded.tenant?.value;
  for (const row of ledger.rows) {
    if (row.value.releasedOn > ctx.today) {
      ctx.atLine(ledger.file, row, "releasedOn", msg.future(row.value.releasedOn, ctx.today));
    }
    if (tenant && !findRange(tenant.numberRanges, row.value.number)) {
      ctx.atLine(ledger.file, row, "number", msg.noRange(row.value.number));
    }
  }
  // Without tenant.yaml the default applies: better to hold a number back than to hand it out too early.
  const days = tenant?.numbering.quarantineDays ?? DEFAULT_QUARANTINE_DAYS;
  const quarantine = quarantinedNumbers(
    ledger.rows.map((row) => ({ value: row.value, where: `${ledger.file}:${row.line}` })),
    days,
    ctx.today,
  );
  if (quarantine.size === 0) return;
  const quarantined = (number: string) => {
    const q = quarantine.get(number);
    return q && msg.quarantined(q.number, q.releasedOn, q.where, addDays(q.freeOn, -1), q.freeOn);
  };
  for (const file of ctx.loaded.numbers) {
    for (const row of file.rows) {
      const problem = quarantined(row.value.number);
      if (problem) ctx.atRow(file, row, "number", problem);
    }
  }
  // A resource account's public number comes from the same ranges and the same quarantine.
  for (const dep of ctx.loaded.departments) {
    dep.value.phoneServices?.resourceAccounts.forEach((account, i) => {
      const problem = account.number && quarantined(account.number);
      if (problem) ctx.at(dep, ["phoneServices", "resourceAccounts", i, "number"], problem);
    });
  }
}
