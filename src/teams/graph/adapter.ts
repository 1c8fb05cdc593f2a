import type { GraphClient } from "../../graph";
import type {
  InventoryNumber,
  NumberAssignRequest,
  NumberOperationOutcome,
  NumberType,
  TeamsGraphAdmin,
  TeamsPolicyType,
} from "../admin/port";
import { mapBounded } from "./bounded";
import { runBatchedOperations } from "./batched";
import { findInventory, listInventory } from "./inventory";
import { runNumberOperation, type OperationCounters } from "./operations";
import { resolveOptions, type GraphTeamsAdminOptions, type GraphTeamsAdminOverrides } from "./options";
import { lookUpPolicyId } from "./policyId";
import { readUserConfiguration, type UserConfiguration } from "./userConfiguration";

/**
 * The Graph side of the Teams admin port (src/teams/admin/port.ts) on the toolkit's GraphClient: number
 * inventory, number operations run concurrently within a bound and polled to their end, policy ids and
 * user configuration. Throttling (429/503/504) is the client's: it retries with Retry-After or backoff.
 */
export class GraphTeamsAdmin implements TeamsGraphAdmin {
  readonly options: GraphTeamsAdminOptions;
  /** What this adapter did, for tests and benchmarks. */
  readonly counters: OperationCounters;
  private readonly client: GraphClient;

  // Fields are assigned in the constructor (no initializers): Pulumi's function serialization drops them.
  constructor(client: GraphClient, overrides: GraphTeamsAdminOverrides = {}) {
    this.client = client;
    this.options = resolveOptions(overrides);
    this.counters = { started: 0, polls: 0, inFlight: 0, maxInFlight: 0 };
  }

  listNumbers(filter?: string): Promise<InventoryNumber[]> {
    return listInventory(this.client, this.options.pageSize, filter);
  }

  /**
   * The inventory entries of these numbers only, looked up in `$batch`es of `in` filters (not on the port:
   * the NumberAssignments resource reads just its department's numbers).
   */
  findNumbers(telephoneNumbers: readonly string[]): Promise<InventoryNumber[]> {
    return findInventory(this.client, telephoneNumbers, this.options.lookupLimit, this.options.pageSize);
  }

  assignNumbers(requests: NumberAssignRequest[]): Promise<NumberOperationOutcome[]> {
    return this.run(requests, (r) => ({
      action: "assignNumber",
      body: {
        telephoneNumber: r.telephoneNumber,
        assignmentTargetId: r.assignmentTargetId,
        numberType: r.numberType,
        assignmentCategory: r.assignmentCategory,
        ...(r.locationId ? { locationId: r.locationId } : {}),
      },
    }));
  }

  unassignNumbers(
    numbers: { telephoneNumber: string; numberType: NumberType }[],
  ): Promise<NumberOperationOutcome[]> {
    return this.run(numbers, (n) => ({
      action: "unassignNumber",
      body: { telephoneNumber: n.telephoneNumber, numberType: n.numberType },
    }));
  }

  /** `null` clears the location: updateNumber clears on "" and keeps on null (§2.4). */
  updateNumberLocations(
    numbers: { telephoneNumber: string; locationId: string | null }[],
  ): Promise<NumberOperationOutcome[]> {
    return this.run(numbers, (n) => ({
      action: "updateNumber",
      body: { telephoneNumber: n.telephoneNumber, locationId: n.locationId ?? "" },
    }));
  }

  getPolicyId(policyType: TeamsPolicyType, name: string): Promise<string | undefined> {
    return lookUpPolicyId(this.client, policyType, name);
  }

  getUserConfiguration(userId: string): Promise<UserConfiguration> {
    return readUserConfiguration(this.client, userId);
  }

  private run<T extends { telephoneNumber: string }>(
    items: readonly T[],
    request: (item: T) => { action: string; body: Record<string, unknown> },
  ): Promise<NumberOperationOutcome[]> {
    if (this.options.batch) {
      return runBatchedOperations(
        this.client,
        this.options,
        this.counters,
        items.map((item) => ({ telephoneNumber: item.telephoneNumber, ...request(item) })),
      );
    }
    return mapBounded(items, this.options.concurrency, (item) => {
      const { action, body } = request(item);
      return runNumberOperation(this.client, this.options, this.counters, item.telephoneNumber, action, body);
    });
  }
}

export function createGraphTeamsAdmin(
  client: GraphClient,
  overrides: GraphTeamsAdminOverrides = {},
): GraphTeamsAdmin {
  return new GraphTeamsAdmin(client, overrides);
}
