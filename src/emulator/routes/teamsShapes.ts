import type { TeamsAreaDoc, TeamsOperationRecord } from "../state/teams";
import { findNumber, numberAssignmentId, type InventoryEntry } from "../state/teamsInventory";
import type { EffectivePolicy } from "../state/teamsPolicies";
import type { TeamsNumberRecord } from "../state/teams";
import type { UserRecord } from "../state/types";

/**
 * Graph JSON of the Teams admin entities, true to graph-v1-subset.json (`microsoft.graph.teamsAdministration.*`:
 * names, enum casing, nullability). Records carry more (ranges, injected failures) than Graph shows.
 */

export const TEAMS_NUMBERS_BASE = "/v1.0/admin/teams/telephoneNumberManagement";

export function numberAssignmentShape(e: InventoryEntry): Record<string, unknown> {
  const r = e.record;
  const assigned = r.assignmentStatus === "userAssigned";
  return {
    id: numberAssignmentId(e.range, r.telephoneNumber),
    telephoneNumber: r.telephoneNumber,
    operatorId: e.range.operatorId,
    numberType: e.range.numberType,
    // Pending for one processing period after an assignment or location update (teamsOperations.ts).
    activationState: r.activationState ?? "activated",
    assignmentStatus: r.assignmentStatus,
    assignmentTargetId: r.assignmentTargetId,
    assignmentCategory: assigned ? r.assignmentCategory : null,
    capabilities: ["userAssignment"],
    city: null,
    civicAddressId: r.civicAddressId,
    isoCountryCode: e.range.isoCountryCode,
    locationId: r.locationId,
    networkSiteId: r.networkSiteId,
    numberSource: "online",
    portInStatus: "completed",
    reverseNumberLookupOptions: [...r.reverseNumberLookupOptions],
    supportedCustomerActions:
      e.range.numberType === "callingPlan" ? ["locationUpdate", "release"] : ["locationUpdate"],
  };
}

export function operationShape(
  origin: string,
  area: TeamsAreaDoc,
  op: TeamsOperationRecord,
): Record<string, unknown> {
  return {
    "@odata.context": `${origin}/v1.0/$metadata#admin/teams/telephoneNumberManagement/operations/$entity`,
    "@odata.type": "#microsoft.graph.teamsAdministration.telephoneNumberLongRunningOperation",
    id: op.id,
    createdDateTime: op.createdDateTime,
    status: op.status,
    numbers: op.numbers.map((n) => {
      const entry = findNumber(area, n.telephoneNumber);
      return {
        resourceLocation: entry
          ? `${origin}${TEAMS_NUMBERS_BASE}/numberAssignments/${numberAssignmentId(entry.range, n.telephoneNumber)}`
          : null,
        status: n.status,
        statusDetail: n.statusDetail,
      };
    }),
  };
}

export interface UserConfigurationFacts {
  user: UserRecord;
  tenantId: string;
  numbers: TeamsNumberRecord[];
  policies: EffectivePolicy[];
  enterpriseVoice: boolean;
  featureTypes: string[];
  modified: string | undefined;
}

export function userConfigurationShape(f: UserConfigurationFacts): Record<string, unknown> {
  return {
    id: f.user.id,
    userPrincipalName: f.user.userPrincipalName,
    tenantId: f.tenantId,
    accountType: f.user.userType === "Guest" ? "guest" : "user",
    isEnterpriseVoiceEnabled: f.enterpriseVoice,
    featureTypes: f.featureTypes,
    telephoneNumbers: f.numbers.map((n) => ({
      telephoneNumber: n.telephoneNumber,
      assignmentCategory: n.assignmentCategory ?? "primary",
    })),
    effectivePolicyAssignments: f.policies.map((p) => ({
      policyType: p.policyType,
      policyAssignment: {
        displayName: p.displayName,
        assignmentType: p.assignmentType,
        policyId: p.policyId,
        groupId: p.groupId,
      },
    })),
    createdDateTime: f.user.createdDateTime,
    modifiedDateTime: f.modified ?? f.user.createdDateTime,
  };
}
