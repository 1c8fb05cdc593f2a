import { definePolicy } from "../../../lib/define";
import { PREVIOUS_CONFIG_SCHEMA, previousOrNotApplicable } from "../../../lib/previous";
import { intentionalRemovals, numberAssignments } from "../../../lib/teams";

/** Numbers named in one message; the rest are counted. */
const MAX_LISTED = 10;

/**
 * A phone number stops being assigned only when its department's definition marks the removal as intentional.
 */
export const noUnmarkedNumberRemoval = definePolicy(
  {
    id: "teams-voice-numberassignments-no-unmarked-removal",
    vendor: "teams",
    service: "voice",
    kind: "stack",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
      "A phone number stops being assigned only when its department's definition marks the removal as intentional.",
    rationale:
      "A removed number stops ringing at once and, for calling-plan numbers, may be released back to the " +
      "operator; a line the public calls (a service desk, a school) must not disappear because a CSV row was lost.",
    remediation:
      "If the removal is wanted, list the number in the department's intentionalRemovals.numbers (tenant numbers " +
      "release does it); otherwise restore its row. To close a department, retire it first (lifecycle: retiring).",
    topics: ["telephony", "change-safety"],
  },
  {
    configSchema: PREVIOUS_CONFIG_SCHEMA,
    // A number that moves to another user or department is still assigned: only numbers that leave the
    // tenant's assignments altogether count as removed, and the marker is read from the department that had it.
    validateStack: (args, reportViolation) => {
      const previous = previousOrNotApplicable(args);
      const current = numberAssignments(args.resources);
      const assigned = new Set(current.flatMap((n) => (n.inputs.assignments ?? []).map((a) => a.number)));
      const urnOf = new Map(current.map((n) => [n.inputs.department, n.resource.urn]));
      const marked = intentionalRemovals(args.resources);
      for (const [department, numbers] of Object.entries(previous.numbers)) {
        const allowed = new Set(marked.get(department)?.numbers ?? []);
        const removed = numbers.filter((n) => !assigned.has(n) && !allowed.has(n));
        if (removed.length === 0) continue;
        // One violation per department, not per number: a lost CSV can drop hundreds of rows at once.
        const shown = removed.slice(0, MAX_LISTED).join(", ");
        const more = removed.length > MAX_LISTED ? ` and ${removed.length - MAX_LISTED} more` : "";
        reportViolation(
          `Department '${department}' would stop assigning ${removed.length} number${removed.length === 1 ? "" : "s"} (${shown}${more}); list them in intentionalRemovals.numbers to remove them on purpose.`,
          urnOf.get(department),
        );
      }
    },
  },
);
