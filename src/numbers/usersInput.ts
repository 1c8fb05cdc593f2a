import { parse } from "csv-parse/sync";
import { UPN_LOCAL } from "../config/rules/assignments";
import { ASSIGNMENT_CATEGORIES, type NumberAssignment } from "../config/schema/numbers";

/** One user asked for in `--users`: where it was written, and what the line said beyond the name. */
export interface UserRequest {
  userPrincipalName: string;
  line: number;
  emergencyLocation?: string;
  category?: NumberAssignment["category"];
}

/** A bad line of the input, as printed: `file:line: message`. */
export interface InputProblem {
  line: number;
  message: string;
}

export const INPUT_COLUMNS = ["userPrincipalName", "emergencyLocation", "category"] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why `upn` cannot be a user principal name, or undefined when it can. */
export function upnProblem(upn: string): string | undefined {
  if (!EMAIL.test(upn)) {
    return `'${upn}' is not a user principal name — write one such as ana@city.example (one per line, or a CSV with a userPrincipalName column)`;
  }
  if (!UPN_LOCAL.test(upn.slice(0, upn.lastIndexOf("@")))) {
    return `'${upn}' is not a well-formed user principal name — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'`;
  }
  return undefined;
}

/**
 * Reads the `--users` input: either one user principal name per line (blank lines and `#` comments skipped),
 * or a CSV whose header names `userPrincipalName` and optionally `emergencyLocation` and `category`.
 * Every bad line is reported; `users` holds only the good ones.
 */
export function parseUsersInput(text: string): { users: UserRequest[]; problems: InputProblem[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  if (first >= 0 && /(^|,)\s*"?userPrincipalName"?\s*(,|$)/i.test(lines[first])) {
    return parseCsvInput(lines, first);
  }
  const users: UserRequest[] = [];
  const problems: InputProblem[] = [];
  lines.forEach((raw, i) => {
    const value = raw.trim();
    if (value === "" || value.startsWith("#")) return;
    const problem = value.includes(",")
      ? `'${value}' has commas but the input has no header — start a CSV with the line: ${INPUT_COLUMNS.join(",")}`
      : upnProblem(value);
    if (problem) problems.push({ line: i + 1, message: problem });
    else users.push({ userPrincipalName: value, line: i + 1 });
  });
  return { users, problems };
}

function parseCsvInput(
  lines: string[],
  headerIndex: number,
): { users: UserRequest[]; problems: InputProblem[] } {
  const users: UserRequest[] = [];
  const problems: InputProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(lines.slice(headerIndex).join("\n"), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      comment: "#",
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message: string; lines?: number };
    return {
      users,
      problems: [{ line: headerIndex + (e.lines ?? 1), message: `the CSV cannot be read: ${e.message}` }],
    };
  }
  const lineOf = (n: number) => headerIndex + n;
  const [header, ...body] = records;
  const names = header.record;
  for (const name of names) {
    if (!(INPUT_COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        line: lineOf(header.info.lines),
        message: `unknown column '${name}' — the columns are userPrincipalName (required), emergencyLocation and category`,
      });
    }
  }
  if (problems.length > 0) return { users, problems };
  for (const { record, info } of body) {
    const line = lineOf(info.lines);
    if (record.length !== names.length) {
      problems.push({
        line,
        message: `has ${record.length} field(s), the header has ${names.length} — write one value per column`,
      });
      continue;
    }
    const get = (name: string) => {
      const v = record[names.indexOf(name)];
      return v === undefined || v === "" ? undefined : v;
    };
    const upn = get("userPrincipalName") ?? "";
    const category = get("category");
    const problem =
      upnProblem(upn) ??
      (category !== undefined && !(ASSIGNMENT_CATEGORIES as readonly string[]).includes(category)
        ? `category '${category}' is not one of ${ASSIGNMENT_CATEGORIES.join(", ")} — leave it empty for primary`
        : undefined);
    if (problem) {
      problems.push({ line, message: problem });
      continue;
    }
    users.push({
      userPrincipalName: upn,
      line,
      emergencyLocation: get("emergencyLocation"),
      category: category as UserRequest["category"],
    });
  }
  return { users, problems };
}
