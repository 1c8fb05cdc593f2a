import data from "./reference/builtin-remediation.json";

/** One entry of reference/builtin-remediation.json (provenance in reference/README.md). */
export interface BuiltInRemediation {
  name: string;
  kind: "policyDefinition" | "policySetDefinition";
  roleDefinitionIds: string[];
  assignPermissionsParameters: string[];
  remediable?: boolean;
  remediableMembers?: string[];
  source: { repo: string; path: string; commit: string };
}

export const BUILT_IN_REMEDIATION: ReadonlyMap<string, BuiltInRemediation> = new Map(
  (data as BuiltInRemediation[]).map((e) => [e.name, e]),
);

/** What an assignment with an identity carries: its roles and which set members a remediation task names. */
export interface IdentityNeeds {
  remediationRoles: readonly string[];
  /** Set members by policyDefinitionReferenceId, one task each; absent for a single definition (one task). */
  remediationMembers?: readonly string[];
}

/**
 * The identity a built-in DeployIfNotExists/Modify policy (or set) needs, read from the vendored definitions, so
 * the roles are Azure's and never typed by hand. Throws for a built-in that is not vendored.
 */
export function identityNeeds(name: string): IdentityNeeds {
  const entry = BUILT_IN_REMEDIATION.get(name);
  if (!entry) {
    throw new Error(
      `Built-in policy '${name}' is not in src/landing-zone/reference/builtin-remediation.json; vendor it first.`,
    );
  }
  return entry.kind === "policySetDefinition"
    ? { remediationRoles: entry.roleDefinitionIds, remediationMembers: entry.remediableMembers ?? [] }
    : { remediationRoles: entry.roleDefinitionIds };
}
