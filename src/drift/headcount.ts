import type { Department } from "../config/schema/department";
import type { LiveGroup } from "../live/snapshot";
import type { DriftEntry } from "./types";

/**
 * `headcount` is a declaration: validate and the plan count seats from it, because the definition cannot know
 * who a rule matches. Here it meets reality: a department group with more members than its headcount takes
 * seats (and Teams policies) that no review counted, whether the rule grew or people were reorganised.
 * Fewer members is ordinary turnover and not reported.
 */
export function compareHeadcount(department: Department, group: LiveGroup): DriftEntry[] {
  const members = group.memberCount;
  if (members === undefined || members <= department.headcount) return [];
  return [
    {
      area: "groups",
      kind: "members-exceed-headcount",
      department: department.id,
      subject: group.displayName,
      expected: `at most ${department.headcount} members (declared headcount)`,
      actual: `${members} members`,
      message:
        `group ${group.displayName} has ${members} members but the department declares a headcount of ` +
        `${department.headcount}: ${members - department.headcount} more take seats the plan did not count — ` +
        "check the membership rule, or raise headcount if the department grew",
    },
  ];
}
