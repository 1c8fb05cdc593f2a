/** What `tenant export` needs from the tenant: reads only, with the toolkit's own app (docs/export.md). */
import { LIVE_TENANT_READ } from "../live/permissions";
import type { PermissionManifest } from "../permissions/types";

export const exportCommandManifest: PermissionManifest = {
  resource: "tenant export",
  read: [...LIVE_TENANT_READ.read],
  write: [],
  roles: [...LIVE_TENANT_READ.roles],
  why: `${LIVE_TENANT_READ.why} Writes nothing to the tenant.`,
};
