/**
 * The Graph requests of group-based licensing (graph-teams-licensing.md §1.1–§1.4), each one function over
 * the toolkit's GraphClient. Properties that Graph returns only on `$select` (assignedLicenses,
 * licenseProcessingState, licenseAssignmentStates) are always selected explicitly.
 */
import type { GraphClient } from "../../graph";
import { isNotFound } from "../../notFound";
import type { AssignedLicense, LicenceDelta, MemberLicences, SubscribedSku } from "./types";

export interface GroupLicensingView {
  id: string;
  displayName?: string | null;
  assignedLicenses: AssignedLicense[];
  /** `licenseProcessingState.state`, or undefined before any licence was assigned. */
  processingState: string | undefined;
}

const SKU_SELECT = "skuId,skuPartNumber,appliesTo,capabilityStatus,consumedUnits,prepaidUnits,servicePlans";
const GROUP_SELECT = "id,displayName,assignedLicenses,licenseProcessingState";
/** Graph's page limit for directory objects: fewest round trips for a 4,000-member department. */
const PAGE = 999;

export async function readSubscribedSkus(client: GraphClient): Promise<SubscribedSku[]> {
  const page = await client.get<{ value?: SubscribedSku[] }>(`/subscribedSkus?$select=${SKU_SELECT}`);
  return page.value ?? [];
}

/** The group's licences and processing state; undefined when the group does not exist (404). */
export async function readGroup(
  client: GraphClient,
  groupId: string,
): Promise<GroupLicensingView | undefined> {
  let raw: Record<string, unknown>;
  try {
    raw = await client.get<Record<string, unknown>>(
      `/groups/${encodeURIComponent(groupId)}?$select=${GROUP_SELECT}`,
    );
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  return {
    id: String(raw.id ?? groupId),
    displayName: (raw.displayName as string | null | undefined) ?? null,
    assignedLicenses: ((raw.assignedLicenses as AssignedLicense[] | null | undefined) ?? []).map((l) => ({
      skuId: l.skuId.toLowerCase(),
      disabledPlans: (l.disabledPlans ?? []).map((p) => p.toLowerCase()),
    })),
    processingState: processingStateOf(raw.licenseProcessingState),
  };
}

/** On the wire a complex type `{"state": …}`; the docs show a bare string. Accept both (§1.3). */
export function processingStateOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as { state?: unknown }).state === "string") {
    return (value as { state: string }).state;
  }
  return undefined;
}

export async function readProcessingState(client: GraphClient, groupId: string): Promise<string | undefined> {
  const raw = await client.get<Record<string, unknown>>(
    `/groups/${encodeURIComponent(groupId)}?$select=id,licenseProcessingState`,
  );
  return processingStateOf(raw.licenseProcessingState);
}

/** Members (users only: a group may also hold devices or groups, which take no licence) with their licences. */
export async function readMemberLicences(client: GraphClient, groupId: string): Promise<MemberLicences[]> {
  const members = await client.getAll<MemberLicences & { "@odata.type"?: string }>(
    `/groups/${encodeURIComponent(groupId)}/members?$select=id,assignedLicenses&$top=${PAGE}`,
  );
  return members.filter((m) => !m["@odata.type"] || m["@odata.type"] === "#microsoft.graph.user");
}

/**
 * One `assignLicense` on the group: 202 Accepted, members are processed in the background (§1.3).
 * A dropped connection is NOT retried here: the write may have happened, and re-sending a removal that did
 * happen is a 400. The caller re-reads the group and sends what is still missing (see operations.ts).
 */
export async function assignGroupLicense(
  client: GraphClient,
  groupId: string,
  delta: LicenceDelta,
): Promise<void> {
  await client.postRaw(
    `/groups/${encodeURIComponent(groupId)}/assignLicense`,
    { addLicenses: delta.addLicenses, removeLicenses: delta.removeLicenses },
    { retryNetworkErrors: false },
  );
}

/** Whether any member has a licence error from this group (one small request, for the no-change path). */
export async function hasMembersWithLicenseErrors(client: GraphClient, groupId: string): Promise<boolean> {
  const page = await client.get<{ value?: unknown[] }>(
    `/groups/${encodeURIComponent(groupId)}/membersWithLicenseErrors?$select=id&$top=1`,
  );
  return (page.value ?? []).length > 0;
}

/**
 * Asks Entra to process each member in error again (`POST /users/{id}/reprocessLicenseAssignment`, v1.0:
 * microsoft-graph-docs-contrib api-reference/v1.0/api/user-reprocesslicenseassignment.md @
 * 09455a65abde17103c17fc70605c4c8553f01978), 20 per `$batch`. Returns how many were reprocessed; a member the
 * service refused is left for the report that follows.
 */
export async function reprocessMembersInError(client: GraphClient, groupId: string): Promise<number> {
  const listed = await client.getAll<{ id: string }>(
    `/groups/${encodeURIComponent(groupId)}/membersWithLicenseErrors?$select=id&$top=${PAGE}`,
  );
  const results = await client.batch(
    listed.map((m) => ({
      method: "POST" as const,
      url: `/users/${encodeURIComponent(m.id)}/reprocessLicenseAssignment`,
    })),
  );
  return results.filter((r) => r.ok).length;
}

/**
 * Members with licence errors and, for up to `detailLimit` of them, their licenseAssignmentStates: read with
 * `$batch` (20 users per call) rather than one request each.
 */
export async function readMembersWithLicenseErrors(
  client: GraphClient,
  groupId: string,
  detailLimit: number,
): Promise<{ total: number; members: MemberLicences[] }> {
  const listed = await client.getAll<MemberLicences>(
    `/groups/${encodeURIComponent(groupId)}/membersWithLicenseErrors?$select=id,userPrincipalName&$top=${PAGE}`,
  );
  const detailed = listed.slice(0, Math.max(0, detailLimit));
  const results = await client.batch<MemberLicences>(
    detailed.map((m) => ({
      method: "GET" as const,
      url: `/users/${encodeURIComponent(m.id)}?$select=id,userPrincipalName,licenseAssignmentStates`,
    })),
  );
  const members = results.map((r, i) => (r.ok && r.body ? r.body : detailed[i]));
  return { total: listed.length, members };
}
