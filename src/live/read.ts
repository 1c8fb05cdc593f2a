/**
 * `readLiveTenant`: everything `tenant export` and `tenant drift` need from a live tenant, read once through
 * Graph (paged with `$select`, owners in `$batch`es of 20, retries with Retry-After inside the GraphClient) and
 * the Teams PowerShell adapter, into the plain `LiveTenant` snapshot.
 *
 * Resumable: with `checkpointDir`, each finished section is saved, and the long paged sections (users,
 * numbers, userConfigurations) save every page with the cursor of the next; a re-run continues where the last
 * one stopped (`fresh` starts over). The caller discards the checkpoint once it has used the snapshot.
 */
import type { GraphClient } from "../graph";
import type { TeamsPowerShellAdmin } from "../teams/admin/port";
import { toInventoryNumber, type NumberAssignmentJson } from "../teams/graph/inventory";
import { ReadCheckpoint } from "./readCheckpoint";
import {
  CA_NAMED_LOCATIONS_PATH,
  ADMINISTRATIVE_UNITS_PATH,
  CA_POLICIES_PATH,
  GROUPS_PATH,
  NUMBERS_PAGE,
  NUMBERS_PATH,
  ORGANIZATION_PATH,
  SKUS_PATH,
  USERS_PATH,
  USER_CONFIGURATIONS_PATH,
  mostCommon,
  membersPath,
  ownersPath,
  toGroup,
  toOrganization,
  toSku,
  toUser,
  toUserConfiguration,
  type WireGroup,
  type WireOrganization,
  type WireSku,
  type WireUser,
  type WireUserConfiguration,
} from "./readGraph";
import { LIVE_SECTIONS, type LiveSection, type ReadProgress } from "./readProgress";
import { readPhoneServices, type PhoneServicesRunner } from "../teams/phoneServices/adapter";
import { inferGlobalPolicies, readCivicAddresses, readPolicies, readVoiceRoutes } from "./readTeams";
import type { LiveGroup, LiveSku, LiveTenant } from "./snapshot";

export interface LiveReadDeps {
  graph: GraphClient;
  powershell: TeamsPowerShellAdmin;
}

export interface LiveReadOptions {
  /** Save finished sections and pages here, and reuse what an earlier run saved. */
  checkpointDir?: string;
  /** Ignore (and delete) an earlier run's checkpoint. */
  fresh?: boolean;
  progress?: ReadProgress;
  /** Clock for `readAt` (tests). */
  now?: () => Date;
}

export interface LiveReadResult {
  tenant: LiveTenant;
  /** Sections (and pages) taken from the checkpoint rather than the tenant. */
  resumed: string[];
  checkpoint?: ReadCheckpoint;
}

interface Page<T> {
  items: T[];
  next: string | undefined;
}

/** Reads the whole tenant; see the module comment. */
export async function readLiveTenant(
  deps: LiveReadDeps,
  options: LiveReadOptions = {},
): Promise<LiveReadResult> {
  const { graph, powershell: ps } = deps;
  const progress = options.progress ?? (() => undefined);
  const endpoint = graph.endpoint.origin;
  const checkpoint = options.checkpointDir
    ? ReadCheckpoint.open(options.checkpointDir, endpoint, options.fresh === true)
    : undefined;

  /** One whole section: from the checkpoint when it is there, else read and saved. */
  const section = async <T>(
    name: LiveSection,
    read: () => Promise<T>,
    count: (v: T) => number,
  ): Promise<T> => {
    progress({
      kind: "section-start",
      section: name,
      index: LIVE_SECTIONS.indexOf(name),
      total: LIVE_SECTIONS.length,
    });
    const saved = checkpoint?.section<T>(name);
    if (saved !== undefined) {
      progress({ kind: "resumed", section: name, pages: 0, items: count(saved) });
      progress({ kind: "section-done", section: name, items: count(saved), resumed: true });
      return saved;
    }
    const value = await read();
    checkpoint?.saveSection(name, value);
    progress({ kind: "section-done", section: name, items: count(value), resumed: false });
    return value;
  };

  /** A long paged section: saved page by page, resumed from the last saved cursor. */
  const paged = <T>(name: LiveSection, first: string, fetchPage: (cursor: string) => Promise<Page<T>>) =>
    section<T[]>(
      name,
      async () => {
        const items: T[] = [];
        let cursor: string | undefined = first;
        let pages = 0;
        for (const page of checkpoint?.pages<T>(name) ?? []) {
          items.push(...page.items);
          cursor = page.next;
          pages += 1;
        }
        if (pages > 0) progress({ kind: "resumed", section: name, pages, items: items.length });
        while (cursor !== undefined) {
          const page = await fetchPage(cursor);
          items.push(...page.items);
          pages += 1;
          checkpoint?.savePage(name, pages, page);
          progress({ kind: "page", section: name, pages, items: items.length });
          cursor = page.next;
        }
        return items;
      },
      (v) => v.length,
    );

  /** nextLink paging, mapping each page as it arrives so only the snapshot's shape is held and saved. */
  const nextLinkPage =
    <W, T>(map: (w: W) => T) =>
    async (cursor: string): Promise<Page<T>> => {
      const body = await graph.get<{ value?: W[]; "@odata.nextLink"?: string }>(cursor);
      return { items: (body?.value ?? []).map(map), next: body?.["@odata.nextLink"] };
    };

  const organization = await section(
    "organization",
    async () => {
      const body = await graph.get<{ value?: WireOrganization[] }>(ORGANIZATION_PATH);
      return toOrganization(body?.value?.[0]);
    },
    () => 1,
  );
  const skus = await section(
    "skus",
    async () => (await graph.getAll<WireSku>(SKUS_PATH)).map(toSku),
    (v) => v.length,
  );
  const skuById: ReadonlyMap<string, LiveSku> = new Map(skus.map((s) => [s.skuId, s]));
  const groupsWithoutOwners = await paged<LiveGroup>(
    "groups",
    GROUPS_PATH,
    nextLinkPage((g: WireGroup) => toGroup(g, skuById)),
  );
  const groups = await section(
    "owners",
    async () => readMemberCounts(graph, await readOwners(graph, groupsWithoutOwners)),
    (v) => v.length,
  );
  const users = await paged(
    "users",
    USERS_PATH,
    nextLinkPage((u: WireUser) => toUser(u, skuById)),
  );
  const numbers = await paged("numbers", "0", async (cursor) => {
    // $top/$skip paging (the inventory has no nextLink); the cursor is the next $skip.
    const skip = Number(cursor);
    const body = await graph.get<{ value?: NumberAssignmentJson[] }>(
      `${NUMBERS_PATH}?$top=${NUMBERS_PAGE}&$skip=${skip}`,
    );
    const value = body?.value ?? [];
    return {
      items: value.map(toInventoryNumber),
      next: value.length < NUMBERS_PAGE ? undefined : String(skip + NUMBERS_PAGE),
    };
  });
  const userConfigurations = await paged(
    "userConfigurations",
    USER_CONFIGURATIONS_PATH,
    nextLinkPage((c: WireUserConfiguration) => toUserConfiguration(c)),
  );
  const policies = await section(
    "policies",
    () => readPolicies(ps),
    (v) => v.length,
  );
  const pstnUsages = await section(
    "pstnUsages",
    () => ps.getPstnUsages(),
    (v) => v.length,
  );
  const voiceRoutes = await section(
    "voiceRoutes",
    () => readVoiceRoutes(ps),
    (v) => v.length,
  );
  const civicAddresses = await section(
    "civicAddresses",
    () => readCivicAddresses(ps),
    (v) => v.length,
  );
  const groupPolicyAssignments = await section(
    "groupPolicyAssignments",
    () => ps.listGroupPolicyAssignments({}),
    (v) => v.length,
  );

  // Attendants, queues, resource accounts and schedules (issue #15): the phone-services adapter's own read,
  // through the same PowerShell session. A session without the generic runner (a test double of the typed
  // port) has no phone services to report.
  const runner = ps as unknown as Partial<PhoneServicesRunner>;
  const phoneServices =
    typeof runner.run === "function"
      ? await section(
          "phoneServices",
          () => readPhoneServices(runner as PhoneServicesRunner),
          (v) => v.autoAttendants.length + v.callQueues.length + v.resourceAccounts.length,
        )
      : undefined;

  // The identity layer's conditional access baseline (issue #16), as Graph v1.0 returns it.
  const conditionalAccess = await section(
    "conditionalAccess",
    async () => ({
      policies: await graph.getAll<Record<string, unknown>>(CA_POLICIES_PATH),
      namedLocations: await graph.getAll<Record<string, unknown>>(CA_NAMED_LOCATIONS_PATH),
    }),
    (v) => v.policies.length + v.namedLocations.length,
  );

  // The departments' administrative units (issue #16), as Graph v1.0 returns them.
  const administrativeUnits = await section(
    "administrativeUnits",
    () => graph.getAll<Record<string, unknown>>(ADMINISTRATIVE_UNITS_PATH),
    (v) => v.length,
  );

  const tenant: LiveTenant = {
    readAt: (options.now ?? (() => new Date()))().toISOString(),
    graphEndpoint: endpoint,
    organization: {
      ...organization,
      defaultUsageLocation:
        organization.defaultUsageLocation ?? mostCommon(users.map((u) => u.usageLocation)),
    },
    skus,
    groups,
    users,
    numbers,
    userConfigurations,
    teams: {
      policies,
      pstnUsages,
      voiceRoutes,
      civicAddresses,
      groupPolicyAssignments,
      globalPolicies: inferGlobalPolicies(policies),
    },
    ...(phoneServices ? { phoneServices } : {}),
    conditionalAccess,
    administrativeUnits,
  };
  return { tenant, resumed: checkpoint ? [...checkpoint.reused] : [], checkpoint };
}

/**
 * Member counts of every group, 20 groups per `$batch`; a group with more members than one page follows its
 * nextLink. Read with the owners (one section), so a resumed read has both or neither.
 */
async function readMemberCounts(graph: GraphClient, groups: LiveGroup[]): Promise<LiveGroup[]> {
  type Members = { value?: { id?: string }[]; "@odata.nextLink"?: string };
  const results = await graph.batch<Members>(groups.map((g) => ({ method: "GET", url: membersPath(g.id) })));
  const out: LiveGroup[] = [];
  for (const [i, group] of groups.entries()) {
    const r = results[i];
    if (!r.ok || !r.body) {
      throw new Error(
        `reading the members of group ${group.displayName} (${group.id}) failed: ${r.error?.message ?? `HTTP ${r.status}`}`,
      );
    }
    let count = r.body.value?.length ?? 0;
    if (r.body["@odata.nextLink"])
      count += (await graph.getAll<{ id?: string }>(r.body["@odata.nextLink"])).length;
    out.push({ ...group, memberCount: count });
  }
  return out;
}

/**
 * Owners of every group, 20 groups per `$batch`; a group with more owners than one page follows its nextLink.
 * An inner failure the client could not retry away fails the read, naming the group.
 */
async function readOwners(graph: GraphClient, groups: LiveGroup[]): Promise<LiveGroup[]> {
  type Owners = { value?: { userPrincipalName?: string | null }[]; "@odata.nextLink"?: string };
  const results = await graph.batch<Owners>(groups.map((g) => ({ method: "GET", url: ownersPath(g.id) })));
  const out: LiveGroup[] = [];
  for (const [i, group] of groups.entries()) {
    const r = results[i];
    if (!r.ok || !r.body) {
      throw new Error(
        `reading the owners of group ${group.displayName} (${group.id}) failed: ${r.error?.message ?? `HTTP ${r.status}`}`,
      );
    }
    const owners = [...(r.body.value ?? [])];
    if (r.body["@odata.nextLink"])
      owners.push(...(await graph.getAll<{ userPrincipalName?: string | null }>(r.body["@odata.nextLink"])));
    out.push({
      ...group,
      ownerUpns: owners.flatMap((o) => (o.userPrincipalName ? [o.userPrincipalName] : [])),
    });
  }
  return out;
}
