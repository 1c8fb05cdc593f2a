/**
 * The tenant definition's `teamsVoice` catalogue and `emergencyAddresses` as resource inputs (the contract of
 * src/resourceTypes.ts). Pure: the mock-runtime tests and the policy pack see exactly these values.
 */
import type { Tenant } from "../config/schema/tenant";
import type {
  CallingPolicyInputs,
  DialPlanInputs,
  EmergencyAddressInputs,
  EmergencyCallingPolicyInputs,
  EmergencyCallRoutingPolicyInputs,
  PstnUsagesInputs,
  VoiceRouteInputs,
  VoiceRoutingPolicyInputs,
} from "../resourceTypes";

export interface TeamsVoiceInputs {
  pstnUsages: PstnUsagesInputs;
  voiceRoutes: VoiceRouteInputs[];
  callingPolicies: CallingPolicyInputs[];
  emergencyCallingPolicies: EmergencyCallingPolicyInputs[];
  emergencyCallRoutingPolicies: EmergencyCallRoutingPolicyInputs[];
  voiceRoutingPolicies: VoiceRoutingPolicyInputs[];
  dialPlans: DialPlanInputs[];
  emergencyAddresses: EmergencyAddressInputs[];
}

/** Drops keys whose value is undefined, so state and the plan show only what the definition sets. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function teamsVoiceInputs(tenant: Tenant): TeamsVoiceInputs {
  const tv = tenant.teamsVoice;
  return {
    pstnUsages: { usages: [...tv.pstnUsages] },
    voiceRoutes: tv.voiceRoutes.map((r) =>
      compact({
        name: r.name,
        description: r.description,
        numberPattern: r.numberPattern,
        gateways: [...r.gateways],
        pstnUsages: [...r.pstnUsages],
        priority: r.priority,
      }),
    ),
    // Policies carry every setting their schema has (a new setting needs no change here); only lists Teams keeps
    // in another shape are rebuilt.
    callingPolicies: tv.callingPolicies.map((p) => compact({ ...p }) as CallingPolicyInputs),
    emergencyCallingPolicies: tv.emergencyCallingPolicies.map((p) =>
      compact({
        ...p,
        notificationGroup: p.notificationGroup.length > 0 ? [...p.notificationGroup] : undefined,
      }),
    ),
    emergencyCallRoutingPolicies: tv.emergencyCallRoutingPolicies.map((p) =>
      compact({
        ...p,
        emergencyNumbers: p.emergencyNumbers.map((n) => ({
          emergencyDialString: n.emergencyDialString,
          emergencyDialMask: [...n.emergencyDialMask],
          onlinePstnUsage: n.onlinePstnUsage,
        })),
      }),
    ),
    voiceRoutingPolicies: tv.voiceRoutingPolicies.map((p) =>
      compact({ ...p, pstnUsages: [...p.pstnUsages] }),
    ),
    dialPlans: tv.dialPlans.map((d) =>
      compact({
        ...d,
        normalizationRules: d.normalizationRules.map((r) =>
          compact({
            name: r.name,
            description: r.description,
            pattern: r.pattern,
            translation: r.translation,
            isInternalExtension: r.isInternalExtension,
          }),
        ),
      }),
    ),
    emergencyAddresses: tenant.emergencyAddresses.map((a) =>
      compact({
        key: a.id,
        description: a.description,
        companyName: a.companyName,
        houseNumber: a.houseNumber,
        streetName: a.streetName,
        city: a.city,
        stateOrProvince: a.stateOrProvince,
        postalCode: a.postalCode,
        countryOrRegion: a.countryOrRegion,
        latitude: a.latitude,
        longitude: a.longitude,
        locations: a.locations.map((l) => compact({ id: l.id, name: l.name, elin: l.elin })),
      }),
    ),
  };
}
