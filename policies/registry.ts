import type { EnforcementLevel, Policies, Severity } from "@pulumi/policy";
import type { PolicyMetadata, RegisteredPolicy, Vendor } from "./lib/define";
import { ALL_RULES } from "./rules";

/** The pack's name (`pulumi preview --policy-pack` reports it) and its default level for policies without one. */
export const PACK_NAME = "tenant-guard";
export const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "advisory";

/**
 * The policies by id. Registration rejects a second policy with the same id, because the engine would
 * otherwise report both under one name and config for one would apply to both.
 */
export class PolicyRegistry {
  private readonly byId = new Map<string, RegisteredPolicy>();

  constructor(entries: readonly RegisteredPolicy[] = []) {
    for (const entry of entries) this.register(entry);
  }

  register(entry: RegisteredPolicy): void {
    const { id } = entry.metadata;
    if (id === "all") {
      throw new Error(
        "A policy may not be called 'all': the engine reserves it for every policy of the pack.",
      );
    }
    if (this.byId.has(id)) {
      throw new Error(
        `Another policy with the id '${id}' is already registered. Either register the policy only once ` +
          `(policies/rules/index.ts), or give one of them a unique id.`,
      );
    }
    this.byId.set(id, entry);
  }

  all(): RegisteredPolicy[] {
    return [...this.byId.values()];
  }

  get(id: string): RegisteredPolicy | undefined {
    return this.byId.get(id);
  }
}

/** Selects by metadata (compliance-policies' `selectPolicies`); an empty filter takes every policy. */
export interface PolicySelection {
  vendors?: Vendor[];
  services?: string[];
  severities?: Severity[];
  kinds?: PolicyMetadata["kind"][];
  ids?: string[];
}

export const registry = new PolicyRegistry(ALL_RULES);

export function selectRegistered(selection: PolicySelection = {}, from = registry): RegisteredPolicy[] {
  const keep = <T>(list: T[] | undefined, value: T) => list === undefined || list.includes(value);
  return from
    .all()
    .filter(
      ({ metadata: m }) =>
        keep(selection.vendors, m.vendor) &&
        keep(selection.services, m.service) &&
        keep(selection.severities, m.severity) &&
        keep(selection.kinds, m.kind) &&
        keep(selection.ids, m.id),
    );
}

/** The CrossGuard policies of a selection, as `new PolicyPack(…, { policies })` takes them. */
export function selectPolicies(selection: PolicySelection = {}, from = registry): Policies {
  return selectRegistered(selection, from).map((r) => r.policy);
}
