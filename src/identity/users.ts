/** A user as `azuread.getUsers` returns it (only what is read here). */
export interface DirectoryUser {
  objectId: string;
  userPrincipalName: string;
}

/**
 * The object ids of `upns`, in the given order, from one `getUsers` lookup. UPNs compare case-insensitively,
 * as Entra does. A missing user is an error naming every one of them: the lookup already fails on missing
 * users (`ignoreMissing: false`), so this only guards against a changed provider contract.
 */
export function objectIdsFor(users: readonly DirectoryUser[], upns: readonly string[]): string[] {
  const byUpn = new Map(users.map((u) => [u.userPrincipalName.toLowerCase(), u.objectId]));
  const missing = upns.filter((u) => !byUpn.has(u.toLowerCase()));
  if (missing.length > 0) {
    throw new Error(
      `Entra ID has no user ${missing.map((m) => `'${m}'`).join(", ")} — fix the UPN in the department file.`,
    );
  }
  return upns.map((u) => byUpn.get(u.toLowerCase()) as string);
}

/** Owners and admins, deduplicated case-insensitively, for a single lookup. */
export function lookupUpns(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const upn of lists.flat()) {
    if (seen.has(upn.toLowerCase())) continue;
    seen.add(upn.toLowerCase());
    out.push(upn);
  }
  return out;
}
