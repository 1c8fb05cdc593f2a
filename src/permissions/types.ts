/**
 * What a resource or a command needs from the tenant, declared next to its code in the folder's
 * `permissions.ts` (the Microsoft365DSC `settings.json` idea, CONVENTIONS.md §4), listed in registry.ts, checked
 * against a least-privilege allow-list by a test and rendered into docs/permissions.md. A meta test
 * (tests/permissions/beside.test.ts) fails when a resource type token or a command that talks to the tenant has
 * none, or when it is not beside the code.
 */
export interface PermissionManifest {
  /**
   * The resource's type token (`pulumi-nodejs:dynamic/tenant-teams:DialPlan`, `azuread:index/group:Group`), or
   * the command as typed (`tenant drift`).
   */
  resource: string;
  /**
   * The app registration that runs it: the deploying app (default) or the read-only drift app
   * (`AZURE_DRIFT_CLIENT_ID`), which may hold a read the deploying app must not (see allowList.ts).
   */
  principal?: "deploy" | "drift";
  /** Microsoft Graph application permissions for read (refresh, diff). */
  read: string[];
  /** Microsoft Graph application permissions for create/update/delete (in addition to `read`). */
  write: string[];
  /** Why these permissions and not broader ones; one or two sentences, shown in the doc. */
  why: string;
  /** Microsoft Entra roles the app's service principal needs besides Graph permissions (e.g. for Teams PowerShell). */
  roles?: string[];
  /** Who implements it, when not yet built ("issue 5"), and other notes for the doc. */
  note?: string;
}

/** A permission and the reason it is on the allow-list (the API calls that need it). */
export interface AllowedPermission {
  name: string;
  /** The least-privileged permission for these calls per Microsoft's permission tables. */
  usedFor: string;
}
