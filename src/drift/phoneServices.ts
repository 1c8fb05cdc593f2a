/**
 * Phone services (issue #15): each department's auto attendants, call queues and resource accounts as the
 * definition names them, against what Teams holds (the phone-services adapter's read). Objects are matched by
 * name (attendants, queues) and UPN (accounts); only the settings the definition sets are compared, and only
 * objects named with a department's prefix (`<department>-…`, `ra-<department>-…`) can be extra: anything else
 * belongs to someone else.
 */
import type { TenantDefinition } from "../config/definition";
import type {
  DesiredAutoAttendant,
  DesiredCallQueue,
  PhoneServicesDesired,
} from "../teams/phoneServices/desired";
import { phoneServicesOf } from "../teams/phoneServices/fromDefinition";
import type {
  AutoAttendant,
  CallQueue,
  PhoneServicesState,
  ResourceAccount,
} from "../teams/phoneServices/types";
import { livePhoneServicesAsDesired, type PhoneDriftContext } from "./phoneServicesLive";
import type { DriftEntry } from "./types";

const lower = (s: string) => s.toLowerCase();

/**
 * @param ctx the tenant's group ids and users: with it, attendants and queues are compared in full (the live side
 *   rendered as the definition would be, phoneServicesLive.ts); without it, on the settings that need no ids.
 */
export function comparePhoneServices(
  definition: TenantDefinition,
  live: PhoneServicesState,
  ctx?: PhoneDriftContext,
): DriftEntry[] {
  const desired = phoneServicesOf(definition, ctx?.groupIdOf ?? (() => ""));
  const rendered = ctx ? livePhoneServicesAsDesired(definition, live, ctx) : undefined;
  const renderedAttendant = (department: string, name: string) =>
    rendered?.[department]?.autoAttendants.find((a) => lower(a.name) === lower(name));
  const renderedQueue = (department: string, name: string) =>
    rendered?.[department]?.callQueues.find((q) => lower(q.name) === lower(name));
  const attendants = new Map(live.autoAttendants.map((a) => [lower(a.spec.name), a]));
  const queues = new Map(live.callQueues.map((q) => [lower(q.spec.name), q]));
  const accounts = new Map(live.resourceAccounts.map((r) => [lower(r.spec.userPrincipalName), r]));
  const nameOfConfiguration = new Map<string, string>([
    ...live.autoAttendants.map((a): [string, string] => [lower(a.id), a.spec.name]),
    ...live.callQueues.map((q): [string, string] => [lower(q.id), q.spec.name]),
  ]);
  const entries: DriftEntry[] = [];
  for (const [department, d] of Object.entries(desired)) {
    for (const a of d.autoAttendants) {
      const found = attendants.get(lower(a.name));
      const full = found && renderedAttendant(department, a.name);
      entries.push(
        ...(full
          ? settingsEntry(department, a.name, "auto attendant", settingsOf(a), settingsOf(full))
          : compareAttendant(department, a, found)),
      );
    }
    for (const q of d.callQueues) {
      const found = queues.get(lower(q.name));
      const full = found && renderedQueue(department, q.name);
      entries.push(
        ...(full
          ? settingsEntry(department, q.name, "call queue", queueSettingsOf(q), queueSettingsOf(full))
          : compareQueue(department, q, found)),
      );
    }
    for (const r of d.resourceAccounts)
      entries.push(
        ...compareAccount(department, r, accounts.get(lower(r.userPrincipalName)), nameOfConfiguration),
      );
  }
  const ids = definition.departments.map((x) => x.id);
  for (const department of ids) entries.push(...extras(department, desired[department], live, ids));
  return entries;
}

/** Settings a desired object may leave out: absent counts as null, so one side having it is a difference. */
const OPTIONAL = [
  "voiceId",
  "hours",
  "afterHours",
  "holidays",
  "operator",
  "dialScopeGroupIds",
  "language",
  "welcomeText",
];

/** Every setting but the name. */
function settingsOf(o: DesiredAutoAttendant | DesiredCallQueue): Record<string, unknown> {
  const all = o as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(all), ...OPTIONAL])].filter((k) => k !== "name");
  return Object.fromEntries(keys.map((k) => [k, all[k] ?? null]));
}

/** A queue's settings, agents' UPNs in lower case (Entra keeps the case it was given). */
function queueSettingsOf(q: DesiredCallQueue): Record<string, unknown> {
  return settingsOf({ ...q, agents: q.agents.map(lower) });
}

/** The department an object's name says it is (the longest id it starts with, so `centro-norte` is not `centro`). */
function ownerOf(name: string, ids: readonly string[]): string | undefined {
  const n = lower(name).replace(/^ra-/, "");
  return ids.filter((id) => n.startsWith(`${lower(id)}-`)).sort((a, b) => b.length - a.length)[0];
}

function entry(
  department: string,
  kind: DriftEntry["kind"],
  subject: string,
  expected: string | null,
  actual: string | null,
  message: string,
): DriftEntry {
  return { area: "phoneServices", kind, department, subject, expected, actual, message };
}

function settingsEntry(
  department: string,
  subject: string,
  what: string,
  desired: Record<string, unknown>,
  live: Record<string, unknown>,
): DriftEntry[] {
  const keys = Object.keys(desired).filter((k) => JSON.stringify(desired[k]) !== JSON.stringify(live[k]));
  if (keys.length === 0) return [];
  const pick = (o: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(keys.map((k) => [k, o[k] ?? null])));
  return [
    entry(
      department,
      "phone-object-settings",
      subject,
      pick(desired),
      pick(live),
      `${what} ${subject} differs from the definition in ${keys.join(", ")}: changed outside the toolkit — \`pulumi up\` sets it back, or put the change in the department's file`,
    ),
  ];
}

function compareAttendant(
  department: string,
  a: DesiredAutoAttendant,
  live: AutoAttendant | undefined,
): DriftEntry[] {
  if (!live) {
    return [
      entry(
        department,
        "phone-object-missing",
        a.name,
        "auto attendant",
        null,
        `auto attendant ${a.name} is not in Teams — \`pulumi up\` creates it again`,
      ),
    ];
  }
  return settingsEntry(
    department,
    a.name,
    "auto attendant",
    { language: a.language, timeZone: a.timeZone, greeting: a.open.greeting ?? null },
    {
      language: live.spec.language,
      timeZone: live.spec.timeZone,
      greeting: live.spec.defaultFlow.greeting ?? null,
    },
  );
}

function compareQueue(department: string, q: DesiredCallQueue, live: CallQueue | undefined): DriftEntry[] {
  if (!live) {
    return [
      entry(
        department,
        "phone-object-missing",
        q.name,
        "call queue",
        null,
        `call queue ${q.name} is not in Teams — \`pulumi up\` creates it again`,
      ),
    ];
  }
  return settingsEntry(
    department,
    q.name,
    "call queue",
    {
      routing: q.routing,
      presenceBasedRouting: q.presenceBasedRouting,
      allowOptOut: q.allowOptOut,
      agentAlertTime: q.agentAlertTime,
      overflowThreshold: q.overflowThreshold,
      timeoutSeconds: q.timeoutSeconds,
      agents: q.agents.length,
      agentGroups: q.agentGroupIds.length,
    },
    {
      routing: live.spec.routing,
      presenceBasedRouting: live.spec.presenceBasedRouting,
      allowOptOut: live.spec.allowOptOut,
      agentAlertTime: live.spec.agentAlertTime,
      overflowThreshold: live.spec.overflowThreshold,
      timeoutSeconds: live.spec.timeoutSeconds,
      agents: live.spec.agents.length,
      agentGroups: live.spec.agentGroups?.length ?? 0,
    },
  );
}

function compareAccount(
  department: string,
  r: PhoneServicesDesired["resourceAccounts"][number],
  live: ResourceAccount | undefined,
  nameOfConfiguration: ReadonlyMap<string, string>,
): DriftEntry[] {
  const upn = r.userPrincipalName;
  if (!live) {
    return [
      entry(
        department,
        "phone-object-missing",
        upn,
        "resource account",
        null,
        `resource account ${upn} is not in Teams — \`pulumi up\` creates it again`,
      ),
    ];
  }
  const answers = live.association
    ? (nameOfConfiguration.get(lower(live.association.configurationId)) ?? live.association.configurationId)
    : null;
  const out = settingsEntry(
    department,
    upn,
    "resource account",
    { displayName: r.displayName, answers: r.answers.name },
    { displayName: live.spec.displayName, answers },
  );
  if (r.number !== undefined && live.phoneNumber !== r.number) {
    out.push(
      entry(
        department,
        "phone-number",
        upn,
        r.number,
        live.phoneNumber,
        live.phoneNumber
          ? `resource account ${upn} holds ${live.phoneNumber}, not ${r.number} — \`pulumi up\` assigns the definition's number`
          : `resource account ${upn} has no number, the definition gives it ${r.number} — set its usage location if \`pulumi up\` asked for it, then run \`pulumi up\``,
      ),
    );
  }
  return out;
}

/** Objects named as this department's that its file does not have. */
function extras(
  department: string,
  d: PhoneServicesDesired | undefined,
  live: PhoneServicesState,
  ids: readonly string[],
): DriftEntry[] {
  const wanted = new Set([
    ...(d?.autoAttendants ?? []).map((a) => lower(a.name)),
    ...(d?.callQueues ?? []).map((q) => lower(q.name)),
    ...(d?.resourceAccounts ?? []).map((r) => lower(r.userPrincipalName)),
  ]);
  const out: DriftEntry[] = [];
  const extra = (name: string, what: string) =>
    out.push(
      entry(
        department,
        "phone-object-extra",
        name,
        null,
        what,
        `${what} ${name} is named as ${department}'s but its file does not have it — add it to the file, or remove it in Teams`,
      ),
    );
  const own = (name: string) => ownerOf(name, ids) === department && !wanted.has(lower(name));
  for (const a of live.autoAttendants) if (own(a.spec.name)) extra(a.spec.name, "auto attendant");
  for (const q of live.callQueues) if (own(q.spec.name)) extra(q.spec.name, "call queue");
  for (const r of live.resourceAccounts)
    if (lower(r.spec.userPrincipalName).startsWith("ra-") && own(r.spec.userPrincipalName))
      extra(r.spec.userPrincipalName, "resource account");
  return out;
}
