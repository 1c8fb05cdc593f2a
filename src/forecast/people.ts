/**
 * The definition the forecast's emulator is seeded from: the head's, plus the people only the base names.
 * The emulator seeds named users from the numbers files (src/emulator/state/seed.ts); a user whose row the
 * head removes still exists in Entra (the toolkit never creates or deletes people), so the base's apply, and
 * the head's release of that number, need them there. They stay in the base's department, as they were.
 */
import type { TenantDefinition } from "../config/definition";

export function peopleOfBoth(base: TenantDefinition, head: TenantDefinition): TenantDefinition {
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
  return { ...head, numbers };
}
