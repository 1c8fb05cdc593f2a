import { resolve } from "node:path";
import { UserError } from "./exitCodes";
import { formatDiagnostic } from "./config/diagnostics";
import type { TenantDefinition } from "./config/definition";
import { validateDefinition } from "./config/validate";
import { budgetStartDate } from "./departments/budget";
import { parseInstanceSubscriptions, type InstanceSettings } from "./instance";
import { parseLayers, planLayers, type LayerName } from "./layers";

/** What `buildTenant` needs besides the definition; everything a stack file can change, already checked. */
export interface TenantSettings {
  /** Layers this stack deploys, in dependency order. */
  layers: LayerName[];
  /** Fully qualified name of the stack that deploys the layers this stack reads but does not deploy. */
  platformStack?: string;
  /**
   * First day of the month the budgets' time period starts (`YYYY-MM-01T00:00:00Z`). Passed in rather than read
   * from the clock inside components so a render is reproducible.
   */
  budgetStartDate: string;
  /** Set for a second deployment of the definition in the same tenant (`tenant:instance`, src/instance.ts). */
  instance?: InstanceSettings;
}

export interface StackSettings extends TenantSettings {
  /** Absolute path of the definition folder. */
  definitionDir: string;
}

/** The subset of `pulumi.Config` read here, so tests can hand in a plain object. */
export interface ConfigReader {
  get(key: string): string | undefined;
  getObject<T>(key: string): T | undefined;
}

/** `stacks/` at the repository root: the definition folder is `stacks/<tenant:definition>/`. */
export const STACKS_ROOT = resolve(__dirname, "..", "stacks");

/**
 * Reads the stack's `tenant:*` config. `tenant:definition` defaults to the stack name, `tenant:layers` to all.
 * Throws one message per mistake; nothing is registered before this returns.
 */
export function readStackSettings(
  config: ConfigReader,
  stack: string,
  now: Date,
  stacksRoot = STACKS_ROOT,
): StackSettings {
  const layers = parseLayers(config.getObject<string[]>("layers"));
  const platformStack = config.get("platformStack") || undefined;
  planLayers(layers, platformStack);
  const instance = config.get("instance") || undefined;
  return {
    // Pulumi.yaml defaults the key to "" (a typed key without a default is required by the engine).
    definitionDir: resolve(stacksRoot, config.get("definition") || stack),
    layers,
    platformStack,
    budgetStartDate: budgetStartDate(now),
    instance: instance
      ? {
          name: instance,
          subscriptions: parseInstanceSubscriptions(config.getObject<string[]>("instanceSubscriptions")),
        }
      : undefined,
  };
}

/** Thrown when the definition has problems; the message lists every diagnostic as `tenant validate` prints them. */
export class DefinitionError extends UserError {}

/** Loads and validates a definition folder, or throws a DefinitionError listing every problem. */
export function loadValidDefinition(dir: string): TenantDefinition {
  const result = validateDefinition(dir);
  if (result.definition && result.diagnostics.length === 0) return result.definition;
  const n = result.diagnostics.length;
  throw new DefinitionError(
    [
      `the tenant definition in ${dir} has ${n} problem${n === 1 ? "" : "s"}; nothing was deployed — run 'npx tenant validate --dir ${dir}' after fixing:`,
      ...result.diagnostics.map(formatDiagnostic),
    ].join("\n"),
  );
}
