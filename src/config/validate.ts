import type { TenantDefinition } from "./definition";
import type { Diagnostic } from "./diagnostics";
import { sortDiagnostics } from "./diagnostics";
import { loadDefinition, type LoadedDefinition } from "./load";
import { RuleContext } from "./rules/context";
import { RULES } from "./rules";

export interface ValidationResult {
  /** Present only when there is no diagnostic at all. */
  definition?: TenantDefinition;
  diagnostics: Diagnostic[];
  loaded: LoadedDefinition;
}

/**
 * Loads and checks a definition folder: each file against its schema, then every cross-file rule
 * over whatever did parse, so one run reports every problem it can find.
 */
export function validateDefinition(
  dir: string,
  displayBase?: string,
  options: { today?: string } = {},
): ValidationResult {
  const loaded = loadDefinition(dir, displayBase);
  const ctx = new RuleContext(loaded, options.today);
  for (const rule of RULES) rule.check(ctx);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...ctx.diagnostics]);
  if (diagnostics.length > 0 || !loaded.tenant) return { diagnostics, loaded };
  const numbers: Record<string, TenantDefinition["numbers"][string]> = {};
  for (const file of loaded.numbers) numbers[file.department] = file.rows.map((r) => r.value);
  const definition: TenantDefinition = {
    tenant: loaded.tenant.value,
    departments: loaded.departments.map((d) => d.value).sort((a, b) => a.id.localeCompare(b.id)),
    numbers,
  };
  return { definition, diagnostics, loaded };
}
