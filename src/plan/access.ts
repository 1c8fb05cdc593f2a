import type { TenantDefinition } from "../config/definition";
import { scopedRoleByTemplateId } from "../identity/delegation/scopedRoles";
import { RESOURCE_TYPES } from "../resourceTypes";
import type { RenderedGraph, RenderedResource } from "../render/graph";
import { fakeResourceId, RENDERED_DEPLOYER_OBJECT_ID, renderedUserObjectId } from "../render/fakeIds";
import { grantsAccess, roleName, scopeWords } from "./azureRoles";
import { CONDITIONAL_ACCESS_POLICY } from "./conditionalAccess";
import type { AccessChange, ResourceChange } from "./model";
import { indexByUrn, type UrnIndex } from "./ownership";
import { isRecord } from "./values";

/**
 * Who gets access to what, in words: every Azure role assignment granted or revoked and every Entra group
 * created, deleted or given other members, owners or membership rule. Read from the two rendered graphs, whose
 * object ids are the render's own (src/render/fakeIds.ts), so they can be named back: a user by the UPN the
 * definitions name, a group by its display name, the deploying identity as such.
 */

export const ROLE_ASSIGNMENT_TYPE = "azure-native:authorization:RoleAssignment";
/** A PIM eligibility: the principal may activate the role, for a while, with a reason; it holds nothing standing. */
export const ROLE_ELIGIBILITY_TYPE = "azure-native:authorization:PimRoleEligibilitySchedule";
export const GROUP_TYPE = "azuread:index/group:Group";
/** An Entra role a department admin may activate over the department's administrative unit (PIM). */
export const ENTRA_ELIGIBILITY_TYPE =
  "azuread:index/directoryRoleEligibilityScheduleRequest:DirectoryRoleEligibilityScheduleRequest";
export const UNIT_TYPE = RESOURCE_TYPES.administrativeUnit;
/** An admin who may activate membership of the department's admin group (PIM for Groups). */
export const GROUP_ELIGIBILITY_TYPE =
  "azuread:index/privilegedAccessGroupEligibilitySchedule:PrivilegedAccessGroupEligibilitySchedule";

/** Object id → what a reviewer calls it. */
export type DirectoryNames = ReadonlyMap<string, string>;

/** Every UPN a definition names (owners and admins of each department; partial definitions in tests have fewer). */
function definitionUpns(definition: TenantDefinition | undefined): string[] {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return (definition?.departments ?? []).flatMap((d) => [...list(d.owners), ...list(d.admins)]);
}

/** The names of the object ids a render hands out: users of both definitions, groups of both graphs. */
export function directoryNames(
  graphs: readonly (RenderedGraph | undefined)[],
  definitions: readonly (TenantDefinition | undefined)[],
): DirectoryNames {
  const names = new Map<string, string>([[RENDERED_DEPLOYER_OBJECT_ID, "the deploying identity"]]);
  for (const upn of definitions.flatMap(definitionUpns)) names.set(renderedUserObjectId(upn), upn);
  for (const r of graphs.flatMap((g) => g?.resources ?? [])) {
    if (!r.type.startsWith("azuread:") && r.type !== UNIT_TYPE) continue;
    const display = typeof r.inputs.displayName === "string" ? r.inputs.displayName : r.name;
    names.set(fakeResourceId(r.type, r.inputs, r.name, ""), display);
  }
  return names;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const text = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

function nameOf(id: string, names: DirectoryNames): string {
  return names.get(id) ?? `object ${id}`;
}

/** Whom a role assignment is for: a named group or user, else what its description says it is. */
function principalOf(inputs: Record<string, unknown>, names: DirectoryNames): string {
  const id = text(inputs.principalId);
  const named = id ? names.get(id) : undefined;
  if (named) return named;
  const description = text(inputs.description)?.replace(/\.$/, "");
  if (description) return `${description[0]?.toLowerCase()}${description.slice(1)}`;
  return `${text(inputs.principalType) ?? "principal"} ${id ?? "(known after apply)"}`;
}

interface RoleView {
  eligible?: boolean;
  role: string;
  privileged: boolean;
  principal: string;
  scope: string;
}

/** `/administrativeUnits/<id>` → "administrative unit au-cde-x"; "/" → "the whole tenant". */
function directoryScopeWords(scope: string, names: DirectoryNames): string {
  if (scope === "/") return "the whole tenant";
  const unit = /^\/administrativeUnits\/(.+)$/.exec(scope);
  return unit ? `administrative unit ${names.get(unit[1]) ?? unit[1]}` : scope;
}

function roleView(r: RenderedResource, names: DirectoryNames): RoleView {
  const roleId = text(r.inputs.roleDefinitionId) ?? "";
  if (r.type === GROUP_ELIGIBILITY_TYPE)
    return {
      eligible: true,
      role: text(r.inputs.assignmentType) === "owner" ? "ownership" : "membership",
      privileged: false,
      principal: principalOf(r.inputs, names),
      scope: `group ${nameOf(text(r.inputs.groupId) ?? "", names)}`,
    };
  if (r.type === ENTRA_ELIGIBILITY_TYPE)
    return {
      eligible: true,
      role: scopedRoleByTemplateId(roleId)?.displayName ?? `Entra role ${roleId}`,
      privileged: false,
      principal: principalOf(r.inputs, names),
      scope: directoryScopeWords(text(r.inputs.directoryScopeId) ?? "(unknown scope)", names),
    };
  return {
    ...(r.type === ROLE_ELIGIBILITY_TYPE ? { eligible: true } : {}),
    role: roleName(roleId),
    privileged: grantsAccess(roleId),
    principal: principalOf(r.inputs, names),
    scope: scopeWords(text(r.inputs.scope) ?? "(unknown scope)"),
  };
}

const sameRole = (a: RoleView, b: RoleView) =>
  a.role === b.role && a.principal === b.principal && a.scope === b.scope;

/** Group object id → what the group holds in the head graph, in words: a member gets (or may activate) these. */
type GroupHoldings = ReadonlyMap<string, string[]>;

function groupHoldings(head: RenderedGraph, names: DirectoryNames): GroupHoldings {
  const out = new Map<string, string[]>();
  for (const r of head.resources) {
    if (
      r.type !== ROLE_ASSIGNMENT_TYPE &&
      r.type !== ROLE_ELIGIBILITY_TYPE &&
      r.type !== ENTRA_ELIGIBILITY_TYPE
    )
      continue;
    const id = text(r.inputs.principalId);
    if (!id || !names.has(id)) continue;
    const v = roleView(r, names);
    out.set(id, [...(out.get(id) ?? []), `${v.eligible ? "eligible for " : ""}${v.role} on ${v.scope}`]);
  }
  return out;
}

function roleChanges(
  c: ResourceChange,
  was: RenderedResource | undefined,
  now: RenderedResource | undefined,
  names: DirectoryNames,
  holdings: GroupHoldings,
): AccessChange[] {
  const before = was ? roleView(was, names) : undefined;
  const after = now ? roleView(now, names) : undefined;
  if (before && after && sameRole(before, after)) return [];
  const out: AccessChange[] = [];
  if (before && c.op !== "create") out.push({ kind: "role", op: "revoked", ...before });
  if (after && c.op !== "delete") {
    const holds =
      now?.type === GROUP_ELIGIBILITY_TYPE ? holdings.get(text(now.inputs.groupId) ?? "") : undefined;
    out.push({ kind: "role", op: "granted", ...after, ...(holds ? { groupHolds: holds } : {}) });
  }
  return out;
}

function rule(r: RenderedResource | undefined): string | undefined {
  if (r?.type === UNIT_TYPE) return text(r.inputs.membershipRule);
  const dynamic = r?.inputs.dynamicMembership;
  return isRecord(dynamic) && dynamic.enabled !== false ? text(dynamic.rule) : undefined;
}

function groupChange(
  c: ResourceChange,
  was: RenderedResource | undefined,
  now: RenderedResource | undefined,
  names: DirectoryNames,
  holdings: GroupHoldings,
): AccessChange[] {
  const named = (ids: string[]) => ids.map((id) => nameOf(id, names)).sort();
  const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
  const members = [strings(was?.inputs.members), strings(now?.inputs.members)] as const;
  const owners = [strings(was?.inputs.owners), strings(now?.inputs.owners)] as const;
  const change: AccessChange = {
    kind: "group",
    op: c.op === "create" ? "created" : c.op === "delete" ? "deleted" : "changed",
    ...(c.type === UNIT_TYPE ? { container: "administrative unit" as const } : {}),
    group: text((now ?? was)?.inputs.displayName) ?? c.name,
    membersAdded: named(minus(members[1], members[0])),
    membersRemoved: named(minus(members[0], members[1])),
    ownersAdded: named(minus(owners[1], owners[0])),
    ownersRemoved: named(minus(owners[0], owners[1])),
    ruleBefore: rule(was),
    ruleAfter: rule(now),
  };
  const holds = now ? holdings.get(fakeResourceId(now.type, now.inputs, now.name, "")) : undefined;
  // A new group's roles are told on their own lines; people joining an existing one get them silently otherwise.
  if (holds && change.op === "changed" && change.membersAdded.length > 0) change.groupHolds = holds;
  const nothing =
    change.op === "changed" &&
    change.membersAdded.length + change.membersRemoved.length === 0 &&
    change.ownersAdded.length + change.ownersRemoved.length === 0 &&
    change.ruleBefore === change.ruleAfter;
  return nothing ? [] : [change];
}

/** What every section's access changes are read against: both graphs by URN, names, and what each group holds. */
export interface AccessIndex {
  was: UrnIndex;
  now: UrnIndex;
  names: DirectoryNames;
  holdings: GroupHoldings;
}

/** Built once per plan: the sections share it rather than index both graphs again each. */
export function accessIndex(
  base: RenderedGraph | undefined,
  head: RenderedGraph,
  names: DirectoryNames,
): AccessIndex {
  return {
    was: indexByUrn(base?.resources ?? []),
    now: indexByUrn(head.resources),
    names,
    holdings: groupHoldings(head, names),
  };
}

/** The access changes behind a section's resource changes, in the order of those changes. */
export function accessChanges(changes: readonly ResourceChange[], index: AccessIndex): AccessChange[] {
  const { was, now, names, holdings } = index;
  return changes.flatMap((c) => {
    if (
      c.type === ROLE_ASSIGNMENT_TYPE ||
      c.type === ROLE_ELIGIBILITY_TYPE ||
      c.type === ENTRA_ELIGIBILITY_TYPE ||
      c.type === GROUP_ELIGIBILITY_TYPE
    )
      return roleChanges(c, was.get(c.urn), now.get(c.urn), names, holdings);
    if (c.type === GROUP_TYPE || c.type === UNIT_TYPE)
      return groupChange(c, was.get(c.urn), now.get(c.urn), names, holdings);
    return [];
  });
}

/** Conditional access user conditions that hold object ids (groups and users the policy includes or excludes). */
const CA_ID_PATHS = /^conditions\.users\.(included|excluded)(Groups|Users)$/;

/**
 * A conditional access policy's included and excluded groups and users by name (`grp-cde-centro-exc-requiremfa`,
 * a break-glass UPN) instead of the object ids the render gave them, so a reviewer sees whom a policy stops
 * covering. Ids no definition names are left as they are.
 */
export function nameDirectoryIds(
  changes: readonly ResourceChange[],
  names: DirectoryNames,
): ResourceChange[] {
  const named = (v: unknown) =>
    Array.isArray(v) ? v.map((x) => (typeof x === "string" ? (names.get(x) ?? x) : x)) : v;
  return changes.map((c) =>
    c.type !== CONDITIONAL_ACCESS_POLICY
      ? c
      : {
          ...c,
          properties: c.properties.map((p) =>
            CA_ID_PATHS.test(p.path)
              ? {
                  ...p,
                  ...(p.old !== undefined ? { old: named(p.old) } : {}),
                  ...(p.new !== undefined ? { new: named(p.new) } : {}),
                }
              : p,
          ),
        },
  );
}
