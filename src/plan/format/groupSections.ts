import type { DepartmentSummary } from "../model";

/**
 * Departments that change alike read as one section: one department's rank change can shift the grants of fifty
 * others in exactly the same way, and fifty identical sections hide the one that differs. Text and markdown group
 * them; the JSON plan keeps one entry per department.
 */

/** Stands for each department's id in a section merged from several (resource names hold the id). */
export const EACH_DEPARTMENT = "{department}";

/** A section as the formatters show it: `departments` names every department it stands for, each once. */
export interface MergedSection extends DepartmentSummary {
  departments: readonly string[];
}

/** Fields holding the plan's own vocabulary (`changed`, `update`…), never a department's id. */
const VOCABULARY_KEYS = new Set(["status", "op", "kind", "layer"]);

/**
 * The section with the department's id replaced by {@link EACH_DEPARTMENT} as a whole word (`tv-grants-usera`,
 * not the `usera` inside another word) in every string, as JSON.
 */
function anonymisedJson(s: DepartmentSummary): string {
  const id = s.department;
  const word =
    id === undefined
      ? undefined
      : new RegExp(`(?<![A-Za-z0-9])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9])`, "g");
  return JSON.stringify({ ...s, department: undefined }, (key, value: unknown) =>
    word && typeof value === "string" && !VOCABULARY_KEYS.has(key)
      ? value.replace(word, EACH_DEPARTMENT)
      : value,
  );
}

/**
 * Sections whose whole summary is identical once each one's department id is anonymised, in groups, in the
 * order each group first appears. The tenant-wide section is always alone.
 */
export function groupIdenticalSections(sections: readonly DepartmentSummary[]): DepartmentSummary[][] {
  const groups = new Map<string, DepartmentSummary[]>();
  sections.forEach((s, i) => {
    const key = s.department === undefined ? `tenant-wide ${i}` : anonymisedJson(s);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  });
  return [...groups.values()];
}

/**
 * One section for a group: a lone section as it is; several as the anonymised summary, its department
 * {@link EACH_DEPARTMENT}, naming every department once.
 */
export function mergedSection(group: readonly DepartmentSummary[]): MergedSection {
  const [first] = group;
  if (!first) throw new Error("mergedSection: an empty group");
  const departments = [...new Set(group.flatMap((s) => (s.department === undefined ? [] : [s.department])))];
  if (group.length === 1) return { ...first, departments };
  const anonymised = JSON.parse(anonymisedJson(first)) as DepartmentSummary;
  return { ...anonymised, department: EACH_DEPARTMENT, departments };
}

/** True when a merged section's wording uses {@link EACH_DEPARTMENT}, so the title must say what it means. */
export function mentionsEachDepartment(s: MergedSection): boolean {
  return (
    s.departments.length > 1 && JSON.stringify({ ...s, department: undefined }).includes(EACH_DEPARTMENT)
  );
}
