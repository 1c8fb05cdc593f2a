/**
 * What a Graph-backed resource needs from the tenant, declared next to the resource (the Microsoft365DSC
 * `settings.json` idea, CONVENTIONS.md §4), checked against a least-privilege allow-list by a test and rendered
 * into docs/permissions.md.
 */
export interface PermissionManifest {
  /** The resource, as its dynamic type token `<module>:<type>` (e.g. `licensing:GroupLicenses`). */
  resource: string;
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
