import type { PsObject } from "../powershell/results";
import { prop, stringProp } from "../powershell/results";
import type {
  AutoAttendant,
  AutoAttendantSpec,
  CallQueue,
  CallQueueSpec,
  CallTargetType,
  PhoneServicesState,
  ResourceAccount,
  ResourceAccountKind,
  ResourceAccountSpec,
  Schedule,
  ScheduleSpec,
} from "./types";
import {
  autoAttendantFrom,
  autoAttendantParameters,
  callQueueFrom,
  callQueueParameters,
  scheduleFrom,
  scheduleInstance,
  scheduleParameters,
} from "./wire";

/**
 * Typed phone-service calls over the PowerShell admin port (src/teams/powershell): each function is one (or a
 * few paged) allow-listed cmdlet calls. `PowerShellTeamsAdmin` is a `PhoneServicesRunner`; a driver failure
 * arrives as its TeamsPowerShellError.
 */
export interface PhoneServicesRunner {
  run(cmdlet: string, parameters?: Record<string, unknown>): Promise<PsObject[]>;
}

/** Documented ApplicationIds (New-CsOnlineApplicationInstance.md, -ApplicationId). */
export const APPLICATION_IDS: Record<ResourceAccountKind, string> = {
  autoAttendant: "ce933385-9390-45d1-9512-c8d228074e07",
  callQueue: "11cd3e2e-fccb-42ad-ad00-878b93575e07",
};

/** -NumberType of Set-/Remove-CsPhoneNumberAssignment (the page's supported values). */
export type NumberType = "DirectRouting" | "CallingPlan" | "OperatorConnect";

/** Get-CsAutoAttendant.md -First: at most 100 at a time; Get-CsCallQueue gets the first 100 by default. */
const PAGE = 100;

async function paged(ps: PhoneServicesRunner, cmdlet: string): Promise<PsObject[]> {
  const all: PsObject[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await ps.run(cmdlet, { First: PAGE, Skip: skip });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

const idOf = (o: PsObject | undefined, key = "Id") => {
  const id = o ? (stringProp(o, key) ?? stringProp(o, "Identity")) : undefined;
  if (!id) throw new Error("the cmdlet returned no object with an id");
  return id;
};

// ---------------------------------------------------------------------------------------------- schedules

export async function listSchedules(ps: PhoneServicesRunner): Promise<Schedule[]> {
  return (await ps.run("Get-CsOnlineSchedule")).map(scheduleFrom);
}

export async function createSchedule(ps: PhoneServicesRunner, spec: ScheduleSpec): Promise<string> {
  return idOf((await ps.run("New-CsOnlineSchedule", scheduleParameters(spec)))[0]);
}

/** A schedule's kind (weekly or fixed) cannot change (New-CsOnlineSchedule.md): replace it instead. */
export async function updateSchedule(ps: PhoneServicesRunner, id: string, spec: ScheduleSpec): Promise<void> {
  await ps.run("Set-CsOnlineSchedule", { Instance: scheduleInstance(id, spec) });
}

export async function removeSchedule(ps: PhoneServicesRunner, id: string): Promise<void> {
  await ps.run("Remove-CsOnlineSchedule", { Id: id });
}

// ------------------------------------------------------------------------------------------ auto attendants

/** Whole attendants; `kindOf` tells an attendant target from a queue target (both ConfigurationEndpoint). */
export async function listAutoAttendants(
  ps: PhoneServicesRunner,
  kindOf: (id: string) => CallTargetType | undefined = () => undefined,
): Promise<AutoAttendant[]> {
  return (await paged(ps, "Get-CsAutoAttendant")).map((o) => autoAttendantFrom(o, kindOf));
}

/** One request: call flows, menus, prompts, targets, schedules' handling and dial scope are nested in it. */
export async function createAutoAttendant(ps: PhoneServicesRunner, spec: AutoAttendantSpec): Promise<string> {
  return idOf((await ps.run("New-CsAutoAttendant", autoAttendantParameters(spec)))[0]);
}

/** Replaces the attendant whole (Set-CsAutoAttendant -Instance); call flows keep their ids by name. */
export async function updateAutoAttendant(
  ps: PhoneServicesRunner,
  id: string,
  spec: AutoAttendantSpec,
): Promise<void> {
  await ps.run("Set-CsAutoAttendant", { Instance: { Identity: id, ...autoAttendantParameters(spec) } });
}

export async function removeAutoAttendant(ps: PhoneServicesRunner, id: string): Promise<void> {
  await ps.run("Remove-CsAutoAttendant", { Identity: id });
}

// -------------------------------------------------------------------------------------------- call queues

export async function listCallQueues(ps: PhoneServicesRunner): Promise<CallQueue[]> {
  return (await paged(ps, "Get-CsCallQueue")).map(callQueueFrom);
}

/** New needs one music on hold (New-CsCallQueue.md -MusicOnHoldAudioFileId): Teams' default unless the spec says. */
export async function createCallQueue(ps: PhoneServicesRunner, spec: CallQueueSpec): Promise<string> {
  const music = spec.musicOnHoldAudioFileId
    ? {}
    : { useDefaultMusicOnHold: spec.useDefaultMusicOnHold ?? true };
  return idOf((await ps.run("New-CsCallQueue", callQueueParameters({ ...spec, ...music })))[0]);
}

/** Sends only the settings `changes` gives (Set-CsCallQueue changes only those). */
export async function updateCallQueue(
  ps: PhoneServicesRunner,
  id: string,
  changes: Partial<CallQueueSpec>,
): Promise<void> {
  const params = callQueueParameters(changes);
  if (Object.keys(params).length === 0) return;
  await ps.run("Set-CsCallQueue", { Identity: id, ...params });
}

export async function removeCallQueue(ps: PhoneServicesRunner, id: string): Promise<void> {
  await ps.run("Remove-CsCallQueue", { Identity: id });
}

// ------------------------------------------------------------------------------------- resource accounts

const kindOfApp = (appId: string | undefined): ResourceAccountKind =>
  appId?.toLowerCase() === APPLICATION_IDS.callQueue ? "callQueue" : "autoAttendant";

export async function listResourceAccounts(ps: PhoneServicesRunner): Promise<ResourceAccount[]> {
  const instances = await ps.run("Get-CsOnlineApplicationInstance");
  const out: ResourceAccount[] = [];
  for (const o of instances) {
    const objectId = idOf(o, "ObjectId");
    out.push({
      objectId,
      spec: {
        userPrincipalName: stringProp(o, "UserPrincipalName") ?? "",
        displayName: stringProp(o, "DisplayName") ?? "",
        kind: kindOfApp(stringProp(o, "ApplicationId")),
      },
      phoneNumber: stringProp(o, "PhoneNumber") ?? null,
      association: null,
    });
  }
  return out;
}

export async function createResourceAccount(
  ps: PhoneServicesRunner,
  spec: ResourceAccountSpec,
): Promise<string> {
  const created = await ps.run("New-CsOnlineApplicationInstance", {
    UserPrincipalName: spec.userPrincipalName,
    DisplayName: spec.displayName,
    ApplicationId: APPLICATION_IDS[spec.kind],
  });
  return idOf(created[0], "ObjectId");
}

export async function updateResourceAccount(
  ps: PhoneServicesRunner,
  objectId: string,
  changes: Partial<Pick<ResourceAccountSpec, "displayName" | "kind">>,
): Promise<void> {
  const params: Record<string, unknown> = {};
  if (changes.displayName !== undefined) params.DisplayName = changes.displayName;
  if (changes.kind !== undefined) params.ApplicationId = APPLICATION_IDS[changes.kind];
  if (Object.keys(params).length > 0)
    await ps.run("Set-CsOnlineApplicationInstance", { Identity: objectId, ...params });
}

/** Set-CsPhoneNumberAssignment with the resource account as -Identity (the page: "a user or a resource account"). */
export async function assignResourceAccountNumber(
  ps: PhoneServicesRunner,
  objectId: string,
  telephoneNumber: string,
  numberType: NumberType,
): Promise<void> {
  await ps.run("Set-CsPhoneNumberAssignment", {
    Identity: objectId,
    TelephoneNumber: telephoneNumber,
    NumberType: numberType,
  });
}

/** Remove-CsPhoneNumberAssignment's RemoveSome set (the one the contract allows): the number and its type. */
export async function removeResourceAccountNumber(
  ps: PhoneServicesRunner,
  objectId: string,
  telephoneNumber: string,
  numberType: NumberType,
): Promise<void> {
  await ps.run("Remove-CsPhoneNumberAssignment", {
    Identity: objectId,
    TelephoneNumber: telephoneNumber,
    NumberType: numberType,
  });
}

// ------------------------------------------------------------------------------------------ associations

export async function associate(
  ps: PhoneServicesRunner,
  objectIds: readonly string[],
  configurationId: string,
  type: ResourceAccountKind,
): Promise<void> {
  await ps.run("New-CsOnlineApplicationInstanceAssociation", {
    Identities: [...objectIds],
    ConfigurationId: configurationId,
    ConfigurationType: type === "autoAttendant" ? "AutoAttendant" : "CallQueue",
  });
}

export async function dissociate(ps: PhoneServicesRunner, objectIds: readonly string[]): Promise<void> {
  if (objectIds.length > 0)
    await ps.run("Remove-CsOnlineApplicationInstanceAssociation", { Identities: [...objectIds] });
}

// ------------------------------------------------------------------------------------------------- read all

/**
 * Everything at once, for diff, drift and export: associations are read from the attendants' and queues'
 * ApplicationInstances (one Get each for all of them), so no per-account Get is needed.
 */
export async function readPhoneServices(ps: PhoneServicesRunner): Promise<PhoneServicesState> {
  const schedules = await listSchedules(ps);
  const queues = await listCallQueues(ps);
  const queueIds = new Set(queues.map((q) => q.id.toLowerCase()));
  const rawAttendants = await paged(ps, "Get-CsAutoAttendant");
  const attendantIds = new Set(
    rawAttendants.map((o) => String(prop(o, "Id") ?? prop(o, "Identity")).toLowerCase()),
  );
  const kindOf = (id: string): CallTargetType | undefined =>
    queueIds.has(id.toLowerCase())
      ? "callQueue"
      : attendantIds.has(id.toLowerCase())
        ? "autoAttendant"
        : undefined;
  const autoAttendants = rawAttendants.map((o) => autoAttendantFrom(o, kindOf));
  const resourceAccounts = await listResourceAccounts(ps);
  const owner = new Map<string, { configurationId: string; type: ResourceAccountKind }>();
  for (const a of autoAttendants)
    for (const r of a.resourceAccounts)
      owner.set(r.toLowerCase(), { configurationId: a.id, type: "autoAttendant" });
  for (const q of queues)
    for (const r of q.resourceAccounts)
      owner.set(r.toLowerCase(), { configurationId: q.id, type: "callQueue" });
  for (const r of resourceAccounts) r.association = owner.get(r.objectId.toLowerCase()) ?? null;
  return { schedules, autoAttendants, callQueues: queues, resourceAccounts };
}
