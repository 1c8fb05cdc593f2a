/**
 * `pulumi-nodejs:dynamic/tenant-teams:PhoneServices` (one per department: its resource accounts, auto
 * attendants and call queues) and `…:PhoneSchedules` (tenant-wide holiday calendars and shared schedules), both
 * through the one Teams provider (kinds `PhoneServices`, `PhoneSchedules`). The layer makes one PhoneSchedules
 * and, per department with phone services, one PhoneServices fed its `scheduleIds` (docs/phone-services.md).
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";
import type { PhoneSchedulesDesired, PhoneServicesDesired } from "./desired";
import type { PhoneFailure } from "./apply";

export type PhoneServicesArgs = {
  [K in keyof PhoneServicesDesired]: pulumi.Input<PhoneServicesDesired[K]>;
} & {
  /** `PhoneSchedules.scheduleIds`: schedule ids by holiday-calendar or shared-schedule name. */
  scheduleIds: pulumi.Input<Record<string, string[]>>;
};

export class PhoneServices extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.phoneServices;
  // `declare`, not fields: a field would be reset to undefined after super() (pulumi-offline.md §1.5).
  declare readonly department: pulumi.Output<string>;
  /** One line per object applied: `<kind> <name> <id> <hash>` (held.ts). */
  declare readonly held: pulumi.Output<string>;
  /** Objects the last run could not apply (empty after a successful run). */
  declare readonly failed: pulumi.Output<PhoneFailure[]>;

  constructor(name: string, args: PhoneServicesArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "PhoneServices", held: undefined, failed: undefined },
      // (`scheduleIds` is an input; the provider echoes the ids it used in its outputs.)
      opts,
      DYNAMIC_MODULES.teams,
      "PhoneServices",
    );
  }
}

export type PhoneSchedulesArgs = {
  [K in keyof PhoneSchedulesDesired]: pulumi.Input<PhoneSchedulesDesired[K]>;
};

export class PhoneSchedules extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.phoneSchedules;
  declare readonly held: pulumi.Output<string>;
  /** Schedule ids by holiday-calendar or shared-schedule name (a calendar's chunks of 10 dates in order). */
  declare readonly scheduleIds: pulumi.Output<Record<string, string[]>>;
  declare readonly failed: pulumi.Output<PhoneFailure[]>;

  constructor(name: string, args: PhoneSchedulesArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "PhoneSchedules", held: undefined, scheduleIds: undefined, failed: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "PhoneSchedules",
    );
  }
}
