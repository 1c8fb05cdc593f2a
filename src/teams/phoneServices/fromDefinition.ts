/**
 * The definition's phone services (department files' `phoneServices`, tenant.yaml's `phoneSchedules`) as the
 * desired shape the PhoneServices and PhoneSchedules resources take (desired.ts). Pure: the caller says what a
 * department's group id is (an id, or in the program the identity layer's output).
 *
 * Every attendant and queue name gets the department's prefix here (`linea-010` → `atencion-ciudadania-linea-010`),
 * so a department file can only ever address its own objects.
 */
import type { TenantDefinition } from "../../config/definition";
import { findRange } from "../../config/numberRanges";
import type { Department } from "../../config/schema/department";
import type {
  CallFlowDefinition,
  CallTargetDefinition,
  DepartmentPhoneServices,
} from "../../config/schema/phoneServices";
import type {
  DesiredCallFlow,
  DesiredCallQueue,
  DesiredHours,
  DesiredMenuOption,
  DesiredTarget,
  PhoneSchedulesDesired,
  PhoneServicesDesired,
} from "./desired";
import type { TimeRangeSpec, Weekday } from "./types";

/** The department's group id, as the resource's inputs should hold it. */
export type GroupIdOf = (department: string) => string;

/** Keyed by department id: the departments whose file has phone services. */
export function phoneServicesOf(
  definition: TenantDefinition,
  groupIdOf: GroupIdOf,
): Record<string, PhoneServicesDesired> {
  const out: Record<string, PhoneServicesDesired> = {};
  for (const department of definition.departments) {
    const services = department.phoneServices;
    if (!services) continue;
    const total =
      services.resourceAccounts.length + services.autoAttendants.length + services.callQueues.length;
    if (total === 0) continue;
    out[department.id] = departmentPhoneServices(definition, department, services, groupIdOf);
  }
  return out;
}

export function phoneSchedulesOf(definition: TenantDefinition): PhoneSchedulesDesired {
  const { holidayCalendars, schedules } = definition.tenant.phoneSchedules;
  return {
    holidayCalendars: holidayCalendars.map((c) => ({
      name: c.name,
      entries: c.entries.map((e) => ({ date: e.date, name: e.name })),
    })),
    schedules: schedules.map((s) => ({ name: s.name, weekly: weekly(s.weekly) })),
  };
}

/** `atencion-ciudadania` + `linea-010` → `atencion-ciudadania-linea-010`. */
export const departmentObjectName = (department: string, name: string) => `${department}-${name}`;

function departmentPhoneServices(
  definition: TenantDefinition,
  department: Department,
  services: DepartmentPhoneServices,
  groupIdOf: GroupIdOf,
): PhoneServicesDesired {
  const own = (name: string) => departmentObjectName(department.id, name);
  const groupId = () => groupIdOf(department.id);
  const target = (t: CallTargetDefinition): DesiredTarget => {
    if ("callQueue" in t) return { type: "callQueue", name: own(t.callQueue) };
    if ("autoAttendant" in t) return { type: "autoAttendant", name: own(t.autoAttendant) };
    if ("user" in t) return { type: "user", userPrincipalName: t.user };
    if ("externalNumber" in t) return { type: "externalNumber", number: t.externalNumber };
    return {
      type: "sharedVoicemail",
      groupId: t.sharedVoicemail === "department" ? groupId() : t.sharedVoicemail,
      ...(t.transcription !== undefined ? { transcription: t.transcription } : {}),
    };
  };
  const flow = (f: CallFlowDefinition): DesiredCallFlow => ({
    ...(f.greeting !== undefined ? { greeting: f.greeting } : {}),
    ...(f.menu?.prompt !== undefined ? { menuPrompt: f.menu.prompt } : {}),
    options: (f.menu?.options ?? []).map((o): DesiredMenuOption => {
      if (o.to) return { key: o.key, action: "transfer", target: target(o.to) };
      if (o.operator) return { key: o.key, action: "operator" };
      if (o.announcement !== undefined) return { key: o.key, action: "announcement", prompt: o.announcement };
      return { key: o.key, action: "disconnect" };
    }),
    ...(f.menu?.dialByName ? { dialByName: true } : {}),
  });

  const autoAttendants = services.autoAttendants.map((a) => {
    const hours: DesiredHours | undefined = !a.businessHours
      ? undefined
      : "schedule" in a.businessHours
        ? { schedule: a.businessHours.schedule }
        : { weekly: weekly(a.businessHours.weekly) };
    return {
      name: own(a.name),
      language: a.language,
      timeZone: a.timeZone,
      ...(a.voice !== undefined ? { voiceId: a.voice } : {}),
      open: flow({ greeting: a.greeting, menu: a.menu }),
      ...(hours ? { hours } : {}),
      ...(a.afterHours ? { afterHours: flow(a.afterHours) } : {}),
      ...(a.holidays.length > 0
        ? { holidays: a.holidays.map((h) => ({ calendar: h.calendar, flow: flow(h) })) }
        : {}),
      ...(a.operator ? { operator: target(a.operator) } : {}),
      ...(a.dialScope === "department" ? { dialScopeGroupIds: [groupId()] } : {}),
    };
  });

  const callQueues = services.callQueues.map((q): DesiredCallQueue => ({
    name: own(q.name),
    ...(q.language !== undefined ? { language: q.language } : {}),
    agents: typeof q.agents === "object" && "users" in q.agents ? [...q.agents.users] : [],
    agentGroupIds: q.agents === "department" ? [groupId()] : "group" in q.agents ? [q.agents.group] : [],
    routing: q.routing,
    presenceBasedRouting: q.presenceBasedRouting,
    allowOptOut: q.allowOptOut,
    agentAlertTime: q.agentAlertTime,
    overflowThreshold: q.overflow.threshold,
    overflow: {
      action: EXIT_ACTIONS[q.overflow.action].overflow,
      ...(q.overflow.to ? { target: target(q.overflow.to) } : {}),
    },
    timeoutSeconds: q.timeout.seconds,
    timeout: {
      action: EXIT_ACTIONS[q.timeout.action].timeout,
      ...(q.timeout.to ? { target: target(q.timeout.to) } : {}),
    },
    ...(q.welcome !== undefined ? { welcomeText: q.welcome } : {}),
    useDefaultMusicOnHold: q.musicOnHold === "default",
    ...(q.musicOnHold !== "default" ? { musicOnHoldAudioFileId: q.musicOnHold.audioFileId } : {}),
  }));

  const resourceAccounts = services.resourceAccounts.map((r) => {
    const range = r.number ? findRange(definition.tenant.numberRanges, r.number) : undefined;
    return {
      userPrincipalName: r.userPrincipalName,
      displayName: r.displayName,
      answers:
        "autoAttendant" in r.answers
          ? { type: "autoAttendant" as const, name: own(r.answers.autoAttendant) }
          : { type: "callQueue" as const, name: own(r.answers.callQueue) },
      ...(r.number !== undefined ? { number: r.number } : {}),
      ...(range ? { numberType: range.type } : {}),
      usageLocation: r.usageLocation,
    };
  });

  return { department: department.id, resourceAccounts, autoAttendants, callQueues };
}

/** The definition's words for a queue exit, as New-CsCallQueue's -OverflowAction / -TimeoutAction values. */
const EXIT_ACTIONS = {
  disconnect: { overflow: "DisconnectWithBusy", timeout: "Disconnect" },
  forward: { overflow: "Forward", timeout: "Forward" },
  voicemail: { overflow: "Voicemail", timeout: "Voicemail" },
  sharedVoicemail: { overflow: "SharedVoicemail", timeout: "SharedVoicemail" },
} as const;

/** `{ monday: ["08:30-20:00"] }` → `{ monday: [{ start: "08:30", end: "20:00" }] }`. */
function weekly(
  hours: Partial<Record<string, string[] | undefined>>,
): Partial<Record<Weekday, TimeRangeSpec[]>> {
  const out: Partial<Record<Weekday, TimeRangeSpec[]>> = {};
  for (const [day, ranges] of Object.entries(hours)) {
    if (!ranges || ranges.length === 0) continue;
    out[day as Weekday] = ranges.map((r) => ({ start: r.slice(0, 5), end: r.slice(6) }));
  }
  return out;
}
