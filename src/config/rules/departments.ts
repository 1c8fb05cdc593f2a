import { basename } from "node:path";
import type { Rule, RuleContext } from "./context";

export const departmentIdentityRule: Rule = {
  info: {
    id: "department-identity",
    summary:
      "Each department file's id equals its file name; ids and display names are unique; every numbers file belongs to a department.",
    errors: [
      {
        when: "the id differs from the file name",
        example:
          "id 'culture' does not match the file name 'cultura.yaml' — rename the file or the id so they agree",
      },
      {
        when: "two departments share an id",
        example:
          "department id 'culture' is already used by stacks/example/departments/culture.yaml — give each department its own id",
      },
      {
        when: "two departments share a display name (case-insensitive)",
        example:
          "display name 'Cultura' is already used by stacks/example/departments/culture.yaml — Entra group names must be unique; choose another",
      },
      {
        when: "a numbers file has no department of the same name",
        example:
          "no department 'cultura' owns this numbers file — name it after a file in departments/ (<id>.csv)",
      },
    ],
  },
  check: checkDepartmentIdentity,
};

function checkDepartmentIdentity(ctx: RuleContext): void {
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const dep of ctx.loaded.departments) {
    const expected = basename(dep.file, ".yaml");
    const { id, displayName } = dep.value;
    if (id !== expected) {
      ctx.at(
        dep,
        ["id"],
        `id '${id}' does not match the file name '${expected}.yaml' — rename the file or the id so they agree`,
      );
    }
    const sameId = byId.get(id);
    if (sameId)
      ctx.at(
        dep,
        ["id"],
        `department id '${id}' is already used by ${sameId} — give each department its own id`,
      );
    else byId.set(id, dep.file);
    const key = displayName.trim().toLowerCase();
    const sameName = byName.get(key);
    if (sameName) {
      ctx.at(
        dep,
        ["displayName"],
        `display name '${displayName}' is already used by ${sameName} — Entra group names must be unique; choose another`,
      );
    } else byName.set(key, dep.file);
  }
  for (const numbers of ctx.loaded.numbers) {
    if (!ctx.loaded.departmentFileIds.includes(numbers.department)) {
      ctx.atFile(
        numbers.file,
        `no department '${numbers.department}' owns this numbers file — name it after a file in departments/ (<id>.csv)`,
      );
    }
  }
}
