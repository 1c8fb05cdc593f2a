/**
 * create/update of one department's `PhoneServices`: the per-object diff (diff.ts) applied in dependency order,
 * names resolved to ids as it goes (resolve.ts):
 *   1. the attendants' own weekly-hours schedules;
 *   2. resource accounts (application instances; no dependency, and queue exits reach an attendant or a queue
 *      through its account);
 *   3. call queues; 4. auto attendants (an attendant another one targets first);
 *   5. associations (one New-CsOnlineApplicationInstanceAssociation per attendant or queue); 6. numbers, each
 *      after its account's usage location is checked;
 *   7. removals, in reverse: accounts (refused while a number points at them), attendants, queues, schedules.
 * Each object that fails is recorded and skipped, the others go on; what depends on a failed object fails
 * with it. The held lines record what WAS applied, so a re-run applies only the rest.
 * Before creating, the objects of that kind are listed once and an object of the same name is adopted (updated
 * instead of created): a create whose answer was lost, or a re-created state, does not make a duplicate.
 */
import {
  associate,
  createAutoAttendant,
  createCallQueue,
  createResourceAccount,
  createSchedule,
  dissociate,
  listAutoAttendants,
  listCallQueues,
  listResourceAccounts,
  listSchedules,
  removeAutoAttendant,
  removeCallQueue,
  removeResourceAccountNumber,
  removeSchedule,
  assignResourceAccountNumber,
  updateAutoAttendant,
  updateCallQueue,
  updateResourceAccount,
  updateSchedule,
  type NumberType,
} from "./adapter";
import type { PhoneServicesBackend } from "./backend";
import type { DesiredAutoAttendant, DesiredResourceAccount, DesiredTarget } from "./desired";
import { diffItems, phoneServicesItems, type DesiredItem, type PhoneServicesInputs } from "./diff";
import { heldKey, type Held, type HeldKind } from "./held";
import { prop, stringProp } from "../powershell/results";
import { isNotFound } from "../../notFound";
import { attendantSpec, ownHoursSpec, queueSpec, UnresolvedError, type ResolvedIds } from "./resolve";

export interface PhoneFailure {
  kind: HeldKind;
  key: string;
  action: "create" | "update" | "remove";
  reason: string;
}

export interface PhoneApplyResult {
  held: Held;
  failed: PhoneFailure[];
}

const NUMBER_TYPES: Record<string, NumberType> = {
  directRouting: "DirectRouting",
  callingPlan: "CallingPlan",
  operatorConnect: "OperatorConnect",
};

/** A removal whose object is already gone (removed out of band, or by a run whose answer was lost) is done. */
async function gone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Targets named in an attendant (menus, operator), for creating attendants in order. */
function attendantRefs(a: DesiredAutoAttendant): string[] {
  const out: string[] = [];
  const visit = (t: DesiredTarget | undefined) => {
    if (t?.type === "autoAttendant") out.push(t.name.toLowerCase());
  };
  const flows = [a.open, a.afterHours, ...(a.holidays ?? []).map((h) => h.flow)];
  for (const f of flows) for (const o of f?.options ?? []) visit(o.target);
  visit(a.operator);
  return out;
}

export async function applyPhoneServices(
  backend: PhoneServicesBackend,
  inputs: PhoneServicesInputs,
  heldIn: Held,
): Promise<PhoneApplyResult> {
  const ps = backend.ps;
  const held: Held = new Map(heldIn);
  const failed: PhoneFailure[] = [];
  const diff = diffItems(phoneServicesItems(inputs), heldIn);
  const todo = (kind: HeldKind) => [...diff.create, ...diff.update].filter((i) => i.kind === kind);
  const creating = (kind: HeldKind) => diff.create.some((i) => i.kind === kind);
  const idOf = (kind: HeldKind, key: string) => held.get(heldKey(kind, key))?.id;
  const keep = (item: DesiredItem, id: string) =>
    held.set(heldKey(item.kind, item.key), { kind: item.kind, key: item.key, id, hash: item.hash });
  const fail = (kind: HeldKind, key: string, action: PhoneFailure["action"], error: unknown) =>
    failed.push({ kind, key, action, reason: reasonOf(error) });
  const actionOf = (item: DesiredItem) => (held.has(heldKey(item.kind, item.key)) ? "update" : "create");

  const attendants = new Map(inputs.autoAttendants.map((a) => [a.name.toLowerCase(), a]));
  const queues = new Map(inputs.callQueues.map((q) => [q.name.toLowerCase(), q]));
  const accounts = new Map(inputs.resourceAccounts.map((r) => [r.userPrincipalName.toLowerCase(), r]));

  // Users named by the objects this run writes, looked up once.
  const upns = new Set<string>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(collect);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "user" && typeof o.userPrincipalName === "string") upns.add(o.userPrincipalName);
      Object.values(o).forEach(collect);
    }
  };
  for (const i of todo("queue")) {
    const q = queues.get(i.key.toLowerCase());
    q?.agents.forEach((u) => upns.add(u));
    collect(q);
  }
  for (const i of todo("attendant")) collect(attendants.get(i.key.toLowerCase()));
  const users = upns.size > 0 ? await backend.resolveUsers([...upns]) : new Map();
  const userReason = (upn: string) => {
    const u = users.get(upn.toLowerCase());
    return u && "reason" in u ? `: ${u.reason}` : "";
  };

  const ids: ResolvedIds = {
    attendant: (n) => idOf("attendant", n),
    queue: (n) => idOf("queue", n),
    accountFor: (type, name) => {
      const r = inputs.resourceAccounts.find(
        (a) => a.answers.type === type && a.answers.name.toLowerCase() === name.toLowerCase(),
      );
      return r ? idOf("account", r.userPrincipalName) : undefined;
    },
    user: (upn) => {
      const u = users.get(upn.toLowerCase());
      return u && "id" in u ? u.id : undefined;
    },
    ownHours: (n) => idOf("schedule", n),
    schedules: inputs.scheduleIds,
  };
  const explain = (error: unknown) =>
    error instanceof UnresolvedError && /^(user|agent) /.test(error.message)
      ? `${error.message}${userReason(error.message.split(" ")[1])}`
      : reasonOf(error);

  // Existing objects by name, listed once per kind that has something to create.
  const adopt = async <T>(
    kind: HeldKind,
    list: () => Promise<T[]>,
    nameOf: (t: T) => string,
    id: (t: T) => string,
  ) => {
    if (!creating(kind)) return new Map<string, string>();
    return new Map((await list()).map((t) => [nameOf(t).toLowerCase(), id(t)]));
  };

  // 1. Own weekly hours.
  const existingSchedules = await adopt(
    "schedule",
    () => listSchedules(ps),
    (s) => s.spec.name,
    (s) => s.id,
  );
  for (const item of todo("schedule")) {
    const a = attendants.get(item.key.toLowerCase());
    if (!a?.hours || !("weekly" in a.hours)) continue;
    const spec = ownHoursSpec(a.name, a.hours.weekly);
    try {
      const id = idOf("schedule", item.key) ?? existingSchedules.get(spec.name.toLowerCase());
      if (id) await updateSchedule(ps, id, spec);
      keep(item, id ?? (await createSchedule(ps, spec)));
    } catch (error) {
      fail("schedule", item.key, actionOf(item), error);
    }
  }

  // 2. Resource accounts.
  const existingAccounts = await adopt(
    "account",
    () => listResourceAccounts(ps),
    (r) => r.spec.userPrincipalName,
    (r) => r.objectId,
  );
  for (const item of todo("account")) {
    const r = accounts.get(item.key.toLowerCase()) as DesiredResourceAccount;
    try {
      let id = idOf("account", item.key) ?? existingAccounts.get(item.key.toLowerCase());
      if (id) {
        // The application can only change while the account answers for nothing (New-CsOnlineApplicationInstanceAssociation.md).
        const assoc = held.get(heldKey("assoc", item.key));
        if (assoc && !assoc.id.startsWith(`${r.answers.type}:`)) {
          await dissociate(ps, [id]);
          held.delete(heldKey("assoc", item.key));
        }
        await updateResourceAccount(ps, id, { displayName: r.displayName, kind: r.answers.type });
      } else {
        id = await createResourceAccount(ps, {
          userPrincipalName: r.userPrincipalName,
          displayName: r.displayName,
          kind: r.answers.type,
        });
      }
      keep(item, id);
    } catch (error) {
      fail("account", item.key, actionOf(item), error);
    }
  }

  // 3. Call queues.
  const existingQueues = await adopt(
    "queue",
    () => listCallQueues(ps),
    (q) => q.spec.name,
    (q) => q.id,
  );
  for (const item of todo("queue")) {
    const q = queues.get(item.key.toLowerCase());
    if (!q) continue;
    try {
      const spec = queueSpec(q, ids);
      const id = idOf("queue", item.key) ?? existingQueues.get(q.name.toLowerCase());
      if (id) await updateCallQueue(ps, id, spec);
      keep(item, id ?? (await createCallQueue(ps, spec)));
    } catch (error) {
      failed.push({ kind: "queue", key: item.key, action: actionOf(item), reason: explain(error) });
    }
  }

  // 4. Auto attendants, an attendant another one targets first.
  const existingAttendants = await adopt(
    "attendant",
    () => listAutoAttendants(ps),
    (a) => a.spec.name,
    (a) => a.id,
  );
  let pending = todo("attendant");
  const revisit: DesiredItem[] = [];
  const writeAttendant = async (item: DesiredItem, partial: boolean) => {
    const a = attendants.get(item.key.toLowerCase()) as DesiredAutoAttendant;
    const action = actionOf(item);
    try {
      const spec = attendantSpec(a, ids, partial);
      const id = idOf("attendant", item.key) ?? existingAttendants.get(a.name.toLowerCase());
      if (id) await updateAutoAttendant(ps, id, spec);
      const created = id ?? (await createAutoAttendant(ps, spec));
      // A partial attendant is held with no hash: if its second write fails, the next run sends it again.
      if (partial) held.set(heldKey("attendant", item.key), { ...item, id: created, hash: "-" });
      else keep(item, created);
      return true;
    } catch (error) {
      failed.push({ kind: "attendant", key: item.key, action, reason: explain(error) });
      return false;
    }
  };
  while (pending.length > 0) {
    const waiting = new Set(pending.map((i) => i.key.toLowerCase()));
    const ready = pending.filter((i) => {
      const refs = attendantRefs(attendants.get(i.key.toLowerCase()) as DesiredAutoAttendant);
      return !refs.some((r) => waiting.has(r) && !idOf("attendant", r));
    });
    if (ready.length > 0) {
      for (const item of ready) await writeAttendant(item, false);
      pending = pending.filter((i) => !ready.includes(i));
      continue;
    }
    // A cycle of new attendants (or one that targets itself): the first is made without those targets, the
    // cycle then unwinds, and it is written whole at the end.
    const [first, ...rest] = pending;
    if (await writeAttendant(first, true)) revisit.push(first);
    pending = rest;
  }
  for (const item of revisit) await writeAttendant(item, false);

  // 5. Associations: changed ones are removed first, then one request per attendant or queue.
  const assocs = todo("assoc");
  const moving = assocs.filter((i) => held.has(heldKey("assoc", i.key)));
  for (const item of moving) {
    const accountId = idOf("account", item.key);
    try {
      if (accountId) await dissociate(ps, [accountId]);
      held.delete(heldKey("assoc", item.key));
    } catch (error) {
      fail("assoc", item.key, "update", error);
    }
  }
  const byConfiguration = new Map<string, DesiredItem[]>();
  for (const item of assocs) {
    if (held.has(heldKey("assoc", item.key))) continue; // its removal failed
    const list = byConfiguration.get(item.id as string) ?? [];
    list.push(item);
    byConfiguration.set(item.id as string, list);
  }
  for (const [configuration, items] of byConfiguration) {
    const [type, ...rest] = configuration.split(":");
    const name = rest.join(":");
    const kind = type as "autoAttendant" | "callQueue";
    const configurationId = kind === "autoAttendant" ? ids.attendant(name) : ids.queue(name);
    const ready = items.filter((i) => idOf("account", i.key));
    for (const i of items.filter((x) => !idOf("account", x.key)))
      fail("assoc", i.key, "create", new UnresolvedError(`resource account ${i.key} was not created`));
    if (ready.length === 0) continue;
    if (!configurationId) {
      for (const i of ready)
        fail("assoc", i.key, "create", new UnresolvedError(`'${name}' has no id (it was not created)`));
      continue;
    }
    try {
      await associate(
        ps,
        ready.map((i) => idOf("account", i.key) as string),
        configurationId,
        kind,
      );
      for (const i of ready) keep(i, i.id as string);
    } catch (error) {
      for (const i of ready) fail("assoc", i.key, "create", error);
    }
  }

  // 6. Numbers (Set-/Remove-CsPhoneNumberAssignment with the account as -Identity).
  const removedAccounts = new Set(
    diff.remove.filter((r) => r.kind === "account").map((r) => r.key.toLowerCase()),
  );
  const unassign = async (key: string, heldId: string) => {
    const accountId = idOf("account", key);
    const [number, type] = heldId.split("|");
    if (accountId)
      await removeResourceAccountNumber(ps, accountId, number, NUMBER_TYPES[type] ?? "DirectRouting");
    held.delete(heldKey("number", key));
  };
  for (const r of diff.remove.filter(
    (x) => x.kind === "number" && !removedAccounts.has(x.key.toLowerCase()),
  )) {
    try {
      await unassign(r.key, r.id);
    } catch (error) {
      fail("number", r.key, "remove", error);
    }
  }
  for (const item of todo("number")) {
    const accountId = idOf("account", item.key);
    try {
      const before = held.get(heldKey("number", item.key));
      if (before && before.id !== item.id) await unassign(item.key, before.id);
      if (!accountId) throw new UnresolvedError(`resource account ${item.key} was not created`);
      // A public number rings only once its account answers for an attendant or a queue: not before.
      if (!held.has(heldKey("assoc", item.key)))
        throw new UnresolvedError(
          `resource account ${item.key} does not answer for its attendant or queue yet`,
        );
      const [number, type] = (item.id as string).split("|");
      if (!NUMBER_TYPES[type]) throw new Error(`number ${number} has no numberType`);
      const r = accounts.get(item.key.toLowerCase()) as DesiredResourceAccount;
      await backend.ensureUsageLocation(accountId, r.userPrincipalName, r.usageLocation);
      // The licence needs the usage location (assignLicense refuses without one), the number needs the licence.
      await backend.ensureLicence(accountId, r.userPrincipalName);
      if (!before || before.id !== item.id)
        await assignResourceAccountNumber(ps, accountId, number, NUMBER_TYPES[type]);
      keep(item, item.id as string);
    } catch (error) {
      fail("number", item.key, actionOf(item), error);
    }
  }

  // 7. Removals.
  for (const r of diff.remove.filter((x) => x.kind === "account")) {
    try {
      const live = await ps
        .run("Get-CsOnlineApplicationInstance", { Identity: r.id })
        .catch((error: unknown) => {
          if (isNotFound(error)) return [];
          throw error;
        });
      const number = live[0] ? stringProp(live[0], "PhoneNumber") : undefined;
      if (number || held.has(heldKey("number", r.key)))
        throw new Error(
          `resource account ${r.key} still has the number ${number ?? held.get(heldKey("number", r.key))?.id.split("|")[0]}: ` +
            `remove its \`number\` from the definition and apply that first, then remove the account`,
        );
      if (live[0] && prop(live[0], "ObjectId") !== undefined && held.has(heldKey("assoc", r.key)))
        await dissociate(ps, [r.id]);
      held.delete(heldKey("assoc", r.key));
      await gone(() => backend.deleteAccount(r.id, r.key));
      held.delete(heldKey("account", r.key));
    } catch (error) {
      fail("account", r.key, "remove", error);
    }
  }
  for (const r of diff.remove.filter(
    (x) => x.kind === "assoc" && !removedAccounts.has(x.key.toLowerCase()),
  )) {
    // The account stays but answers for nothing any more (check refuses that; kept for old state).
    try {
      const accountId = idOf("account", r.key);
      if (accountId) await dissociate(ps, [accountId]);
      held.delete(heldKey("assoc", r.key));
    } catch (error) {
      fail("assoc", r.key, "remove", error);
    }
  }
  const answering = (type: string, name: string) =>
    [...held.values()].filter(
      (h) => h.kind === "assoc" && h.id.toLowerCase() === `${type}:${name}`.toLowerCase(),
    );
  const removeConfiguration = async (kind: "attendant" | "queue", r: { key: string; id: string }) => {
    const users = answering(kind === "attendant" ? "autoAttendant" : "callQueue", r.key);
    if (users.length > 0)
      throw new Error(
        `resource account(s) ${users.map((u) => u.key).join(", ")} still answer for it${
          users.some((u) => held.has(heldKey("number", u.key))) ? " with a public number" : ""
        }: point them elsewhere or remove them first`,
      );
    await gone(() => (kind === "attendant" ? removeAutoAttendant(ps, r.id) : removeCallQueue(ps, r.id)));
    held.delete(heldKey(kind, r.key));
  };
  for (const kind of ["attendant", "queue"] as const)
    for (const r of diff.remove.filter((x) => x.kind === kind)) {
      try {
        await removeConfiguration(kind, r);
      } catch (error) {
        fail(kind, r.key, "remove", error);
      }
    }
  for (const r of diff.remove.filter((x) => x.kind === "schedule")) {
    try {
      await gone(() => removeSchedule(ps, r.id));
      held.delete(heldKey("schedule", r.key));
    } catch (error) {
      fail("schedule", r.key, "remove", error);
    }
  }
  return { held, failed };
}
