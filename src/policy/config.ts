import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import { UserError } from "../exitCodes";
import type { RegisteredPolicy } from "../../policies/lib/define";
import { registry as defaultRegistry, type PolicyRegistry } from "../../policies/registry";

/**
 * The policy pack's per-stack config: the `--policy-pack-config` file format of the Pulumi CLI, so the same
 * `policies/config/<stack>.json` drives a real preview and the offline evaluator. Each key is a policy id (or
 * `all`); the value is a level, or an object with an optional `enforcementLevel` and the policy's own properties.
 */
export type PolicyConfigEntry =
  EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>);
export type PackConfig = Record<string, PolicyConfigEntry>;

export const POLICY_CONFIG_DIR = resolve(__dirname, "..", "..", "policies", "config");
const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** `policies/config/<stack>.json` cannot be used; the message names the file and each problem. */
export class PackConfigError extends UserError {}

export function policyConfigPath(stack: string, dir = POLICY_CONFIG_DIR): string {
  return join(dir, `${stack}.json`);
}

/** Reads and checks `policies/config/<stack>.json`; a stack without one gets `{}` (every policy at its default). */
export function loadPackConfig(
  stack: string,
  dir = POLICY_CONFIG_DIR,
  registry = defaultRegistry,
): PackConfig {
  const file = policyConfigPath(stack, dir);
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new PackConfigError(`${file}: not valid JSON (${(err as Error).message}).`);
  }
  const problems = packConfigProblems(parsed, registry);
  if (problems.length > 0)
    throw new PackConfigError(`${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return parsed as PackConfig;
}

/**
 * What the CLI would refuse in a config file, plus names no policy has (a typo would silently do nothing).
 * Property types are checked shallowly against each policy's configSchema (array / object / string / number / boolean).
 */
export function packConfigProblems(config: unknown, registry: PolicyRegistry = defaultRegistry): string[] {
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    return ["the policy config must be a JSON object keyed by policy id"];
  }
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(config)) {
    if (name === "all") {
      if (!LEVELS.includes(entry as EnforcementLevel)) {
        problems.push(`'all' must be one of ${LEVELS.join(", ")}`);
      }
      continue;
    }
    const policy = registry.get(name);
    if (!policy) {
      problems.push(`'${name}' is not a policy of the pack; see policies/RULES.md for the ids`);
      continue;
    }
    if (typeof entry === "string") {
      if (!LEVELS.includes(entry as EnforcementLevel)) {
        problems.push(`'${name}': level '${entry}' must be one of ${LEVELS.join(", ")}`);
      }
      continue;
    }
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push(`'${name}' must be a level or an object`);
      continue;
    }
    const schema = policy.policy.configSchema?.properties ?? {};
    for (const [key, value] of Object.entries(entry)) {
      if (key === "enforcementLevel") {
        if (!LEVELS.includes(value as EnforcementLevel)) {
          problems.push(`'${name}': enforcementLevel '${String(value)}' must be one of ${LEVELS.join(", ")}`);
        }
        continue;
      }
      const prop = schema[key];
      if (!prop) {
        const known = Object.keys(schema);
        problems.push(
          `'${name}': unknown property '${key}'${known.length ? ` (it takes ${known.join(", ")})` : " (it takes none)"}`,
        );
      } else if (typeof prop.type === "string" && !hasJsonType(value, prop.type)) {
        problems.push(`'${name}': '${key}' must be of type ${prop.type}`);
      }
    }
  }
  return problems;
}

function hasJsonType(value: unknown, type: string): boolean {
  switch (type) {
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/**
 * The level the engine gives a policy: its own config entry, else `all`, else the policy's level, else the pack's
 * (the order of the CLI's ReconcilePolicyPackConfig and the analyzer's lookup).
 */
export function enforcementLevelOf(
  policy: RegisteredPolicy["policy"],
  config: PackConfig,
  packLevel: EnforcementLevel,
): EnforcementLevel {
  const entry = config[policy.name];
  const own = typeof entry === "string" ? entry : entry?.enforcementLevel;
  const all = typeof config.all === "string" ? config.all : undefined;
  return own ?? all ?? policy.enforcementLevel ?? packLevel;
}

/** What `args.getConfig()` returns: the configSchema defaults, overlaid with the entry's properties. */
export function policyConfigOf(
  policy: RegisteredPolicy["policy"],
  config: PackConfig,
): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  const schema: PolicyConfigSchema | undefined = policy.configSchema;
  for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
    if (prop.default !== undefined) defaults[key] = structuredClone(prop.default);
  }
  const entry = config[policy.name];
  if (entry === undefined || typeof entry === "string") return defaults;
  const props = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== "enforcementLevel"));
  return { ...defaults, ...props };
}
