/**
 * What create, update, read and delete do against Graph, independent of Pulumi. `applyGroupLicences`
 * converges the group on the desired licences: it reads before it writes, so a re-run after a failure (or
 * after a dropped connection retried by the client) sends nothing twice and an unchanged group costs no write.
 */
import type { GraphClient } from "../../graph";
import { isConnectionLost } from "../../graph/errors";
import { isNotFound } from "../../notFound";
import type { GroupLicensesInputs } from "../../resourceTypes";
import { isEmptyDelta, licenceDelta } from "./delta";
import { formatLicenceErrorReport, summarizeLicenceErrors } from "./errors";
import type { LicenceErrorReport } from "./errors";
import {
  assignGroupLicense,
  hasMembersWithLicenseErrors,
  readGroup,
  readMemberLicences,
  readMembersWithLicenseErrors,
  readProcessingState,
  readSubscribedSkus,
  reprocessMembersInError,
} from "./graphCalls";
import type { GroupLicensingView } from "./graphCalls";
import { waitForProcessing } from "./processing";
import type { PollOptions } from "./processing";
import { describeAssigned, resolveLicences } from "./resolve";
import { formatSeatShortage, seatNeeds, seatShortages } from "./seats";
import type { GroupLicensesOutputs, LicenceDelta, SubscribedSku } from "./types";

export interface LicensingContext {
  client: GraphClient;
  poll: PollOptions;
  /** Members with licence errors whose states are read for the report (the rest are only counted). */
  errorDetailLimit: number;
}

export type FailureKind = "resolution" | "group-missing" | "seats" | "processing-timeout" | "licence-errors";

/**
 * A licensing failure with the report as its message. `written` tells the provider that the tenant changed
 * before the failure, so the resource must be recorded (with `outputs`) for a re-run to converge.
 */
export interface LicensingFailure extends Error {
  kind: FailureKind;
  written: boolean;
  outputs?: GroupLicensesOutputs;
  report?: LicenceErrorReport;
}

export function licensingFailure(
  kind: FailureKind,
  message: string,
  extra: Partial<Pick<LicensingFailure, "written" | "outputs" | "report">> = {},
): LicensingFailure {
  // A plain Error with fields rather than a subclass: it stays intact through the provider's serialization.
  const error = new Error(message) as LicensingFailure;
  error.name = "LicensingFailure";
  error.kind = kind;
  error.written = extra.written ?? false;
  error.outputs = extra.outputs;
  error.report = extra.report;
  return error;
}

export function isLicensingFailure(error: unknown): error is LicensingFailure {
  return error instanceof Error && error.name === "LicensingFailure";
}

export interface ApplyResult {
  outputs: GroupLicensesOutputs;
  /** The assignLicense body sent, or undefined when nothing was written. */
  sent: LicenceDelta | undefined;
}

const groupMissing = (department: string, groupId: string) =>
  licensingFailure(
    "group-missing",
    `the Entra group ${groupId} of department ${department} does not exist (404): deploy the identity layer first, ` +
      "or check that tenant:platformStack points at the stack that created it",
  );

export async function applyGroupLicences(
  ctx: LicensingContext,
  inputs: GroupLicensesInputs,
): Promise<ApplyResult> {
  const { client } = ctx;
  const skus = await readSubscribedSkus(client);
  const { resolved, problems } = resolveLicences(inputs.licences, skus);
  if (problems.length > 0) {
    throw licensingFailure(
      "resolution",
      `cannot license department ${inputs.department}: ${problems.join("; ")}`,
    );
  }
  const outputs: GroupLicensesOutputs = { ...inputs, resolved };
  const group = await readGroup(client, inputs.groupId);
  if (!group) throw groupMissing(inputs.department, inputs.groupId);

  const delta = licenceDelta(group.assignedLicenses, resolved);
  if (isEmptyDelta(delta)) {
    // Nothing to change. Members left in error by an earlier run (seats bought since) are reprocessed with
    // the documented per-user action, not by re-sending the group's licences; otherwise nothing is written.
    if (resolved.length === 0 || !(await hasMembersWithLicenseErrors(client, inputs.groupId))) {
      return { outputs, sent: undefined };
    }
    await reprocessMembersInError(client, inputs.groupId);
    await awaitProcessingAndReport(ctx, inputs, skus, outputs);
    return { outputs, sent: undefined };
  }
  if (delta.addLicenses.length > 0) await checkSeats(client, inputs, delta, skus);
  const written = await writeConverging(client, inputs.groupId, delta, (g) =>
    licenceDelta(g.assignedLicenses, resolved),
  );
  if (written === "group-gone") throw groupMissing(inputs.department, inputs.groupId);
  await awaitProcessingAndReport(ctx, inputs, skus, outputs);
  return { outputs, sent: delta };
}

/** Attempts of one logical write when connections drop (each followed by a re-read of the group). */
const WRITE_ATTEMPTS = 4;

/**
 * Sends `delta`; when the connection drops (the write may or may not have happened), re-reads the group and
 * sends only what is still missing. Nothing is applied twice and a removal that did happen is not re-sent.
 */
async function writeConverging(
  client: GraphClient,
  groupId: string,
  delta: LicenceDelta,
  remaining: (group: GroupLicensingView) => LicenceDelta,
): Promise<"done" | "group-gone"> {
  let pending = delta;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await assignGroupLicense(client, groupId, pending);
      return "done";
    } catch (error) {
      if (isNotFound(error)) return "group-gone";
      if (!isConnectionLost(error) || attempt >= WRITE_ATTEMPTS) throw error;
    }
    const group = await readGroup(client, groupId);
    if (!group) return "group-gone";
    pending = remaining(group);
    if (isEmptyDelta(pending)) return "done";
  }
}

async function checkSeats(
  client: GraphClient,
  inputs: GroupLicensesInputs,
  delta: LicenceDelta,
  skus: readonly SubscribedSku[],
): Promise<void> {
  const members = await readMemberLicences(client, inputs.groupId);
  const short = seatShortages(seatNeeds(delta.addLicenses, members, skus));
  if (short.length > 0) {
    const owned = new Map(inputs.licences.map((l) => [l.skuPartNumber, l.seatsOwned]));
    throw licensingFailure("seats", formatSeatShortage(inputs.department, short, owned));
  }
}

async function awaitProcessingAndReport(
  ctx: LicensingContext,
  inputs: GroupLicensesInputs,
  skus: readonly SubscribedSku[],
  outputs: GroupLicensesOutputs,
): Promise<void> {
  const outcome = await waitForProcessing(() => readProcessingState(ctx.client, inputs.groupId), ctx.poll);
  if (!outcome.complete) {
    throw licensingFailure(
      "processing-timeout",
      `the licences of department ${inputs.department} were assigned to group ${inputs.groupId}, but Entra was still ` +
        `${outcome.state ?? "processing"} after ${Math.round(outcome.waitedMs / 1000)} s; run again to check the members ` +
        "(or raise TENANT_LICENSING_TIMEOUT_SECONDS)",
      { written: true, outputs },
    );
  }
  const { total, members } = await readMembersWithLicenseErrors(
    ctx.client,
    inputs.groupId,
    ctx.errorDetailLimit,
  );
  if (total === 0) return;
  const names = new Map(skus.map((s) => [s.skuId.toLowerCase(), s.skuPartNumber]));
  const report = summarizeLicenceErrors(inputs.groupId, members, (id) => names.get(id) ?? id, total);
  throw licensingFailure(
    "licence-errors",
    formatLicenceErrorReport(inputs.department, inputs.groupId, report),
    {
      written: true,
      outputs,
      report,
    },
  );
}

/**
 * Refresh: the group's licences as the tenant has them, in the inputs' terms (part numbers, plan names).
 * `seatsOwned` is the definition's belief, not the tenant's, so it is carried over. Undefined = group gone.
 */
export async function readGroupLicences(
  client: GraphClient,
  props: GroupLicensesOutputs,
): Promise<GroupLicensesOutputs | undefined> {
  const group = await readGroup(client, props.groupId);
  if (!group) return undefined;
  const skus = await readSubscribedSkus(client);
  const resolved = describeAssigned(group.assignedLicenses, skus);
  const owned = new Map((props.licences ?? []).map((l) => [l.skuPartNumber, l.seatsOwned]));
  return {
    ...props,
    licences: resolved.map((r) => ({
      skuPartNumber: r.skuPartNumber,
      disabledPlans: r.disabledPlans,
      seatsOwned: owned.get(r.skuPartNumber) ?? 0,
    })),
    resolved,
  };
}

/**
 * Delete: removes the licences this resource assigned, in one write. A group that no longer exists has no
 * licences left to remove, so 404 (before or during the write) counts as done.
 */
export async function removeGroupLicences(
  client: GraphClient,
  props: GroupLicensesOutputs,
): Promise<{ sent: LicenceDelta | undefined }> {
  const group = await readGroup(client, props.groupId);
  if (!group) return { sent: undefined };
  let ours = new Set((props.resolved ?? []).map((r) => r.skuId.toLowerCase()));
  if (ours.size === 0 && (props.licences ?? []).length > 0) {
    // State written before `resolved` existed: find the ids by part number.
    ours = new Set(
      resolveLicences(props.licences, await readSubscribedSkus(client)).resolved.map((r) => r.skuId),
    );
  }
  const removeLicenses = group.assignedLicenses
    .map((l) => l.skuId)
    .filter((id) => ours.has(id))
    .sort();
  if (removeLicenses.length === 0) return { sent: undefined };
  const delta: LicenceDelta = { addLicenses: [], removeLicenses };
  const still = (g: GroupLicensingView): LicenceDelta => ({
    addLicenses: [],
    removeLicenses: g.assignedLicenses
      .map((l) => l.skuId)
      .filter((id) => ours.has(id))
      .sort(),
  });
  const written = await writeConverging(client, props.groupId, delta, still);
  return { sent: written === "done" ? delta : undefined };
}
