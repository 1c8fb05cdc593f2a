import { RESOURCE_TYPES, type GroupPolicyAssignmentsInputs } from "../../../../src/resourceTypes";
import { definePolicy, validateStackWithToken } from "../../../lib/define";
import { ofType } from "../../../lib/resources";
import { numberAssignments } from "../../../lib/teams";

/** The MicrosoftTeams policy type whose grant decides who is notified and how an emergency call is handled. */
export const EMERGENCY_CALLING_POLICY_TYPE = "TeamsEmergencyCallingPolicy";

/**
 * Every department with phone numbers has a Teams emergency calling policy assigned to its group.
 */
export const voiceDepartmentEmergencyPolicy = definePolicy(
  {
    id: "teams-voice-department-emergency-calling-policy",
    vendor: "teams",
    service: "voice",
    kind: "stack",
    severity: "critical",
    enforcementLevel: "mandatory",
    description:
      "Every department with phone numbers has a Teams emergency calling policy assigned to its group.",
    rationale:
      "The emergency calling policy notifies the building's security desk when someone dials 112; without it " +
      "the tenant's global default applies, which notifies nobody.",
    remediation: "Set teams.emergencyCallingPolicy in the department's YAML to a policy from tenant.yaml.",
    topics: ["telephony", "emergency"],
  },
  {
    // Why a stack policy: the numbers and the policy grants are different resources of the same department.
    validateStack: validateStackWithToken(RESOURCE_TYPES.numberAssignments, (args, reportViolation) => {
      const covered = new Set<string>();
      for (const r of ofType(args.resources, RESOURCE_TYPES.groupPolicyAssignments)) {
        const inputs = r.props as GroupPolicyAssignmentsInputs;
        const grants = inputs.assignments ?? [];
        if (grants.some((g) => g.policyType === EMERGENCY_CALLING_POLICY_TYPE && g.policyName)) {
          covered.add(inputs.department);
        }
      }
      for (const { resource, inputs } of numberAssignments(args.resources)) {
        const count = (inputs.assignments ?? []).length;
        if (count > 0 && !covered.has(inputs.department)) {
          reportViolation(
            `Department '${inputs.department}' assigns ${count} number${count === 1 ? "" : "s"} but its group has no ${EMERGENCY_CALLING_POLICY_TYPE}.`,
            resource.urn,
          );
        }
      }
    }),
  },
);
