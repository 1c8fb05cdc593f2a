import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Checks a policy assignment the way Azure would at assignment time, against the built-in policy
 * reference data vendored in ./reference (from Azure/azure-policy; provenance and checksum in
 * ./reference/README.md, which policyReference.test.ts checks). The rules are the README's
 * "What an assignment must satisfy", plus the toolkit's own (enforcement Default, a non-compliance message).
 */

export interface ReferenceParameter {
  type: string;
  allowedValues?: unknown[];
  defaultValue?: unknown;
  required?: boolean;
}

export interface ReferencePolicy {
  name: string;
  kind: "policyDefinition" | "policySetDefinition";
  displayName: string;
  effects: string[];
  effectParameter?: string;
  parameters: Record<string, ReferenceParameter>;
  deprecated?: boolean;
}

export const VENDORED_REFERENCE = join(__dirname, "..", "reference", "builtin-policies.json");
export function loadBuiltIns(file = VENDORED_REFERENCE): Map<string, ReferencePolicy> {
  const entries = JSON.parse(readFileSync(file, "utf8")) as ReferencePolicy[];
  return new Map(entries.map((e) => [e.name, e]));
}

/** The fields of a rendered `authorization.PolicyAssignment` the check reads. */
export interface AssignmentUnderCheck {
  policyAssignmentName?: unknown;
  scope?: unknown;
  policyDefinitionId?: unknown;
  parameters?: unknown;
  enforcementMode?: unknown;
  identity?: unknown;
  location?: unknown;
  nonComplianceMessages?: unknown;
}

/** The fields of a rendered `authorization.PolicyDefinitionAtManagementGroup` the check reads. */
export interface CustomDefinitionUnderCheck {
  managementGroupId?: unknown;
  policyDefinitionName?: unknown;
  parameters?: unknown;
  policyRule?: unknown;
}

export interface CheckResult {
  errors: string[];
  /** Case-only differences in parameter names: Azure seems to accept them (README point 8). */
  warnings: string[];
}

const BUILT_IN_ID =
  /^\/providers\/Microsoft\.Authorization\/(policyDefinitions|policySetDefinitions)\/([^/]+)$/;
const CUSTOM_ID =
  /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\/providers\/Microsoft\.Authorization\/(policyDefinitions|policySetDefinitions)\/([^/]+)$/;
const MG_SCOPE = /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/;
const REMEDIATING = new Set(["deployifnotexists", "modify"]);

interface ResolvedDefinition {
  label: string;
  parameters: Record<string, ReferenceParameter>;
  effects: string[];
  effectParameter?: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hasType(value: unknown, type: string): boolean {
  switch (type.toLowerCase()) {
    case "string":
      return typeof value === "string";
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "float":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return isPlainObject(value);
    case "datetime":
      return typeof value === "string" && !Number.isNaN(Date.parse(value));
    default:
      return false;
  }
}

/** `[parameters('effect')]` → `effect`; a literal effect → undefined. */
function effectParameterOf(policyRule: unknown): { parameter?: string; literal?: string } {
  const effect =
    isPlainObject(policyRule) && isPlainObject(policyRule.then) ? policyRule.then.effect : undefined;
  if (typeof effect !== "string") return {};
  const m = /^\[parameters\('([^']+)'\)\]$/.exec(effect);
  return m ? { parameter: m[1] } : { literal: effect };
}

function customParameters(raw: unknown): Record<string, ReferenceParameter> {
  const out: Record<string, ReferenceParameter> = {};
  if (!isPlainObject(raw)) return out;
  for (const [name, def] of Object.entries(raw)) {
    if (!isPlainObject(def)) continue;
    out[name] = {
      type: String(def.type),
      allowedValues: Array.isArray(def.allowedValues) ? def.allowedValues : undefined,
      defaultValue: def.defaultValue,
      required: def.defaultValue === undefined,
    };
  }
  return out;
}

function resolveDefinition(
  id: string,
  builtIns: ReadonlyMap<string, ReferencePolicy>,
  customs: readonly CustomDefinitionUnderCheck[],
  errors: string[],
): ResolvedDefinition | undefined {
  const builtIn = BUILT_IN_ID.exec(id);
  if (builtIn) {
    const [, kind, name] = builtIn;
    const ref = builtIns.get(name);
    if (!ref) {
      errors.push(`policyDefinitionId '${id}': '${name}' is not a built-in in the reference data`);
      return undefined;
    }
    const expectedKind = ref.kind === "policySetDefinition" ? "policySetDefinitions" : "policyDefinitions";
    if (kind !== expectedKind) {
      errors.push(
        `policyDefinitionId '${id}': '${ref.displayName}' is a ${ref.kind}, so the id must use '${expectedKind}'`,
      );
    }
    if (ref.deprecated) errors.push(`'${ref.displayName}' is deprecated`);
    return {
      label: `'${ref.displayName}' (${name})`,
      parameters: ref.parameters,
      effects: ref.effects,
      effectParameter: ref.effectParameter,
    };
  }
  const custom = CUSTOM_ID.exec(id);
  if (custom) {
    const [, group, kind, name] = custom;
    const def = customs.find((c) => c.managementGroupId === group && c.policyDefinitionName === name);
    if (!def || kind !== "policyDefinitions") {
      errors.push(
        `policyDefinitionId '${id}': no custom policy definition '${name}' is created at management group '${group}'`,
      );
      return undefined;
    }
    const effect = effectParameterOf(def.policyRule);
    const parameters = customParameters(def.parameters);
    const effects = effect.parameter
      ? ((parameters[effect.parameter]?.allowedValues as string[] | undefined) ?? [])
      : effect.literal
        ? [effect.literal]
        : [];
    return { label: `custom '${name}'`, parameters, effects, effectParameter: effect.parameter };
  }
  errors.push(
    `policyDefinitionId '${String(id)}' is neither a built-in nor a management-group definition id`,
  );
  return undefined;
}

/** Every problem Azure (or the toolkit's rules) would have with this assignment. */
export function checkAssignment(
  assignment: AssignmentUnderCheck,
  builtIns: ReadonlyMap<string, ReferencePolicy>,
  customs: readonly CustomDefinitionUnderCheck[] = [],
): CheckResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const name = String(assignment.policyAssignmentName ?? "");
  const scope = String(assignment.scope ?? "");
  if (MG_SCOPE.test(scope) && (name.length === 0 || name.length > 24)) {
    errors.push(`name '${name}' must be 1 to 24 characters at management-group scope`);
  }
  if (assignment.enforcementMode !== "Default") errors.push(`enforcementMode must be 'Default'`);
  const messages = assignment.nonComplianceMessages;
  if (
    !Array.isArray(messages) ||
    messages.length === 0 ||
    !messages.every((m) => isPlainObject(m) && m.message)
  ) {
    errors.push("nonComplianceMessages must hold at least one message");
  }
  const def = resolveDefinition(String(assignment.policyDefinitionId ?? ""), builtIns, customs, errors);
  if (!def) return { errors, warnings };

  const given = assignment.parameters ?? {};
  if (!isPlainObject(given)) {
    errors.push("parameters must be an object of { value } entries");
    return { errors, warnings };
  }
  const declared = Object.keys(def.parameters);
  const values: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(given)) {
    let param = def.parameters[key];
    if (!param) {
      const caseOnly = declared.find((d) => d.toLowerCase() === key.toLowerCase());
      if (!caseOnly) {
        errors.push(
          `parameter '${key}' does not exist on ${def.label}; it has: ${declared.join(", ") || "none"}`,
        );
        continue;
      }
      warnings.push(`parameter '${key}' differs only in case from '${caseOnly}' on ${def.label}`);
      param = def.parameters[caseOnly];
    }
    if (!isPlainObject(entry) || Object.keys(entry).join() !== "value") {
      errors.push(`parameter '${key}' must have the shape { value }`);
      continue;
    }
    const value = entry.value;
    values[key] = value;
    if (!hasType(value, param.type)) {
      errors.push(`parameter '${key}' must be of type ${param.type}, got ${JSON.stringify(value)}`);
      continue;
    }
    if (param.allowedValues) {
      const items = Array.isArray(value) ? value : [value];
      const refused = items.filter((v) => !param.allowedValues?.includes(v));
      if (refused.length > 0) {
        errors.push(
          `parameter '${key}': ${refused.map((v) => JSON.stringify(v)).join(", ")} not in its allowed values (case-sensitive)`,
        );
      }
    }
  }
  for (const [key, param] of Object.entries(def.parameters)) {
    const present = Object.keys(given).some((k) => k.toLowerCase() === key.toLowerCase());
    if (param.required && !present) errors.push(`required parameter '${key}' of ${def.label} is missing`);
  }

  const effective = def.effectParameter
    ? [String(values[def.effectParameter] ?? def.parameters[def.effectParameter]?.defaultValue)]
    : def.effects;
  if (effective.some((e) => REMEDIATING.has(e.toLowerCase()))) {
    const identity = assignment.identity;
    const type = isPlainObject(identity) ? String(identity.type ?? "") : "";
    if (!/SystemAssigned|UserAssigned/.test(type)) {
      errors.push(`${def.label} can ${effective.join("/")}, so the assignment needs a managed identity`);
    }
    if (typeof assignment.location !== "string" || assignment.location.length === 0) {
      errors.push(
        `${def.label} can ${effective.join("/")}, so the assignment needs a location for its identity`,
      );
    }
  }
  return { errors, warnings };
}

/** The effect an assignment ends up with: the effect parameter's value or default, else the literal effects. */
export function effectiveEffects(
  assignment: AssignmentUnderCheck,
  builtIns: ReadonlyMap<string, ReferencePolicy>,
): string[] {
  const m = BUILT_IN_ID.exec(String(assignment.policyDefinitionId ?? ""));
  const ref = m ? builtIns.get(m[2]) : undefined;
  if (!ref) return [];
  if (!ref.effectParameter) return ref.effects;
  const params = isPlainObject(assignment.parameters) ? assignment.parameters : {};
  const entry = params[ref.effectParameter];
  const value = isPlainObject(entry) ? entry.value : undefined;
  return [String(value ?? ref.parameters[ref.effectParameter].defaultValue)];
}
