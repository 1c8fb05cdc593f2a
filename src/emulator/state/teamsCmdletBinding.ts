import {
  contractCmdlet,
  resolveParameter,
  type ContractCmdlet,
  type ContractParameter,
} from "../../teams/powershell/contract";
import { TEAMS_CMDLETS, type CmdletSpec, type ParamSpec } from "./teamsCmdlets";

/**
 * Parameter binding for the fake-PowerShell endpoint: what PowerShell does before a cmdlet runs, against the
 * vendored cmdlet contract (Microsoft's reference at a pinned commit): names and aliases case-insensitively,
 * the parameter set, mandatory parameters, the .NET type and ValidateSet values. Failures have the shape of
 * PowerShell's ParameterBindingException (PowerShell/PowerShell
 * src/System.Management.Automation/resources/ParameterBinderStrings.resx): an ErrorRecord with category
 * InvalidArgument and FullyQualifiedErrorId `<ErrorId>,<command>`. Values are never interpreted beyond that: a
 * hostile string is a string.
 */

/** What a handler (or the binder) reports; `runCmdlet` turns it into the module's error shape. */
export interface PsError {
  kind: PsErrorKind;
  message: string;
  /** Set by the binder: the ParameterBindingException error id (NamedParameterNotFound…). */
  bindingId?: string;
}

/** The service-side outcome a handler reports; runCmdlet maps it onto the module family's error shape. */
export type PsErrorKind =
  | "ObjectNotFound"
  | "ResourceExists"
  | "ResourceBusy"
  | "InvalidArgument"
  | "InvalidOperation"
  | "LimitsExceeded"
  | "ParameterBinding"
  | "NotImplemented";

export const psError = (kind: PsErrorKind, message: string): PsError => ({ kind, message });

const bindingError = (bindingId: string, message: string): PsError => ({
  kind: "ParameterBinding",
  message,
  bindingId,
});

/** A `change` parameter: the whole list, or additions and removals. */
export interface ListChange {
  replace?: unknown[];
  add: unknown[];
  remove: unknown[];
}

export type Bound = Record<string, unknown>;

export function isPsError(v: unknown): v is PsError {
  return typeof v === "object" && v !== null && "kind" in v && "message" in v && !Array.isArray(v);
}

/** The emulated cmdlet (its implementation table entry) and its contract, by case-insensitive name. */
export function cmdletSpec(
  cmdlet: string,
): { name: string; spec: CmdletSpec; contract: ContractCmdlet } | undefined {
  const name = Object.keys(TEAMS_CMDLETS).find((c) => c.toLowerCase() === cmdlet.toLowerCase());
  const contract = name ? contractCmdlet(name) : undefined;
  return name && contract ? { name, spec: TEAMS_CMDLETS[name], contract } : undefined;
}

/** ShouldProcess switches: bound (PowerShell accepts them) but they change nothing in a non-interactive host. */
const SHOULD_PROCESS = new Set(["confirm", "whatif"]);

/** Binds raw JSON parameters to the cmdlet, or the error PowerShell (or the emulator, if not emulated) raises. */
export function bindParameters(
  name: string,
  spec: CmdletSpec,
  contract: ContractCmdlet,
  raw: unknown,
): Bound | PsError {
  if (raw !== undefined && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
    return psError("InvalidArgument", "parameters must be a JSON object of parameter name → value.");
  }
  const given = new Map<string, unknown>();
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const resolved = resolveParameter(contract, key);
    if (!resolved) {
      return bindingError(
        "NamedParameterNotFound",
        `A parameter cannot be found that matches parameter name '${key}'.`,
      );
    }
    const [canonical] = resolved;
    if (given.has(canonical)) {
      return bindingError(
        "ParameterAlreadyBound",
        `Cannot bind parameter because parameter '${canonical}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
      );
    }
    given.set(canonical, value);
  }
  const set = parameterSet(name, contract, [...given.keys()]);
  if (isPsError(set)) return set;
  const missing = Object.entries(contract.parameters)
    .filter(([p, c]) => c.sets[set]?.required && !given.has(p) && !optionalByRule(name, p, given))
    .map(([p]) => p);
  if (missing.length > 0) {
    return bindingError(
      "MissingMandatoryParameter",
      `Cannot process command because of one or more missing mandatory parameters: ${missing.join(" ")}.`,
    );
  }
  const out: Bound = {};
  for (const [p, value] of given) {
    if (SHOULD_PROCESS.has(p.toLowerCase())) {
      const bound = bindValue(p, contract.parameters[p], { kind: "switch" }, value);
      if (isPsError(bound)) return bound;
      continue;
    }
    const implemented = spec.params[p] ?? (spec.anySetting ? settingSpec(contract.parameters[p]) : undefined);
    if (!implemented) {
      return psError(
        "NotImplemented",
        `The emulator does not implement -${p} of ${name} (documented; not emulated). Use a real tenant for it.`,
      );
    }
    const bound = bindValue(p, contract.parameters[p], implemented, value);
    if (isPsError(bound)) return bound;
    if (bound !== undefined) out[p] = bound;
  }
  return out;
}

/**
 * The parameter set the given names resolve to: the sets containing every given parameter; of several, the one
 * whose mandatory parameters are all given, else the default set, else the first.
 */
function parameterSet(name: string, contract: ContractCmdlet, given: string[]): string | PsError {
  const candidates = contract.parameterSets.filter((s) =>
    given.every((p) => SHOULD_PROCESS.has(p.toLowerCase()) || s in contract.parameters[p].sets),
  );
  if (candidates.length === 0) {
    return bindingError(
      "AmbiguousParameterSet",
      `Parameter set cannot be resolved using the specified named parameters.One or few of the parameters mentioned cannot be used together.Do a Get-command ${name} to see the available parameter sets.`,
    );
  }
  const complete = candidates.filter((s) =>
    Object.entries(contract.parameters).every(([p, c]) => !c.sets[s]?.required || given.includes(p)),
  );
  const pool = complete.length > 0 ? complete : candidates;
  return pool.includes(contract.defaultParameterSet) ? contract.defaultParameterSet : pool[0];
}

/**
 * Parameters the contract marks mandatory although the page's examples call the cmdlet without them ("gets the
 * first 100 call queues", "retrieves all schedules", numbers assigned without -NetworkSiteId, which the
 * Assignment SYNTAX brackets): the examples win, as the module behaves that way.
 */
const LISTED_WITHOUT: Readonly<Record<string, readonly string[]>> = {
  "Get-CsCallQueue": ["NameFilter", "Sort"],
  "Get-CsOnlineSchedule": ["Id"],
  "Set-CsPhoneNumberAssignment": ["NetworkSiteId"],
};

/**
 * New-CsOnlineLisCivicAddress: -Latitude/-Longitude are "Required for all countries/regions except Australia and
 * Japan where it's optional" (the page's own words, kept in the contract's notes).
 */
function optionalByRule(cmdlet: string, parameter: string, given: Map<string, unknown>): boolean {
  if (LISTED_WITHOUT[cmdlet]?.includes(parameter)) return true;
  if (cmdlet !== "New-CsOnlineLisCivicAddress" || !["Latitude", "Longitude"].includes(parameter))
    return false;
  const country = given.get("CountryOrRegion");
  return typeof country === "string" && ["AU", "JP"].includes(country.toUpperCase());
}

/** How a policy setting the emulator stores as given is bound: from its documented type. */
function settingSpec(p: ContractParameter | undefined): ParamSpec | undefined {
  if (!p) return undefined;
  return { kind: kindOfType(p.type) };
}

function kindOfType(type: string): ParamSpec["kind"] {
  const t = type.replace(/^System\./, "").toLowerCase();
  if (t === "boolean") return "bool";
  if (["int16", "int32", "int64", "long", "uint32"].includes(t)) return "int";
  if (t.endsWith("switchparameter")) return "switch";
  if (t === "guid") return "guid";
  // The module's own model types (…OAA.Models.Prompt) are objects the builders made: JSON objects on the wire.
  if (t === "object" || t.startsWith("microsoft.")) return "any";
  return "string";
}

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** "Cannot bind parameter 'X'. Cannot convert value "v" to type "T". Error: "…"" (CannotConvertArgumentNoMessage). */
const cannotConvert = (name: string, value: unknown, type: string, why: string) =>
  bindingError(
    "CannotConvertArgumentNoMessage",
    `Cannot bind parameter '${name}'. Cannot convert value "${show(value)}" to type "${type}". Error: "${why}"`,
  );

/** Boolean parameters reject strings with ParameterArgumentTransformationError. */
const notBoolean = (name: string, value: unknown) =>
  bindingError(
    "ParameterArgumentTransformationError",
    `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${typeof value === "string" ? "System.String" : show(value)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
  );

const GUID = /^[{(]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[)}]?$/i;

function bindValue(name: string, contract: ContractParameter, p: ParamSpec, value: unknown): unknown {
  if (value === null) {
    if (p.nullable) return null;
    return bindingError(
      "ParameterArgumentValidationErrorNullNotAllowed",
      `Cannot bind argument to parameter '${name}' because it is null.`,
    );
  }
  const validated = validateSet(name, contract, value);
  if (validated) return validated;
  // The documented .NET type decides scalar binding; the emulator's table only adds wire conventions for lists.
  const kind = WIRE_KINDS.has(p.kind) ? p.kind : kindOfType(contract.type);
  const bound = bindKind(name, p, kind, value);
  if (isPsError(bound) || typeof bound !== "string") return bound;
  return documentedValue(name, contract, p, bound);
}

const WIRE_KINDS = new Set<ParamSpec["kind"]>(["list", "change", "semicolonList", "coordinate"]);

/**
 * A string parameter whose page lists its values (no ValidateSet): the service, not the binder, refuses other
 * values and values the page marks "not available for use"; stored in the listed casing.
 */
function documentedValue(
  name: string,
  contract: ContractParameter,
  p: ParamSpec,
  value: string,
): string | PsError {
  // "Maximum characters: 512" and the like, from the page's description (the contract's maxLength).
  if (contract.maxLength !== undefined && value.length > contract.maxLength) {
    return psError(
      "InvalidArgument",
      `The value of ${name} is ${value.length} characters long; at most ${contract.maxLength} are allowed.`,
    );
  }
  const listed = contract.values ?? (p.kind === "enum" ? p.values : undefined);
  if (!listed) return value;
  const hit = listed.find((v) => v.toLowerCase() === value.toLowerCase());
  if (!hit) {
    return psError(
      "InvalidArgument",
      `The value '${value}' is not valid for ${name}. Valid values: ${listed.join(", ")}.`,
    );
  }
  if (contract.unavailableValues?.includes(hit)) {
    return psError("InvalidArgument", `The value '${hit}' of ${name} is not available for use.`);
  }
  return hit;
}

function bindKind(name: string, p: ParamSpec, kind: ParamSpec["kind"], value: unknown): unknown {
  switch (kind) {
    case "string":
      if (typeof value === "string") return value;
      // PowerShell converts numbers and booleans to their text when binding a [string].
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      return cannotConvert(name, value, "System.String", "Specified method is not supported.");
    case "bool":
      if (typeof value === "boolean") return value;
      if (typeof value === "number") return value !== 0;
      return notBoolean(name, value);
    case "int": {
      const n = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n === "number" && Number.isInteger(n)) return n;
      return cannotConvert(
        name,
        value,
        "System.Int32",
        `The input string '${show(value)}' was not in a correct format.`,
      );
    }
    case "switch":
      if (typeof value !== "boolean") {
        return cannotConvert(
          name,
          value,
          "System.Management.Automation.SwitchParameter",
          `Invalid cast from '${typeof value}' to 'System.Management.Automation.SwitchParameter'.`,
        );
      }
      return value ? true : undefined;
    case "guid":
      if (typeof value === "string" && GUID.test(value)) return value;
      return cannotConvert(
        name,
        value,
        "System.Guid",
        "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
      );
    case "any":
      return value;
    case "enum":
      return typeof value === "string"
        ? value
        : cannotConvert(name, value, "System.String", "Specified method is not supported.");
    case "coordinate":
      return typeof value === "string" || typeof value === "number"
        ? String(value)
        : cannotConvert(name, value, "System.String", "Specified method is not supported.");
    case "semicolonList": {
      const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : undefined;
      if (!list || list.some((v) => typeof v !== "string"))
        return cannotConvert(name, value, "System.String", "Specified method is not supported.");
      return (list as string[]).join(";");
    }
    case "list":
      return listOf(name, p, value);
    case "change":
      return changeOf(name, p, value);
  }
}

/** "Cannot validate argument on parameter 'X'. The argument "v" does not belong to the set "A,B"…" */
const notInSet = (name: string, value: unknown, values: readonly string[]) =>
  bindingError(
    "ParameterArgumentValidationError",
    `Cannot validate argument on parameter '${name}'. The argument "${String(value)}" does not belong to the set "${values.join(",")}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
  );

/** A ValidateSet (the page's `Accepted values:`) is enforced by the binder, case-insensitively. */
function validateSet(name: string, contract: ContractParameter, value: unknown): PsError | undefined {
  if (contract.valuesFrom !== "validateSet" || !contract.values) return undefined;
  if (typeof value === "string" && contract.values.some((v) => v.toLowerCase() === value.toLowerCase()))
    return undefined;
  return notInSet(name, value, contract.values);
}

function listOf(name: string, p: ParamSpec, value: unknown): unknown[] | PsError {
  const list = Array.isArray(value) ? value : [value];
  const ok = (v: unknown) =>
    p.items === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : typeof v === "string";
  if (!list.every(ok))
    return cannotConvert(
      name,
      value,
      p.items === "object" ? "System.Object[]" : "System.String[]",
      "Specified method is not supported.",
    );
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
