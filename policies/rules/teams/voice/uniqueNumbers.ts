import { RESOURCE_TYPES } from "../../../../src/resourceTypes";
import { definePolicy, validateStackWithToken } from "../../../lib/define";
import { numberAssignments } from "../../../lib/teams";

/**
 * No phone number is assigned twice, within a department or across departments.
 */
export const uniqueNumbers = definePolicy(
  {
    id: "teams-voice-numberassignments-unique-numbers",
    vendor: "teams",
    service: "voice",
    kind: "stack",
    severity: "critical",
    enforcementLevel: "mandatory",
    description: "No phone number is assigned twice, within a department or across departments.",
    rationale:
      "Teams gives a number to one user; the second assignment either fails mid-deployment or takes the line " +
      "from the first user, whose callers and emergency call-backs then reach someone else.",
    remediation: "Keep the number in one department's numbers CSV only, on one row.",
    topics: ["telephony", "numbers"],
  },
  {
    // Why a stack policy: each department's numbers are one resource, so a clash across departments is only
    // visible with all of them.
    validateStack: validateStackWithToken(RESOURCE_TYPES.numberAssignments, (args, reportViolation) => {
      const holders = new Map<string, { department: string; user: string; urn: string }[]>();
      for (const { resource, inputs } of numberAssignments(args.resources)) {
        for (const a of inputs.assignments ?? []) {
          const list = holders.get(a.number) ?? [];
          list.push({ department: inputs.department, user: a.userPrincipalName, urn: resource.urn });
          holders.set(a.number, list);
        }
      }
      for (const [number, list] of holders) {
        if (list.length < 2) continue;
        const who = list.map((h) => `${h.user} in '${h.department}'`).join(", ");
        reportViolation(`Number ${number} is assigned ${list.length} times: ${who}.`, list[1].urn);
      }
    }),
  },
);
