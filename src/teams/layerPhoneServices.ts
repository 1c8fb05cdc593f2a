/**
 * Phone services in the teamsVoice layer (issue #15): ONE tenant-wide PhoneSchedules (holiday calendars and shared
 * schedules) and, per department with phone services, ONE PhoneServices fed the schedules' ids and created after
 * the department's NumberAssignments (a number a user gives up this run is free before a resource account takes
 * it). The desired sets come from the definition (`phoneServicesOf`, the definition work of #15); this file only
 * makes the resources, so the layer calls:
 *   teamsPhoneServicesFor({ org, schedules: phoneSchedulesOf(definition), departments, numbers, opts })
 */
import type * as pulumi from "@pulumi/pulumi";
import { slugify } from "../naming";
import { PhoneSchedules, PhoneServices } from "./phoneServices/PhoneServices";
import type { PhoneSchedulesDesired, PhoneServicesDesired } from "./phoneServices/desired";

export interface PhoneServicesWiring {
  org: string;
  /** The tenant's holiday calendars and shared schedules (tenant.yaml); absent = none. */
  schedules?: PhoneSchedulesDesired;
  /** Keyed by department id: the departments that have phone services. */
  departments: Record<string, PhoneServicesDesired>;
  /** Keyed by department id: the NumberAssignments resources. */
  numbers: Record<string, pulumi.Resource>;
  opts?: pulumi.CustomResourceOptions;
}

export interface PhoneServicesResources {
  schedules?: PhoneSchedules;
  /** Keyed by department id. */
  departments: Record<string, PhoneServices>;
}

export const phoneSchedulesResourceName = (org: string) => `tv-${slugify(org)}-phone-schedules`;
export const phoneServicesResourceName = (org: string, department: string) =>
  `tv-${slugify(org)}-phone-${department}`;

export function teamsPhoneServicesFor(wiring: PhoneServicesWiring): PhoneServicesResources {
  const hasSchedules =
    !!wiring.schedules && wiring.schedules.holidayCalendars.length + wiring.schedules.schedules.length > 0;
  const schedules = hasSchedules
    ? new PhoneSchedules(
        phoneSchedulesResourceName(wiring.org),
        wiring.schedules as PhoneSchedulesDesired,
        wiring.opts,
      )
    : undefined;
  const departments: Record<string, PhoneServices> = {};
  for (const [id, desired] of Object.entries(wiring.departments)) {
    const after = [schedules, wiring.numbers[id]].filter((r): r is NonNullable<typeof r> => !!r);
    departments[id] = new PhoneServices(
      phoneServicesResourceName(wiring.org, id),
      { ...desired, scheduleIds: schedules ? schedules.scheduleIds : {} },
      { ...wiring.opts, dependsOn: [...after] },
    );
  }
  return { schedules, departments };
}
