import type { NumberAssignment } from "../config/schema/numbers";
import type { InputProblem, UserRequest } from "./usersInput";

/** A row of the department's numbers file that the release takes out. */
export interface ReleasedRow {
  userPrincipalName: string;
  number: string;
  category: NumberAssignment["category"];
  /** Line in the department's numbers file. */
  line: number;
}

export interface ReleasePlan {
  released: ReleasedRow[];
  problems: InputProblem[];
}

/**
 * Which rows of a department's numbers file a release removes: every number of every listed user
 * (all categories). A user with no row in the file is a problem at its input line; a user listed twice is
 * released once.
 */
export function planRelease(
  rows: readonly { line: number; value: NumberAssignment }[],
  users: readonly UserRequest[],
  fileName: string,
): ReleasePlan {
  const byUser = new Map<string, { line: number; value: NumberAssignment }[]>();
  for (const row of rows) {
    const key = row.value.userPrincipalName.toLowerCase();
    byUser.set(key, [...(byUser.get(key) ?? []), row]);
  }
  const released: ReleasedRow[] = [];
  const problems: InputProblem[] = [];
  const done = new Set<string>();
  for (const user of users) {
    const key = user.userPrincipalName.toLowerCase();
    if (done.has(key)) continue;
    done.add(key);
    const own = byUser.get(key);
    if (!own) {
      problems.push({
        line: user.line,
        message: `${user.userPrincipalName} has no number in ${fileName} — check the name, or release it from the department whose file lists it`,
      });
      continue;
    }
    for (const row of own) {
      released.push({
        userPrincipalName: row.value.userPrincipalName,
        number: row.value.number,
        category: row.value.category,
        line: row.line,
      });
    }
  }
  return { released, problems };
}
