/**
 * Attendants, queues and resource accounts → each department's `phoneServices` (issue #15), the inverse of
 * src/teams/phoneServices/fromDefinition.ts and resolve.ts. The department comes from the toolkit's names:
 * `<department>-<name>` for attendants and queues, `ra-<department>-…` for resource accounts (the longest
 * department id that fits). Ids become the definition's words: users by UPN, attendants and queues by their local
 * name, the department's group as `department`, a resource account target as what it answers for. Whatever a
 * department file cannot say (another department's object as a target, a custom music file, agents mixed from
 * users and groups) is reported under `phone-service` with the tenant's id.
 */
import type {
  AutoAttendant,
  CallFlowSpec,
  CallQueue,
  CallTarget,
  PhoneServicesState,
  ResourceAccount,
} from "../teams/phoneServices/types";
import { exportPhoneSchedules, weeklyText, type ExportedPhoneSchedules } from "./phoneSchedules";
import type { ReportCollector } from "./report";

const LOCAL_NAME = /^[a-z][a-z0-9-]{1,39}$/;

export interface PhoneExportContext {
  /** Department ids, with the object id of the department's group when it has one. */
  departments: readonly { id: string; groupId?: string }[];
  /** A user's UPN by object id. */
  upnOf(userId: string): string | undefined;
  /** A resource account's usage location, when the tenant's users list it. */
  usageLocationOf(objectId: string): string | undefined;
  defaultUsageLocation: string;
}

export interface ExportedPhoneServices {
  /** tenant.yaml `phoneSchedules`; absent when the tenant has no schedule. */
  phoneSchedules?: ExportedPhoneSchedules;
  /** Department id → its `phoneServices` (only departments that have some). */
  byDepartment: Map<string, Record<string, unknown>>;
  /** Lower-cased object id of each exported resource account → its department (its number's range). */
  accountDepartment: Map<string, string>;
}

type Target = Record<string, unknown>;

/** Owner department and local name of `name` (`<department>-<local>`), the longest department id first. */
function ownerOf(name: string, prefix: string, departmentIds: readonly string[]) {
  for (const id of departmentIds) {
    const head = `${prefix}${id}-`;
    if (!name.startsWith(head)) continue;
    const local = name.slice(head.length);
    if (prefix || LOCAL_NAME.test(local)) return { department: id, local };
  }
  return undefined;
}

const EXIT_ACTIONS: Record<string, string> = {
  DisconnectWithBusy: "disconnect",
  Disconnect: "disconnect",
  Forward: "forward",
  Voicemail: "voicemail",
  SharedVoicemail: "sharedVoicemail",
};

const isDisconnectOnly = (f: CallFlowSpec) =>
  !f.greeting &&
  !f.menuPrompt &&
  !f.dialByName &&
  f.options.length === 1 &&
  f.options[0].key === "automatic" &&
  f.options[0].action === "disconnect";

export function exportPhoneServices(
  state: PhoneServicesState,
  ctx: PhoneExportContext,
  report: ReportCollector,
): ExportedPhoneServices {
  const departmentIds = ctx.departments
    .map((d) => d.id)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const groupOf = new Map(ctx.departments.map((d) => [d.id, d.groupId?.toLowerCase()]));
  const attendants = new Map(state.autoAttendants.map((a) => [a.id.toLowerCase(), a]));
  const queues = new Map(state.callQueues.map((q) => [q.id.toLowerCase(), q]));
  const accounts = new Map(state.resourceAccounts.map((r) => [r.objectId.toLowerCase(), r]));
  const owner = (name: string) => ownerOf(name, "", departmentIds);

  // An attendant's own weekly hours are `<attendant> hours` (resolve.ts ownHoursSpec): exported with it.
  const scheduleById = new Map(state.schedules.map((s) => [s.id.toLowerCase(), s]));
  const ownHours = new Set<string>();
  for (const a of state.autoAttendants) {
    const s = a.spec.afterHours && scheduleById.get(a.spec.afterHours.scheduleId.toLowerCase());
    if (s && s.spec.kind === "weekly" && s.spec.name === `${a.spec.name} hours`)
      ownHours.add(s.id.toLowerCase());
  }
  const { phoneSchedules, names } = exportPhoneSchedules(state.schedules, ownHours, report);

  /** An attendant or queue (by id) as this department's target, or why not. */
  const configurationTarget = (id: string, department: string): Target | string => {
    const a = attendants.get(id.toLowerCase());
    const q = queues.get(id.toLowerCase());
    const name = a?.spec.name ?? q?.spec.name;
    if (!name) return `${id} is no attendant or queue of the tenant`;
    const o = owner(name);
    if (o?.department !== department)
      return `'${name}' is not ${department}'s (a department file can only name its own attendants and queues)`;
    return a ? { autoAttendant: o.local } : { callQueue: o.local };
  };
  const accountTarget = (id: string, department: string): Target | string | undefined => {
    const r = accounts.get(id.toLowerCase());
    if (!r) return undefined;
    if (!r.association) return `resource account ${r.spec.userPrincipalName} answers for nothing`;
    return configurationTarget(r.association.configurationId, department);
  };
  const sharedVoicemail = (groupId: string, department: string, transcription?: boolean): Target => ({
    sharedVoicemail: groupId.toLowerCase() === groupOf.get(department) ? "department" : groupId,
    ...(transcription ? { transcription: true } : {}),
  });
  const target = (t: CallTarget, department: string): Target | string => {
    switch (t.type) {
      case "user":
        return (
          accountTarget(t.id, department) ??
          (ctx.upnOf(t.id) ? { user: ctx.upnOf(t.id) } : `user ${t.id} is not in the tenant's users`)
        );
      case "externalNumber":
        return { externalNumber: t.id.replace(/^tel:/i, "") };
      case "sharedVoicemail":
        return sharedVoicemail(t.id, department, t.transcription);
      case "resourceAccount":
        return accountTarget(t.id, department) ?? `resource account ${t.id} is not in the tenant`;
      default:
        return configurationTarget(t.id, department);
    }
  };
  /** A queue exit's target is an id string (New-CsCallQueue.md -OverflowActionTarget). */
  const exitTarget = (
    action: string,
    id: string,
    department: string,
    transcription?: boolean,
  ): Target | string => {
    if (/^tel:/i.test(id)) return { externalNumber: id.slice(4) };
    if (action === "SharedVoicemail") return sharedVoicemail(id, department, transcription);
    // A resource account is a directory user too: look it up as an account first.
    const account = accountTarget(id, department);
    if (account) return account;
    const upn = ctx.upnOf(id);
    return upn ? { user: upn } : `${id} is no user or resource account of the tenant`;
  };

  const flow = (f: CallFlowSpec, department: string, where: string, id: string) => {
    const options = f.options.flatMap((o): Target[] => {
      if (o.action === "operator") return [{ key: o.key, operator: true }];
      if (o.action === "disconnect") return [{ key: o.key, disconnect: true }];
      if (o.action === "announcement") return [{ key: o.key, announcement: o.prompt ?? "" }];
      const to = o.target ? target(o.target, department) : "it has no target";
      if (typeof to === "string") {
        report.add("phone-service", id, `${where}: key ${o.key} is left out: ${to}`);
        return [];
      }
      return [{ key: o.key, to }];
    });
    const menu = {
      ...(f.menuPrompt ? { prompt: f.menuPrompt } : {}),
      ...(options.length > 0 ? { options } : {}),
      ...(f.dialByName ? { dialByName: true } : {}),
    };
    return {
      ...(f.greeting ? { greeting: f.greeting } : {}),
      ...(Object.keys(menu).length > 0 ? { menu } : {}),
    };
  };

  const byDepartment = new Map<string, { ra: Target[]; aa: Target[]; cq: Target[] }>();
  const of = (department: string) => {
    let d = byDepartment.get(department);
    if (!d) byDepartment.set(department, (d = { ra: [], aa: [], cq: [] }));
    return d;
  };
  const unowned = (kind: string, id: string, name: string) =>
    report.add(
      "phone-service",
      id,
      `${kind} '${name}' carries no department's name (${kind === "resource account" ? "ra-<department>-…" : "<department>-<name>"}); not exported`,
    );

  for (const a of sortedBy(state.autoAttendants, (x) => x.spec.name)) {
    const o = owner(a.spec.name);
    if (!o) {
      unowned("auto attendant", a.id, a.spec.name);
      continue;
    }
    of(o.department).aa.push(exportAttendant(a, o.department, o.local));
  }
  function exportAttendant(a: AutoAttendant, department: string, local: string): Target {
    const where = `auto attendant '${a.spec.name}'`;
    const out: Target = { name: local, language: a.spec.language, timeZone: a.spec.timeZone };
    if (a.spec.voiceId) out.voice = a.spec.voiceId;
    Object.assign(out, flow(a.spec.defaultFlow, department, `${where}, business hours`, a.id));
    if (a.spec.afterHours) {
      const id = a.spec.afterHours.scheduleId.toLowerCase();
      const shared = names.sharedOf(id);
      const own = ownHours.has(id) ? scheduleById.get(id) : undefined;
      if (own?.spec.kind === "weekly") out.businessHours = { weekly: weeklyText(own.spec.hours) };
      else if (shared) out.businessHours = { schedule: shared };
      else
        report.add(
          "phone-service",
          a.id,
          `${where}: its after-hours schedule ${a.spec.afterHours.scheduleId} is not exported; the attendant is written as always open`,
        );
      if (out.businessHours && !isDisconnectOnly(a.spec.afterHours.flow))
        out.afterHours = flow(a.spec.afterHours.flow, department, `${where}, after hours`, a.id);
    }
    const holidays = new Map<string, Target>();
    for (const h of a.spec.holidays ?? []) {
      const calendar = names.calendarOf(h.scheduleId);
      if (!calendar) {
        report.add(
          "phone-service",
          a.id,
          `${where}: holiday schedule ${h.scheduleId} is not exported; left out`,
        );
        continue;
      }
      if (!holidays.has(calendar))
        holidays.set(calendar, {
          calendar,
          ...flow(h.flow, department, `${where}, holiday ${calendar}`, a.id),
        });
    }
    if (holidays.size > 0) out.holidays = [...holidays.values()];
    if (a.spec.operator) {
      const to = target(a.spec.operator, department);
      if (typeof to === "string")
        report.add("phone-service", a.id, `${where}: the operator is left out: ${to}`);
      else out.operator = to;
    }
    const scope = (a.spec.dialScopeGroupIds ?? []).map((g) => g.toLowerCase());
    if (scope.length === 0) out.dialScope = "tenant";
    else if (!(scope.length === 1 && scope[0] === groupOf.get(department)))
      report.add(
        "phone-service",
        a.id,
        `${where}: dial-by-name searches groups ${scope.join(", ")}; a definition scopes it to the department or the tenant, written as the department`,
      );
    return out;
  }

  for (const q of sortedBy(state.callQueues, (x) => x.spec.name)) {
    const o = owner(q.spec.name);
    if (!o) {
      unowned("call queue", q.id, q.spec.name);
      continue;
    }
    of(o.department).cq.push(exportQueue(q, o.department, o.local));
  }
  function exportQueue(q: CallQueue, department: string, local: string): Target {
    const s = q.spec;
    const where = `call queue '${s.name}'`;
    const groups = (s.agentGroups ?? []).map((g) => g.toLowerCase());
    const users = s.agents.flatMap((id) => {
      const upn = ctx.upnOf(id);
      if (!upn)
        report.add("phone-service", q.id, `${where}: agent ${id} is not in the tenant's users; left out`);
      return upn ? [upn] : [];
    });
    let agents: unknown;
    if (groups.length > 0) {
      if (groups.length > 1 || users.length > 0)
        report.add(
          "phone-service",
          q.id,
          `${where}: agents come from ${groups.length} group(s) and ${users.length} user(s); a definition takes one group or users, written as group ${groups[0]}`,
        );
      agents = groups[0] === groupOf.get(department) ? "department" : { group: s.agentGroups![0] };
    } else if (users.length > 0) {
      if (users.length > 20)
        report.add(
          "phone-service",
          q.id,
          `${where}: ${users.length} agents by name; a definition takes 20, the first 20 written`,
        );
      agents = { users: users.slice(0, 20) };
    } else {
      report.add(
        "phone-service",
        q.id,
        `${where}: has no agents; written with the department's group as agents`,
      );
      agents = "department";
    }
    const exit = (
      kind: "overflow" | "timeout",
      e: { action: string; target?: string; transcription?: boolean } | undefined,
    ) => {
      if (!e) return {};
      const action = EXIT_ACTIONS[e.action];
      if (!action) {
        report.add(
          "phone-service",
          q.id,
          `${where}: ${kind} action ${e.action} has no definition word; left as disconnect`,
        );
        return { action: "disconnect" };
      }
      if (!e.target) return { action };
      const to = exitTarget(e.action, e.target, department, e.transcription);
      if (typeof to === "string") {
        report.add("phone-service", q.id, `${where}: ${kind} target left out (${to}); written as disconnect`);
        return { action: "disconnect" };
      }
      return { action, to };
    };
    if (s.useDefaultMusicOnHold === false && !s.musicOnHoldAudioFileId)
      report.add(
        "phone-service",
        q.id,
        `${where}: plays its own music on hold with no audio file id Get-CsCallQueue shows; written as Teams' default`,
      );
    return {
      name: local,
      ...(s.language ? { language: s.language } : {}),
      agents,
      ...(s.routing ? { routing: s.routing } : {}),
      ...(s.presenceBasedRouting !== undefined ? { presenceBasedRouting: s.presenceBasedRouting } : {}),
      ...(s.allowOptOut !== undefined ? { allowOptOut: s.allowOptOut } : {}),
      ...(s.agentAlertTime !== undefined ? { agentAlertTime: s.agentAlertTime } : {}),
      overflow: {
        ...(s.overflowThreshold !== undefined ? { threshold: s.overflowThreshold } : {}),
        ...exit("overflow", s.overflow),
      },
      timeout: {
        ...(s.timeoutSeconds !== undefined ? { seconds: s.timeoutSeconds } : {}),
        ...exit("timeout", s.timeout),
      },
      ...(s.welcomeText ? { welcome: s.welcomeText } : {}),
      ...(s.useDefaultMusicOnHold === false && s.musicOnHoldAudioFileId
        ? { musicOnHold: { audioFileId: s.musicOnHoldAudioFileId } }
        : {}),
    };
  }

  const accountDepartment = new Map<string, string>();
  for (const r of sortedBy(state.resourceAccounts, (x) => x.spec.userPrincipalName.toLowerCase())) {
    const o = ownerOf(r.spec.userPrincipalName.toLowerCase(), "ra-", departmentIds);
    if (!o) {
      unowned("resource account", r.objectId, r.spec.userPrincipalName);
      continue;
    }
    const exported = exportAccount(r, o.department);
    if (!exported) continue;
    of(o.department).ra.push(exported);
    accountDepartment.set(r.objectId.toLowerCase(), o.department);
  }
  function exportAccount(r: ResourceAccount, department: string): Target | undefined {
    const answers = r.association
      ? configurationTarget(r.association.configurationId, department)
      : "it answers for nothing";
    if (typeof answers === "string") {
      report.add(
        "phone-service",
        r.objectId,
        `resource account ${r.spec.userPrincipalName}: ${answers}; not exported`,
      );
      return undefined;
    }
    return {
      userPrincipalName: r.spec.userPrincipalName,
      displayName: r.spec.displayName,
      answers,
      ...(r.phoneNumber ? { number: r.phoneNumber } : {}),
      usageLocation: ctx.usageLocationOf(r.objectId) ?? ctx.defaultUsageLocation,
    };
  }

  const out = new Map<string, Record<string, unknown>>();
  for (const id of [...byDepartment.keys()].sort()) {
    const d = byDepartment.get(id)!;
    out.set(id, {
      ...(d.ra.length > 0 ? { resourceAccounts: d.ra } : {}),
      ...(d.aa.length > 0 ? { autoAttendants: d.aa } : {}),
      ...(d.cq.length > 0 ? { callQueues: d.cq } : {}),
    });
  }
  const any = phoneSchedules.holidayCalendars.length + phoneSchedules.schedules.length > 0;
  return { ...(any ? { phoneSchedules } : {}), byDepartment: out, accountDepartment };
}

function sortedBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
