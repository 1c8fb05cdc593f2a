/**
 * What Teams holds, in the definition's words: the live phone services run through the export's inverse
 * (src/export/phoneServices.ts) and back through the render (`phoneServicesOf`), so drift compares every setting a
 * department file can say (menus, targets, hours, holidays, operator, dial scope, queue exits, agents) on the same
 * footing as the definition, not a hand-picked subset. A department whose live objects no longer fit its file's
 * schema (an export that does not parse) falls back to no rendering, and drift reports only what it can match.
 */
import type { TenantDefinition } from "../config/definition";
import { departmentPhoneServicesSchema } from "../config/schema/phoneServices";
import { exportPhoneServices } from "../export/phoneServices";
import { ReportCollector } from "../export/report";
import type { PhoneServicesDesired } from "../teams/phoneServices/desired";
import { phoneServicesOf, type GroupIdOf } from "../teams/phoneServices/fromDefinition";
import type { PhoneServicesState } from "../teams/phoneServices/types";

export interface PhoneDriftContext {
  /** The department's group id in the tenant (both sides render `department` with it). */
  groupIdOf: GroupIdOf;
  /** A user's UPN by object id. */
  upnOf(userId: string): string | undefined;
}

export function livePhoneServicesAsDesired(
  definition: TenantDefinition,
  live: PhoneServicesState,
  ctx: PhoneDriftContext,
): Record<string, PhoneServicesDesired> {
  const exported = exportPhoneServices(
    live,
    {
      departments: definition.departments.map((d) => ({ id: d.id, groupId: ctx.groupIdOf(d.id) })),
      upnOf: ctx.upnOf,
      usageLocationOf: () => undefined,
      defaultUsageLocation: "ES",
    },
    new ReportCollector(),
  );
  const departments = definition.departments.map((d) => {
    const parsed = departmentPhoneServicesSchema.safeParse(exported.byDepartment.get(d.id) ?? {});
    return { ...d, phoneServices: parsed.success ? parsed.data : undefined };
  });
  return phoneServicesOf({ ...definition, departments }, ctx.groupIdOf);
}
