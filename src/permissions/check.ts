/**
 * The least-privilege check, as a pure function returning problems (empty = fine). The test asserts it is
 * empty for the real manifests and catches each kind of problem on bad ones; the doc generator refuses to
 * write a doc while there are problems.
 */
import { ALLOWED_APPLICATION_PERMISSIONS, DENIED_APPLICATION_PERMISSIONS } from "./allowList";
import type { DeniedPermission } from "./allowList";
import type { AllowedPermission, PermissionManifest } from "./types";

const PERMISSION_NAME = /^[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)+$/;

export function checkPermissionManifests(
  manifests: readonly PermissionManifest[],
  allowed: readonly AllowedPermission[] = ALLOWED_APPLICATION_PERMISSIONS,
  denied: readonly DeniedPermission[] = DENIED_APPLICATION_PERMISSIONS,
): string[] {
  const problems: string[] = [];
  const allowedNames = new Set(allowed.map((a) => a.name));
  const deniedByName = new Map(denied.map((d) => [d.name, d]));
  const resources = new Set<string>();
  for (const m of manifests) {
    // A resource is named by its Pulumi type token (dynamic resources: `pulumi-nodejs:dynamic/<module>:<Type>`,
    // a provider resource's `azuread:index/group:Group`); a command by how it is typed (`tenant drift`).
    if (
      !/^(pulumi-nodejs:dynamic\/[a-z][a-z0-9-]*|[a-z][a-z0-9-]*:[a-z][a-zA-Z0-9/]*):[A-Z][A-Za-z0-9]*$/.test(
        m.resource,
      ) &&
      !/^tenant [a-z][a-z-]*$/.test(m.resource)
    ) {
      problems.push(
        `${m.resource}: resource must be a type token ("pulumi-nodejs:dynamic/<module>:<Type>", ` +
          `"<package>:<module>:<Type>") or a command ("tenant <command>")`,
      );
    }
    if (m.principal === "drift" && m.write.length > 0) {
      problems.push(`${m.resource}: the drift app is read-only, but write lists ${m.write.join(", ")}`);
    }
    if (resources.has(m.resource)) {
      problems.push(`${m.resource}: declared twice`);
    }
    resources.add(m.resource);
    if (m.why.trim().length < 20) {
      problems.push(`${m.resource}: "why" must explain the permissions`);
    }
    for (const access of ["read", "write"] as const) {
      const seen = new Set<string>();
      for (const permission of m[access]) {
        const where = `${m.resource} (${access}) ${permission}`;
        if (seen.has(permission)) {
          problems.push(`${where}: listed twice`);
        }
        seen.add(permission);
        if (!PERMISSION_NAME.test(permission)) {
          problems.push(`${where}: not a permission name`);
        }
        const deniedEntry = deniedByName.get(permission);
        if (deniedEntry && !(m.principal === "drift" && access === "read" && deniedEntry.driftAppOnly)) {
          problems.push(`${where}: denied as broader than needed; use ${deniedEntry.instead}`);
        } else if (!deniedEntry && !allowedNames.has(permission)) {
          problems.push(`${where}: not on the least-privilege allow-list (src/permissions/allowList.ts)`);
        }
        if (access === "read" && /ReadWrite/.test(permission) && !m.write.includes(permission)) {
          problems.push(`${where}: a ReadWrite permission for read only; is there no Read permission?`);
        }
      }
    }
  }
  for (const name of allowedNames) {
    if (deniedByName.has(name)) {
      problems.push(`${name}: both allowed and denied`);
    }
  }
  return problems;
}
