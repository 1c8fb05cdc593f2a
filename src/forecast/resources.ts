/**
 * The resources of the m365 and teamsVoice layers whose providers are the toolkit's own, with the inputs the
 * layers give them, built by the layers' own pure functions (never restated here). Ids that come from other
 * resources at `up` (group ids from the identity layer, LIS location ids from the addresses, schedule ids
 * from the calendars) are supplied by the caller, which gets them from the emulator the forecast runs on.
 *
 * Listed in the order the layers' dependencies make `pulumi up` run them: Teams settings before the grants
 * that name them, grants in rank order, numbers after their department's grants and licences, phone services
 * after the numbers and calendars.
 */
import type { TenantDefinition } from "../config/definition";
import { desiredLicences } from "../m365/licensing/desired";
import { departmentGrants, globalGrantSettings, placedGrants, rankLevels } from "../teams/layer";
import { teamsVoiceInputs } from "../teams/layerInputs";
import { departmentNumberArgs, locationIdsUsed } from "../teams/layerNumbers";
import { phoneSchedulesOf, phoneServicesOf } from "../teams/phoneServices/fromDefinition";
import type { TeamsResourceKind } from "../teams/provider/dispatcher";

/* eslint-disable @typescript-eslint/no-explicit-any -- provider inputs are plain JSON */
export type Props = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Which provider runs a resource: GroupLicenses, NumberAssignments, or the one Teams dispatcher. */
export type ForecastProvider = "licences" | "numbers" | "teams";

export interface ForecastResource {
  department: string | null;
  kind: "GroupLicenses" | "NumberAssignments" | TeamsResourceKind;
  key: string;
  provider: ForecastProvider;
  inputs: Props;
}

export interface DepartmentIds {
  /** The department's Entra group id; undefined when the tenant has none (its resources are skipped). */
  groupIdOf(department: string): string | undefined;
  /** Definition location id → Teams LIS location id (the addresses' outputs). */
  locationIds: Readonly<Record<string, string>>;
  /** Calendar or schedule name → Teams schedule ids (the PhoneSchedules output). */
  scheduleIds: Readonly<Record<string, string[]>>;
}

const teams = (kind: TeamsResourceKind, key: string, inputs: Props): ForecastResource => ({
  department: null,
  kind,
  key,
  provider: "teams",
  inputs: { ...inputs, kind },
});

/** Tenant-wide Teams resources (src/teams/layer.ts, layerPhoneServices.ts). */
export function tenantWideResources(definition: TenantDefinition): ForecastResource[] {
  const tv = teamsVoiceInputs(definition.tenant);
  const out: ForecastResource[] = [];
  if (tv.pstnUsages.usages.length > 0) out.push(teams("PstnUsages", "usages", tv.pstnUsages));
  for (const r of tv.voiceRoutes) out.push(teams("VoiceRoute", r.name, r));
  for (const p of tv.callingPolicies) out.push(teams("CallingPolicy", p.name, p));
  for (const p of tv.emergencyCallingPolicies) out.push(teams("EmergencyCallingPolicy", p.name, p));
  for (const p of tv.emergencyCallRoutingPolicies) out.push(teams("EmergencyCallRoutingPolicy", p.name, p));
  for (const p of tv.voiceRoutingPolicies) out.push(teams("VoiceRoutingPolicy", p.name, p));
  for (const p of tv.dialPlans) out.push(teams("DialPlan", p.name, p));
  for (const a of tv.emergencyAddresses) out.push(teams("EmergencyAddress", a.key, a));
  const globalName = definition.tenant.teamsVoice.globalEmergencyCallRoutingPolicy;
  if (globalName) {
    out.push(
      teams("GlobalPolicyGrant", "TeamsEmergencyCallRoutingPolicy", {
        policyType: "TeamsEmergencyCallRoutingPolicy",
        policyName: globalName,
        settings: globalGrantSettings(tv.emergencyCallRoutingPolicies, globalName),
      }),
    );
  }
  const schedules = phoneSchedulesOf(definition);
  if (schedules.holidayCalendars.length + schedules.schedules.length > 0) {
    out.push(teams("PhoneSchedules", "schedules", schedules));
  }
  return out;
}

/** Per department: licences, grants (rank order), numbers, phone services (src/m365/layer.ts, src/teams). */
export function departmentResources(definition: TenantDefinition, ids: DepartmentIds): ForecastResource[] {
  const out: ForecastResource[] = [];
  const own = (
    department: string,
    kind: ForecastResource["kind"],
    provider: ForecastProvider,
    inputs: Props,
  ) => out.push({ department, kind, key: department, provider, inputs });
  for (const department of definition.departments) {
    const groupId = ids.groupIdOf(department.id);
    if (groupId === undefined || department.licences.length === 0) continue;
    own(department.id, "GroupLicenses", "licences", { ...desiredLicences(definition, department), groupId });
  }
  for (const department of rankLevels(definition.departments).flat()) {
    const groupId = ids.groupIdOf(department.id);
    if (groupId === undefined || departmentGrants(department).length === 0) continue;
    own(department.id, "GroupPolicyAssignments", "teams", {
      kind: "GroupPolicyAssignments",
      department: department.id,
      groupId,
      assignments: placedGrants(definition.departments, department),
    });
  }
  for (const department of definition.departments) {
    const args = departmentNumberArgs(definition, department.id);
    if (!args) continue;
    own(department.id, "NumberAssignments", "numbers", {
      ...args,
      locationIds: locationIdsUsed(ids.locationIds, args.assignments),
    });
  }
  const services = phoneServicesOf(definition, (id) => ids.groupIdOf(id) ?? "");
  for (const [department, desired] of Object.entries(services)) {
    own(department, "PhoneServices", "teams", {
      ...desired,
      kind: "PhoneServices",
      scheduleIds: ids.scheduleIds,
    });
  }
  return out;
}
