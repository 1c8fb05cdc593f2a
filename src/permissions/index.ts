export type { AllowedPermission, PermissionManifest } from "./types";
export {
  ALLOWED_APPLICATION_PERMISSIONS,
  DENIED_APPLICATION_PERMISSIONS,
  type DeniedPermission,
} from "./allowList";
export { PERMISSION_MANIFESTS, findPermissionManifest, permissionUnion } from "./registry";
export type { PermissionUse } from "./registry";
export { checkPermissionManifests } from "./check";
export { renderPermissionsDoc } from "./renderDoc";
