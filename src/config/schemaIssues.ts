import { z } from "zod";
import type { Diagnostic, FieldPath } from "./diagnostics";
import { formatPath } from "./diagnostics";
import type { Position } from "./yamlSource";

/** Where a schema issue is anchored: the file and a way to find a field's line. */
export interface Locator {
  file: string;
  locate(path: FieldPath, key?: boolean): Position;
}

/** Turns zod's issues for one file into diagnostics that say what is wrong and how to fix it. */
export function schemaDiagnostics(
  locator: Locator,
  schema: z.ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  basePath: FieldPath = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...(issue.path as (string | number)[])];
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, issue.path as (string | number)[]);
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const near = closest(key, known);
        const hint = near
          ? `did you mean '${near}'?`
          : `allowed here: ${known.length > 0 ? known.join(", ") : "none"}`;
        out.push(
          at(locator, keyPath, true, `unknown field '${key}' — remove it or correct the spelling (${hint})`),
        );
      }
      continue;
    }
    const value = valueAt(data, issue.path as (string | number)[]);
    out.push(at(locator, path, false, issueMessage(issue, value)));
  }
  return out;
}

function at(locator: Locator, path: FieldPath, key: boolean, message: string): Diagnostic {
  const p = locator.locate(path, key);
  return { file: locator.file, line: p.line, column: p.column, path: formatPath(path), message };
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const field = String(issue.path[issue.path.length - 1] ?? "value");
  switch (issue.code) {
    case "invalid_type": {
      const expected = yamlWord(issue.expected);
      if (value === undefined) {
        return `required field is missing — add '${field}' (${article(expected)} ${expected})`;
      }
      return `expected ${article(expected)} ${expected}, found ${describe(value)} — write ${article(expected)} ${expected} here`;
    }
    case "invalid_value":
      return `${show(value)} is not allowed — use one of: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_format":
    case "custom":
      return `${show(value)} ${issue.message} — correct the value`;
    case "too_small":
      if (issue.origin === "array") {
        return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"} — add ${issue.minimum === 1 ? "one" : "more"}`;
      }
      if (issue.origin === "string") {
        // A minimum above 1 (an approval's reason) is not met by a short value either: say the minimum.
        if (Number(issue.minimum) <= 1) return `must not be empty — write a value`;
        return `${show(value)} is shorter than ${String(issue.minimum)} characters — write at least ${String(issue.minimum)} characters`;
      }
      return `${show(value)} is too small: it must be ${issue.inclusive ? "at least" : "more than"} ${String(issue.minimum)} — raise it`;
    case "too_big":
      if (issue.origin === "array") {
        const custom = issue.message.startsWith("has ")
          ? issue.message
          : `has more than ${String(issue.maximum)} entries`;
        return `${custom} — remove entries`;
      }
      if (issue.origin === "string") return `is longer than ${String(issue.maximum)} characters — shorten it`;
      return `${show(value)} is too large: it must be at most ${String(issue.maximum)} — lower it`;
    case "invalid_union":
      if (value === undefined) return `required field is missing — add '${field}'`;
      return `does not match any accepted form — write either ${unionForms(issue)}`;
    default:
      return `${issue.message} — correct the value`;
  }
}

function unionForms(issue: z.core.$ZodIssueInvalidUnion): string {
  // Each alternative failed; name the keys each one expects so the fix is concrete.
  const forms = issue.errors.map((errs) => {
    const missing = errs
      .filter((e) => e.code === "invalid_type" && e.path.length > 0)
      .map((e) => String(e.path[e.path.length - 1]));
    return missing.length > 0 ? `{ ${missing.join(", ")} }` : "another form";
  });
  return forms.join(" or ");
}

/** zod's type names in the words a YAML author knows (and that `describe` uses for what was found). */
const yamlWord = (type: string) => ({ object: "mapping", array: "list", int: "whole number" })[type] ?? type;

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");

function describe(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${show(value)}`;
}

function show(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = data;
  for (const part of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

/** The keys an object schema accepts at `path`, for "did you mean" hints. */
export function knownKeysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let cur: z.core.$ZodType = schema;
  const unwrap = (s: z.core.$ZodType): z.core.$ZodType => {
    let t = s;
    for (;;) {
      const def = t._zod.def as { type: string; innerType?: z.core.$ZodType };
      if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType) {
        t = def.innerType;
      } else return t;
    }
  };
  for (const part of path) {
    cur = unwrap(cur);
    const def = cur._zod.def as {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      element?: z.core.$ZodType;
    };
    if (def.type === "object" && def.shape && typeof part === "string" && def.shape[part])
      cur = def.shape[part];
    else if (def.type === "array" && def.element && typeof part === "number") cur = def.element;
    else return [];
  }
  cur = unwrap(cur);
  const def = cur._zod.def as { type: string; shape?: Record<string, unknown>; options?: z.core.$ZodType[] };
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.type === "union" && def.options) return def.options.flatMap((o) => knownKeysAt(o as z.ZodType, []));
  return [];
}

/** The known key closest to a typo, when it is close enough to be the one meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
