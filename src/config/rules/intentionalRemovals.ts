import type { Rule, RuleContext } from "./context";

const msg = {
  stillAssigned: (number: string, where: string) =>
    `${number} is listed as removed on purpose but is still assigned at ${where} — remove the row to take the number away, or remove this entry`,
  stillHeldByAccount: (number: string, where: string) =>
    `${number} is listed as removed on purpose but is still a resource account's number at ${where} — remove the account's number to take it away, or remove this entry`,
  stillLicensed: (sku: string, where: string) =>
    `${sku} is listed as removed on purpose but the department still takes it at ${where} — remove it from licences to take it away, or remove this entry`,
};

export const intentionalRemovalsRule: Rule = {
  info: {
    id: "intentional-removals",
    summary:
      "What a department marks as removed on purpose (`intentionalRemovals`) is really gone from its own files, so an approval never sits beside the thing it approves removing.",
    errors: [
      {
        when: "a number in `intentionalRemovals.numbers` is still a row of the department's numbers file",
        example: msg.stillAssigned("+34915550012", "stacks/example/numbers/culture.csv:4"),
      },
      {
        when: "a number in `intentionalRemovals.numbers` is still a resource account's `number` in the department's file",
        example: msg.stillHeldByAccount("+34915550100", "stacks/example/departments/culture.yaml:30"),
      },
      {
        when: "a SKU in `intentionalRemovals.skus` is still in the department's `licences`",
        example: msg.stillLicensed("MCOEV", "stacks/example/departments/culture.yaml:14"),
      },
    ],
  },
  check: checkIntentionalRemovals,
};

function checkIntentionalRemovals(ctx: RuleContext): void {
  for (const dep of ctx.loaded.departments) {
    const removals = dep.value.intentionalRemovals;
    if (!removals) continue;
    // A department's numbers are the rows of its own file (numbers/<id>.csv); nothing else may vouch for them.
    const file = ctx.loaded.numbers.find((f) => f.department === dep.value.id);
    const rows = new Map((file?.rows ?? []).map((r) => [r.value.number, r.line]));
    const accounts = dep.value.phoneServices?.resourceAccounts ?? [];
    removals.numbers.forEach((number, i) => {
      const line = rows.get(number);
      if (file && line !== undefined)
        ctx.at(dep, ["intentionalRemovals", "numbers", i], msg.stillAssigned(number, `${file.file}:${line}`));
      const account = accounts.findIndex((a) => a.number === number);
      if (account >= 0) {
        const where = `${dep.file}:${dep.locate(["phoneServices", "resourceAccounts", account, "number"]).line}`;
        ctx.at(dep, ["intentionalRemovals", "numbers", i], msg.stillHeldByAccount(number, where));
      }
    });
    const licences = dep.value.licences;
    removals.skus.forEach((sku, i) => {
      const at = licences.findIndex((l) => l.sku === sku);
      if (at >= 0) {
        const where = `${dep.file}:${dep.locate(["licences", at, "sku"]).line}`;
        ctx.at(dep, ["intentionalRemovals", "skus", i], msg.stillLicensed(sku, where));
      }
    });
  }
}
