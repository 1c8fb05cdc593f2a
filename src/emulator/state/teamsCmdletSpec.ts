/**
 * The types of the emulator's cmdlet table (teamsCmdlets.ts, teamsPhoneCmdlets.ts), in their own file so the
 * per-area tables can share them without importing each other.
 */

export type ParamKind =
  | "string"
  | "bool"
  | "int"
  | "switch"
  /** A string from `values`, matched case-insensitively, stored in the listed casing. */
  | "enum"
  /** String or number, stored as a string (Latitude/Longitude are strings in the LIS cmdlets). */
  | "coordinate"
  /** `a@x;b@x` or an array of addresses, stored as the `;`-joined string Teams keeps. */
  | "semicolonList"
  | "list"
  | "change"
  /** A Guid (the contract's `Guid` type). */
  | "guid"
  /** `Object`: anything JSON carries. */
  | "any";

export interface ParamSpec {
  kind: ParamKind;
  /** `enum` members. */
  values?: readonly string[];
  /** `list`/`change`: items are objects (rules, emergency numbers) rather than strings. */
  items?: "string" | "object";
  /** `$null` is accepted (e.g. `-PolicyName $null` resets a grant). */
  nullable?: boolean;
  /** What Get shows for a setting never set (policies only). */
  default?: unknown;
}

export interface CmdletSpec {
  params: Readonly<Record<string, ParamSpec>>;
  output: "list" | "object" | "none";
  /** Policy New/Set: every documented setting is stored as given (Get shows it back). */
  anySetting?: boolean;
}

/** Shorthands the per-area cmdlet tables write their parameters with. */
export const str: ParamSpec = { kind: "string" };
export const int: ParamSpec = { kind: "int" };
export const bool: ParamSpec = { kind: "bool" };
export const sw: ParamSpec = { kind: "switch" };
export const guid: ParamSpec = { kind: "guid" };
export const any: ParamSpec = { kind: "any" };
export const strings: ParamSpec = { kind: "list", items: "string" };
export const objects: ParamSpec = { kind: "list", items: "object" };
/** A member of `values` (a ValidateSet, or the values a page's description lists), with Get's default if any. */
export const oneOf = (values: readonly string[], def?: string): ParamSpec =>
  def === undefined ? { kind: "enum", values } : { kind: "enum", values, default: def };
export const boolDefault = (d: boolean): ParamSpec => ({ kind: "bool", default: d });
