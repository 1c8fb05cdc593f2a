import { RESOURCE_TYPES, type NumberAssignmentsInputs } from "../../../../src/resourceTypes";
import { numberEntriesOf } from "../../../../src/teams/numbers/stateCodec";
import { definePolicy, validateResourceOfToken } from "../../../lib/define";

/**
 * Every assigned phone number has an emergency location.
 */
export const emergencyLocation = definePolicy(
  {
    id: "teams-voice-numberassignments-emergency-location",
    vendor: "teams",
    service: "voice",
    kind: "resource",
    severity: "critical",
    enforcementLevel: "mandatory",
    description: "Every assigned phone number has an emergency location.",
    rationale:
      "An emergency call from a number without a location reaches 112 without a civic address, so the " +
      "dispatcher may send help to the wrong building.",
    remediation: "Fill the emergencyLocation column of the number's row with a location id from tenant.yaml.",
    topics: ["telephony", "emergency"],
  },
  {
    validateResource: validateResourceOfToken<NumberAssignmentsInputs>(
      RESOURCE_TYPES.numberAssignments,
      (props, _args, reportViolation) => {
        const missing = numberEntriesOf(props as unknown as Record<string, unknown>).filter(
          (a) => typeof a.emergencyLocation !== "string" || a.emergencyLocation.trim() === "",
        );
        for (const a of missing) {
          reportViolation(`Number ${a.number} of ${a.userPrincipalName} has no emergency location.`);
        }
      },
    ),
  },
);
