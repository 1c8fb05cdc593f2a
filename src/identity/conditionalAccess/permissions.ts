/** What the conditional access baseline (azuread provider) needs from the tenant (docs/permissions.md). */
import type { PermissionManifest } from "../../permissions/types";

export const conditionalAccessPolicyManifest: PermissionManifest = {
  resource: "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
  read: ["Policy.Read.All"],
  write: ["Policy.ReadWrite.ConditionalAccess"],
  why:
    "Creates and updates the baseline conditional access policies (Policy.ReadWrite.ConditionalAccess, least " +
    "privileged for conditionalAccessPolicy create/update/delete) and reads them back, with the authentication " +
    "strength they reference (Policy.Read.All).",
};

export const namedLocationManifest: PermissionManifest = {
  resource: "azuread:index/namedLocation:NamedLocation",
  read: ["Policy.Read.All"],
  write: ["Policy.ReadWrite.ConditionalAccess"],
  why:
    "Named locations are conditional access objects: the same permission writes them " +
    "(Policy.ReadWrite.ConditionalAccess) and Policy.Read.All reads them.",
};
