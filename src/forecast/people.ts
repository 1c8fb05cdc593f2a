/**
 * The definition the forecast's emulator is seeded from: the head's, plus the people only the base names.
 * The emulator seeds named users from the numbers files (src/emulator/state/seed.ts); a user whose row the
 * head removes still exists in Entra (the toolkit never creates or deletes people), so the base's apply, and
 * the head's release of that number, need them there. They stay in the base's department, as they were.
 * Only the emulator is seeded from this; what the head asks for is always read from the head itself.
 */
import type { TenantDefinition } from "../config/definition";

export function peopleOfBoth(base: TenantDefinition, head: TenantDefinition): TenantDefinition {
  // A department the head removes still has its group and people until the apply: its resources' deletions
  // are part of the forecast.
  const kept = new Set(head.departments.map((d) => d.id));
  const removed = base.departments.filter((d) => !kept.has(d.id));
  const named = new Set<string>();
  for (const rows of Object.values(head.numbers))
    for (const row of rows) named.add(row.userPrincipalName.toLowerCase());
  const numbers = { ...head.numbers };
  for (const department of head.departments) {
    const onlyBase = (base.numbers[department.id] ?? []).filter(
      (row) => !named.has(row.userPrincipalName.toLowerCase()),
    );
    if (onlyBase.length > 0) numbers[department.id] = [...(numbers[department.id] ?? []), ...onlyBase];
  }
  for (const department of removed) {
    const rows = (base.numbers[department.id] ?? []).filter(
      (row) => !named.has(row.userPrincipalName.toLowerCase()),
    );
    if (rows.length > 0) numbers[department.id] = rows;
  }
  return { ...head, departments: [...head.departments, ...removed], numbers };
}
