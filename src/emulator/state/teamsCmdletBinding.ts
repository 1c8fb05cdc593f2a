import { TEAMS_CMDLETS, type CmdletSpec, type ParamSpec } from "./teamsCmdlets";

/**
 * Parameter binding for the fake-PowerShell endpoint: what PowerShell does before a cmdlet runs. Names are
 * matched case-insensitively against the cmdlet table; values are checked against their kind. Values are
 * never interpreted beyond that: a hostile string is a string.
 */

/** A failure as the driver reports it: `type` is PowerShell's error category (`$_.CategoryInfo.Category`). */
export interface PsError {
  type: PsErrorType;
  message: string;
}

export type PsErrorType =
  | "ObjectNotFound"
  | "ResourceExists"
  | "ResourceBusy"
  | "InvalidArgument"
  | "InvalidOperation"
  | "LimitsExceeded"
  | "ParameterBindingException";

export const psError = (type: PsErrorType, message: string): PsError => ({ type, message });

/** A `change` parameter: the whole list, or additions and removals. */
export interface ListChange {
  replace?: unknown[];
  add: unknown[];
  remove: unknown[];
}

export type Bound = Record<string, unknown>;

export function isPsError(v: unknown): v is PsError {
  return typeof v === "object" && v !== null && "type" in v && "message" in v && !Array.isArray(v);
}

export function cmdletSpec(cmdlet: string): { name: string; spec: CmdletSpec } | undefined {
  const name = Object.keys(TEAMS_CMDLETS).find((c) => c.toLowerCase() === cmdlet.toLowerCase());
  return name ? { name, spec: TEAMS_CMDLETS[name] } : undefined;
}

/** Binds raw JSON parameters to the cmdlet's parameter set, or the error PowerShell would raise. */
export function bindParameters(spec: CmdletSpec, raw: unknown): Bound | PsError {
  if (raw !== undefined && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
    return psError("InvalidArgument", "parameters must be a JSON object of parameter name → value.");
  }
  const byLower = new Map(Object.keys(spec.params).map((k) => [k.toLowerCase(), k]));
  const out: Bound = {};
  for (const [given, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const name = byLower.get(given.toLowerCase());
    if (!name) {
      return psError(
        "ParameterBindingException",
        `A parameter cannot be found that matches parameter name '${given}'.`,
      );
    }
    const bound = bindValue(name, spec.params[name], value);
    if (isPsError(bound)) return bound;
    if (bound !== undefined) out[name] = bound;
  }
  for (const [name, p] of Object.entries(spec.params)) {
    if (p.required && !(name in out) && !(p.nullable && hasNull(raw, name))) {
      return psError(
        "ParameterBindingException",
        `Cannot process command because of one or more missing mandatory parameters: ${name}.`,
      );
    }
  }
  return out;
}

function hasNull(raw: unknown, name: string): boolean {
  return Object.entries((raw ?? {}) as Record<string, unknown>).some(
    ([k, v]) => k.toLowerCase() === name.toLowerCase() && v === null,
  );
}

const cannotBind = (name: string, value: unknown, what: string) =>
  psError(
    "ParameterBindingException",
    `Cannot bind parameter '${name}'. Cannot convert value "${typeof value === "string" ? value : JSON.stringify(value)}" to type "${what}".`,
  );

function bindValue(name: string, p: ParamSpec, value: unknown): unknown {
  if (value === null) {
    return p.nullable ? null : cannotBind(name, value, "a non-null value");
  }
  switch (p.kind) {
    case "string":
      return typeof value === "string" ? value : cannotBind(name, value, "System.String");
    case "bool":
      return typeof value === "boolean" ? value : cannotBind(name, value, "System.Boolean");
    case "int":
      return Number.isInteger(value) ? value : cannotBind(name, value, "System.Int32");
    case "switch":
      if (typeof value !== "boolean")
        return cannotBind(name, value, "System.Management.Automation.SwitchParameter");
      return value ? true : undefined;
    case "enum": {
      const hit =
        typeof value === "string"
          ? p.values!.find((v) => v.toLowerCase() === value.toLowerCase())
          : undefined;
      return (
        hit ??
        psError(
          "ParameterBindingException",
          `Cannot validate argument on parameter '${name}'. The argument "${String(value)}" does not belong to the set "${p.values!.join(",")}".`,
        )
      );
    }
    case "coordinate":
      return typeof value === "string" || typeof value === "number"
        ? String(value)
        : cannotBind(name, value, "System.String");
    case "semicolonList": {
      const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : undefined;
      if (!list || list.some((v) => typeof v !== "string")) return cannotBind(name, value, "System.String");
      return (list as string[]).join(";");
    }
    case "list":
      return listOf(name, p, value);
    case "change":
      return changeOf(name, p, value);
  }
}

function listOf(name: string, p: ParamSpec, value: unknown): unknown[] | PsError {
  const list = Array.isArray(value) ? value : [value];
  const ok = (v: unknown) =>
    p.items === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : typeof v === "string";
  if (!list.every(ok))
    return cannotBind(name, value, p.items === "object" ? "System.Object[]" : "System.String[]");
  return list;
}

function changeOf(name: string, p: ParamSpec, value: unknown): ListChange | PsError {
  const isHashtable =
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => ["add", "remove", "replace"].includes(k.toLowerCase()));
  if (!isHashtable) {
    const whole = listOf(name, p, value);
    return Array.isArray(whole) ? { replace: whole, add: [], remove: [] } : whole;
  }
  const change: ListChange = { add: [], remove: [] };
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = k.toLowerCase();
    // Removals may name items (a rule's Name) instead of repeating the whole object.
    const list = key === "remove" ? (Array.isArray(v) ? v : [v]) : listOf(name, p, v);
    if (!Array.isArray(list)) return list;
    if (key === "replace") change.replace = list;
    else if (key === "add") change.add = list;
    else change.remove = list;
  }
  return change;
}

/** Applies a change to a current list; `key` identifies items for Remove (rule name, usage text). */
export function applyChange(
  current: readonly unknown[],
  change: ListChange,
  key: (v: unknown) => string,
): unknown[] {
  let list = change.replace ? [...change.replace] : [...current];
  const removed = new Set(change.remove.map(key).map((k) => k.toLowerCase()));
  list = list.filter((v) => !removed.has(key(v).toLowerCase()));
  for (const v of change.add)
    if (!list.some((x) => key(x).toLowerCase() === key(v).toLowerCase())) list.push(v);
  return list;
}
