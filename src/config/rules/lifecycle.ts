import type { Rule, RuleContext } from "./context";

const msg = {
  licences: (id: string) =>
    `department '${id}' is retiring but its group still gets licences — remove them and list their SKUs under intentionalRemovals.skus`,
  teams: (id: string) =>
    `department '${id}' is retiring but still grants Teams policies — remove the teams section`,
  numbers: (id: string, count: number) =>
    `department '${id}' is retiring but still assigns ${count} number${count === 1 ? "" : "s"} — release them into quarantine with \`tenant numbers release --department ${id} --users <file>\``,
  notRetiring: (id: string, file: string) =>
    `department '${id}' is approved for removal but ${file} still has lifecycle: active — set lifecycle: retiring and deploy that first, or remove the approval`,
};

export const departmentLifecycleRule: Rule = {
  info: {
    id: "department-lifecycle",
    summary:
      "A retiring department holds no licences, Teams grants or numbers; a retirement approval names a department " +
      "that is retiring or whose file was removed.",
    errors: [
      { when: "a retiring department still lists licences", example: msg.licences("pleno") },
      { when: "a retiring department still has a `teams` section", example: msg.teams("pleno") },
      { when: "a retiring department's numbers file still has rows", example: msg.numbers("pleno", 12) },
      {
        when: "a retirement approval names a department whose file is still active",
        example: msg.notRetiring("pleno", "departments/pleno.yaml"),
      },
    ],
  },
  check: checkLifecycle,
};

function checkLifecycle(ctx: RuleContext): void {
  for (const dep of ctx.loaded.departments) {
    if (dep.value.lifecycle !== "retiring") continue;
    const id = dep.value.id;
    if (dep.value.licences.length > 0) ctx.at(dep, ["licences"], msg.licences(id));
    if (dep.value.teams) ctx.at(dep, ["teams"], msg.teams(id), true);
    const numbers = ctx.loaded.numbers.find((n) => n.department === id);
    if (numbers && numbers.rows.length > 0) ctx.atFile(numbers.file, msg.numbers(id, numbers.rows.length));
  }
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  (tenant.value.platformApprovals?.retirements ?? []).forEach((r, i) => {
    const dep = ctx.loaded.departments.find((d) => d.value.id === r.department);
    if (dep && dep.value.lifecycle !== "retiring")
      ctx.at(
        tenant,
        ["platformApprovals", "retirements", i, "department"],
        msg.notRetiring(r.department, dep.file),
      );
  });
}
