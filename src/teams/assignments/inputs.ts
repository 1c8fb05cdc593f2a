/**
 * `check` for GroupPolicyAssignments: the limits of group policy assignment (graph-teams-licensing.md §3.5)
 * caught at preview — the five managed types only, one assignment per type, and never emergency call
 * routing, which Teams cannot grant to groups (the definition grants it tenant-wide instead).
 */
import { TEAMS_POLICY_TYPES } from "../admin/port";
import type { GroupPolicyAssignmentsInputs } from "../../resourceTypes";
import type { CheckFailure } from "../provider/settingsProvider";

/** The engine's marker for a value only known after deployment (the group id during a first preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkAssignments(i: GroupPolicyAssignmentsInputs): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  if (typeof i.department !== "string" || i.department === "")
    fail("department", "must be the department id");
  if (i.groupId !== UNKNOWN_VALUE && !(typeof i.groupId === "string" && GUID.test(i.groupId)))
    fail("groupId", `must be the department group's object id (a GUID), got ${JSON.stringify(i.groupId)}`);
  const seen = new Set<string>();
  for (const [n, a] of (i.assignments ?? []).entries()) {
    const at = `assignments[${n}]`;
    if (!(TEAMS_POLICY_TYPES as readonly string[]).includes(a.policyType))
      fail(`${at}.policyType`, `must be one of ${TEAMS_POLICY_TYPES.join(", ")}`);
    if (a.policyType === "TeamsEmergencyCallRoutingPolicy")
      fail(
        `${at}.policyType`,
        "Teams cannot assign emergency call routing policies to groups; use teamsVoice.globalEmergencyCallRoutingPolicy",
      );
    if (seen.has(a.policyType)) fail(`${at}.policyType`, `${a.policyType} is assigned twice`);
    seen.add(a.policyType);
    if (typeof a.policyName !== "string" || a.policyName === "")
      fail(`${at}.policyName`, "must be a policy name");
    if (!Number.isInteger(a.rank) || a.rank < 1) fail(`${at}.rank`, "must be a whole number >= 1");
  }
  return failures;
}
