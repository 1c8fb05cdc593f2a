/**
 * A seeded tenant brought to the state a successful `pulumi up` of the definition leaves behind (m365 and
 * teamsVoice layers), for `tenant emulator --seed DIR --applied` and for drift/export tests and benchmarks.
 *
 * Nothing here restates a rule of the toolkit or of the service. The resource inputs come from the layers'
 * own pure functions (`desiredLicences`, `teamsVoiceInputs`, `departmentGrants`, `departmentNumberArgs`);
 * licences are resolved and diffed with the GroupLicenses provider's functions and assigned with the
 * emulator's `assignGroupLicense` (its background processing settled at once); every Teams resource is created
 * by the REAL Teams provider (check → create, in the layer's dependency order) over an in-process admin port,
 * and numbers by the real `applyNumberAssignments` over an in-process backend (appliedBackends.ts). So the
 * state is exactly what the providers would have sent, judged by the emulator's own cmdlet and operation rules.
 *
 * It works on the document only (its own TenantState over it; no server, no clock), and everything is
 * stamped with `now`. What a real `up` would have failed on (too few seats, an unknown user) is applied as far
 * as the provider would have got and reported in `warnings`.
 */
import type { TenantDefinition } from "../../config/definition";
import { inputsRejected } from "../../dynamic/checkFailures";
import { desiredLicences } from "../../m365/licensing/desired";
import { isEmptyDelta, licenceDelta } from "../../m365/licensing/delta";
import { checkInputs as checkLicenceInputs } from "../../m365/licensing/inputs";
import { resolveLicences } from "../../m365/licensing/resolve";
import { formatSeatShortage, seatNeeds, seatShortages } from "../../m365/licensing/seats";
import type { SubscribedSku } from "../../m365/licensing/types";
import type { TeamsAdmin } from "../../teams/admin/port";
import type { NumbersBackend } from "../../teams/numbers/backend";
import { PowerShellTeamsAdmin } from "../../teams/powershell/adapter";
import type { Clock } from "../clock";
import { createTenantState } from "./index";
import { inProcessNumbersBackend, inProcessPwsh } from "./appliedBackends";
import {
  assignedLicenses,
  consumedUnits,
  assignGroupLicense,
  membersWithLicenseErrors,
  seatSkus,
} from "./licensing";
import { teamsArea } from "./teams";
import { withUserNumberIndex } from "./teamsInventory";
import type { TenantState } from "./tenantState";
import type { GroupRecord, StateDocument } from "./types";

export interface ApplyDefinitionOptions {
  /** Time written on everything the apply changes (licence states, Teams objects, user modifications). */
  now: number;
}

export interface ApplyDefinitionResult {
  doc: StateDocument;
  /** What a real `pulumi up` would have failed on, one sentence each; empty when it would have succeeded. */
  warnings: string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- provider calls take and return plain JSON */
type Props = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The group the identity layer created for a department (seeding tags it with the department id). */
function groupOf(doc: StateDocument, department: string): GroupRecord | undefined {
  return doc.groups.find((g) => g.departmentId === department);
}

/**
 * Applies `def` to `doc` (seeded from the same definition) and returns it. Mutates `doc`.
 */
export async function applyDefinition(
  doc: StateDocument,
  def: TenantDefinition,
  opts: ApplyDefinitionOptions,
): Promise<ApplyDefinitionResult> {
  const { now } = opts;
  const clock: Clock = {
    now: () => now,
    advance: () => {
      throw new Error("applyDefinition never moves time");
    },
  };
  const state = createTenantState(doc, clock);
  const warnings: string[] = [];
  applyLicences(state, def, now, warnings);
  await applyTeamsVoice(state, def, now, warnings);
  state.settle(now);
  return { doc, warnings };
}

// ---------------------------------------------------------------------------------------------------------
// m365: one GroupLicenses per department with licences (src/m365/layer.ts)

function applyLicences(state: TenantState, def: TenantDefinition, now: number, warnings: string[]): void {
  // Background processing completes within assignLicense: the apply has no time to wait in.
  const instant = { groupQueuedMs: 0, groupProcessingMs: 0 };
  // Seats in use, kept up to date with each group's members rather than recounted over every user per
  // department (that made the apply grow with departments × users).
  const used = consumedUnits(state);
  for (const department of def.departments) {
    if (department.licences.length === 0) continue;
    const group = groupOf(state.doc, department.id);
    if (!group) {
      warnings.push(`department ${department.id}: no group in the tenant; its licences were not assigned`);
      continue;
    }
    const { inputs, failures } = checkLicenceInputs({
      ...desiredLicences(def, department),
      groupId: group.id,
    });
    if (failures.length > 0) {
      warnings.push(`department ${department.id}: GroupLicenses ${inputsRejected(failures)}`);
      continue;
    }
    const skus = subscribedSkus(state, used);
    const { resolved, problems } = resolveLicences(inputs.licences, skus);
    if (problems.length > 0) {
      warnings.push(`cannot license department ${department.id}: ${problems.join("; ")}`);
      continue;
    }
    const delta = licenceDelta(group.assignedLicenses, resolved);
    if (isEmptyDelta(delta)) continue;
    // The provider checks seats before it writes; a shortage fails the resource with nothing assigned.
    const groupMembers = state.members(group);
    const members = groupMembers.map((u) => ({ id: u.id, assignedLicenses: assignedLicenses(u) }));
    const short = seatShortages(seatNeeds(delta.addLicenses, members, skus));
    if (short.length > 0) {
      const owned = new Map(inputs.licences.map((l) => [l.skuPartNumber, l.seatsOwned]));
      warnings.push(formatSeatShortage(department.id, short, owned));
      continue;
    }
    const held = groupMembers.map((u) => ({ user: u, before: seatSkus(u) }));
    const refused = assignGroupLicense(state, group, delta, now, instant);
    for (const { user, before } of held) countSeatChange(used, before, seatSkus(user));
    if (refused) {
      warnings.push(`department ${department.id}: assignLicense refused: ${refused.message}`);
      continue;
    }
    const inError = membersWithLicenseErrors(state, group).length;
    if (inError > 0) {
      warnings.push(
        `department ${department.id}: ${inError} members of ${group.displayName} have licence errors`,
      );
    }
  }
}

function countSeatChange(used: Map<string, number>, before: Set<string>, after: Set<string>): void {
  for (const sku of after) if (!before.has(sku)) used.set(sku, (used.get(sku) ?? 0) + 1);
  for (const sku of before) if (!after.has(sku)) used.set(sku, (used.get(sku) ?? 0) - 1);
}

/** `GET /subscribedSkus` as the provider reads it: consumed units from the seats users hold now (`used`). */
function subscribedSkus(state: TenantState, used: ReadonlyMap<string, number>): SubscribedSku[] {
  return state.skus.map((s) => ({
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    appliesTo: s.appliesTo,
    capabilityStatus: s.capabilityStatus,
    consumedUnits: used.get(s.skuId.toLowerCase()) ?? used.get(s.skuId) ?? 0,
    prepaidUnits: { enabled: s.prepaidUnits.enabled },
    servicePlans: s.servicePlans.map((p) => ({
      servicePlanId: p.servicePlanId,
      servicePlanName: p.servicePlanName,
    })),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// teamsVoice: the resources of src/teams/layer.ts, in the order its dependencies impose

async function applyTeamsVoice(
  state: TenantState,
  def: TenantDefinition,
  now: number,
  warnings: string[],
): Promise<void> {
  // Loaded here: the Teams layer modules bring the Pulumi SDK, which a plain emulator never needs.
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see above */
  const { teamsVoiceInputs } = require("../../teams/layerInputs") as typeof import("../../teams/layerInputs");
  const { placedGrants, rankLevels } = require("../../teams/layer") as typeof import("../../teams/layer");
  const { createTeamsProvider } =
    require("../../teams/provider/dispatcher") as typeof import("../../teams/provider/dispatcher");
  const numbers = require("../../teams/numbers") as typeof import("../../teams/numbers");
  const layerNumbers = require("../../teams/layerNumbers") as typeof import("../../teams/layerNumbers");
  /* eslint-enable @typescript-eslint/no-require-imports */

  const powershell = new PowerShellTeamsAdmin(inProcessPwsh(state, now));
  const admin: TeamsAdmin = {
    powershell,
    get graph(): TeamsAdmin["graph"] {
      throw new Error("creating Teams policies, routes, addresses and grants needs no Graph call");
    },
  };
  const provider = createTeamsProvider({ admin: () => admin });

  /** check → create, as the engine does for a new resource; a failure is reported, dependents still tried. */
  async function create(kind: string, label: string, inputs: Props): Promise<Props | undefined> {
    try {
      const checked = await provider.check!({}, { ...inputs, kind });
      if (checked.failures && checked.failures.length > 0) {
        throw new Error(inputsRejected(checked.failures));
      }
      const created = await provider.create(checked.inputs);
      return created.outs as Props;
    } catch (error) {
      warnings.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  const tv = teamsVoiceInputs(def.tenant);
  if (tv.pstnUsages.usages.length > 0) await create("PstnUsages", "PSTN usages", tv.pstnUsages);
  for (const r of tv.voiceRoutes) await create("VoiceRoute", `voice route ${r.name}`, r);
  for (const p of tv.callingPolicies) await create("CallingPolicy", `calling policy ${p.name}`, p);
  for (const p of tv.emergencyCallingPolicies)
    await create("EmergencyCallingPolicy", `emergency calling policy ${p.name}`, p);
  for (const p of tv.emergencyCallRoutingPolicies)
    await create("EmergencyCallRoutingPolicy", `emergency call routing policy ${p.name}`, p);
  for (const p of tv.voiceRoutingPolicies)
    await create("VoiceRoutingPolicy", `voice routing policy ${p.name}`, p);
  for (const p of tv.dialPlans) await create("DialPlan", `dial plan ${p.name}`, p);
  const locationIds: Record<string, string> = {};
  for (const a of tv.emergencyAddresses) {
    const outs = await create("EmergencyAddress", `emergency address ${a.key}`, a);
    Object.assign(locationIds, (outs?.locationIds as Record<string, string> | undefined) ?? {});
  }
  const globalName = def.tenant.teamsVoice.globalEmergencyCallRoutingPolicy;
  if (globalName) {
    await create("GlobalPolicyGrant", "global emergency call routing grant", {
      policyType: "TeamsEmergencyCallRoutingPolicy",
      policyName: globalName,
    });
  }
  // In rank order with Teams positions, as the layer's dependencies make `pulumi up` do.
  for (const department of rankLevels(def.departments).flat()) {
    const grants = placedGrants(def.departments, department);
    const group = groupOf(state.doc, department.id);
    if (!group) {
      warnings.push(
        `department ${department.id}: no group in the tenant; its Teams policies were not granted`,
      );
      continue;
    }
    await create("GroupPolicyAssignments", `policy grants of department ${department.id}`, {
      department: department.id,
      groupId: group.id,
      assignments: grants,
    });
  }

  const backend = inProcessNumbersBackend(state, now);
  // Nothing else touches this document while it is applied: the emulator's own index may be kept.
  await withUserNumberIndex(teamsArea(state), () =>
    applyNumbers(def, backend, locationIds, numbers, layerNumbers, warnings),
  );
}

async function applyNumbers(
  def: TenantDefinition,
  backend: NumbersBackend,
  locationIds: Record<string, string>,
  numbers: typeof import("../../teams/numbers"),
  layerNumbers: typeof import("../../teams/layerNumbers"),
  warnings: string[],
): Promise<void> {
  const { departmentNumberArgs } = layerNumbers;
  for (const department of def.departments) {
    const args = departmentNumberArgs(def, department.id);
    if (!args) continue;
    const { inputs, failures } = numbers.checkInputs({ ...args, locationIds });
    if (failures.length > 0) {
      warnings.push(`numbers of department ${department.id}: ${inputsRejected(failures)}`);
      continue;
    }
    try {
      await numbers.applyNumberAssignments(backend, inputs);
    } catch (error) {
      warnings.push(
        `numbers of department ${department.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
