import type { Clock } from "../clock";
import { evaluateRule, parseRule, RuleSyntaxError, type RuleNode } from "./membershipRule";
import type { GroupRecord, JobRecord, SkuRecord, StateDocument, TenantInfo, UserRecord } from "./types";

/** Applies one phase of a job when the clock reaches it (`at` is the phase's own time, not "now"). */
export type JobHandler = (state: TenantState, job: JobRecord, phase: string, at: number) => void;

/**
 * The in-memory tenant: the state document plus indexes and derived data (dynamic group members).
 * Route handlers read and change it; every change bumps `revision`, which tells the saver to persist.
 */
export class TenantState {
  /** Bumped on every change; persistence compares it with what it last wrote. */
  revision = 0;
  private readonly usersById = new Map<string, UserRecord>();
  private readonly usersByUpn = new Map<string, UserRecord>();
  private readonly groupsById = new Map<string, GroupRecord>();
  private readonly skusById = new Map<string, SkuRecord>();
  private readonly jobHandlers = new Map<string, JobHandler>();
  /** Bumped when users come or go or change attributes: dynamic memberships depend on it. */
  private directoryRevision = 0;
  private readonly memberCache = new Map<
    string,
    { revision: number; rule: string | null; ids: UserRecord[] }
  >();
  private readonly parsedRules = new Map<string, RuleNode | null>();
  private jobSeq = 0;

  constructor(
    readonly doc: StateDocument,
    readonly clock: Clock,
  ) {
    for (const u of doc.users) this.indexUser(u);
    for (const g of doc.groups) this.groupsById.set(g.id, g);
    for (const s of doc.skus) this.skusById.set(s.skuId.toLowerCase(), s);
    this.jobSeq = doc.jobs.length;
  }

  get tenant(): TenantInfo {
    return this.doc.tenant;
  }

  get users(): readonly UserRecord[] {
    return this.doc.users;
  }

  get groups(): readonly GroupRecord[] {
    return this.doc.groups;
  }

  get skus(): readonly SkuRecord[] {
    return this.doc.skus;
  }

  /** By object id or user principal name, as `/users/{id|userPrincipalName}` accepts. */
  findUser(idOrUpn: string): UserRecord | undefined {
    return this.usersById.get(idOrUpn.toLowerCase()) ?? this.usersByUpn.get(idOrUpn.toLowerCase());
  }

  findGroup(id: string): GroupRecord | undefined {
    return this.groupsById.get(id.toLowerCase());
  }

  findSku(skuId: string): SkuRecord | undefined {
    return this.skusById.get(skuId.toLowerCase());
  }

  addUser(user: UserRecord): UserRecord {
    if (this.findUser(user.id) || this.findUser(user.userPrincipalName)) {
      throw new Error(`user ${user.userPrincipalName} (${user.id}) already exists`);
    }
    this.doc.users.push(user);
    this.indexUser(user);
    this.userChanged();
    return user;
  }

  /**
   * Deletes a user, as an admin's `Remove-MgUser` (Graph v1.0 `DELETE /users/{id}`, user-delete.md) does. The
   * emulator serves no such route because the toolkit holds no permission for it; tests use this to play the
   * operator. Whatever else pointed at the user (a Teams application instance) is the caller's to remove.
   */
  removeUser(idOrUpn: string): boolean {
    const user = this.findUser(idOrUpn);
    if (!user) return false;
    const users = this.doc.users;
    users.splice(users.indexOf(user), 1);
    this.usersById.delete(user.id.toLowerCase());
    this.usersByUpn.delete(user.userPrincipalName.toLowerCase());
    this.userChanged();
    return true;
  }

  addGroup(group: GroupRecord): GroupRecord {
    if (this.findGroup(group.id)) throw new Error(`group ${group.id} already exists`);
    this.doc.groups.push(group);
    this.groupsById.set(group.id.toLowerCase(), group);
    this.touch();
    return group;
  }

  addSku(sku: SkuRecord): SkuRecord {
    if (this.findSku(sku.skuId)) throw new Error(`SKU ${sku.skuPartNumber} (${sku.skuId}) already exists`);
    this.doc.skus.push(sku);
    this.skusById.set(sku.skuId.toLowerCase(), sku);
    this.touch();
    return sku;
  }

  /** Call after changing a user's attributes: memberships are re-evaluated on next read. */
  userChanged(): void {
    this.directoryRevision++;
    this.touch();
  }

  touch(): void {
    this.revision++;
  }

  /** Members of a group: its static list when it has one (a rule the emulator cannot evaluate), else its rule over all users. */
  members(group: GroupRecord): UserRecord[] {
    const cached = this.memberCache.get(group.id);
    if (cached && cached.revision === this.directoryRevision && cached.rule === group.membershipRule) {
      return cached.ids;
    }
    const rule =
      group.membershipRule && group.staticMemberIds.length === 0
        ? this.parsedRule(group.membershipRule)
        : null;
    const members = rule
      ? this.doc.users.filter((u) => evaluateRule(rule, u))
      : group.staticMemberIds.flatMap((id) => this.findUser(id) ?? []);
    this.memberCache.set(group.id, {
      revision: this.directoryRevision,
      rule: group.membershipRule,
      ids: members,
    });
    return members;
  }

  /** The parsed rule, or null when the emulator cannot evaluate it (then static members apply). */
  parsedRule(text: string): RuleNode | null {
    if (!this.parsedRules.has(text)) {
      try {
        this.parsedRules.set(text, parseRule(text));
      } catch (err) {
        if (!(err instanceof RuleSyntaxError)) throw err;
        this.parsedRules.set(text, null);
      }
    }
    return this.parsedRules.get(text) ?? null;
  }

  registerJobKind(kind: string, handler: JobHandler): void {
    this.jobHandlers.set(kind, handler);
  }

  /**
   * Starts background work; a newer job of the same kind on the same target replaces an unfinished one
   * (Graph reprocesses a group from its latest licences, not once per request). The first phase applies now.
   */
  startJob(kind: string, target: string, phases: { name: string; at: number }[], data?: unknown): JobRecord {
    this.doc.jobs = this.doc.jobs.filter((j) => !(j.kind === kind && j.target === target));
    const job: JobRecord = { id: `${kind}-${++this.jobSeq}`, kind, target, phases, reached: -1, data };
    this.doc.jobs.push(job);
    this.touch();
    this.settle(phases[0].at);
    return job;
  }

  /** Applies every job phase whose time has come, in time order; finished jobs are dropped. */
  settle(now = this.clock.now()): void {
    for (;;) {
      let next: { job: JobRecord; at: number } | undefined;
      for (const job of this.doc.jobs) {
        const phase = job.phases[job.reached + 1];
        if (phase && phase.at <= now && (!next || phase.at < next.at)) next = { job, at: phase.at };
      }
      if (!next) break;
      const { job } = next;
      job.reached++;
      const handler = this.jobHandlers.get(job.kind);
      if (!handler) throw new Error(`no handler for background job kind '${job.kind}'`);
      handler(this, job, job.phases[job.reached].name, job.phases[job.reached].at);
      if (job.reached === job.phases.length - 1) this.doc.jobs = this.doc.jobs.filter((j) => j !== job);
      this.touch();
    }
  }

  private indexUser(u: UserRecord): void {
    this.usersById.set(u.id.toLowerCase(), u);
    this.usersByUpn.set(u.userPrincipalName.toLowerCase(), u);
  }
}
