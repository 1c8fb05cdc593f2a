/**
 * UPN → object id, 20 lookups per `$batch` (`GET /users/{upn}?$select=id`, graph-teams-licensing.md §5.3).
 * A UPN is data: it is percent-encoded into the path, so quotes, `$()`, `#`, `?` or `/` cannot change the
 * request. 404 means "no such user"; any other failure (after the client's retries) is that user's reason.
 */
import type { GraphClient } from "../../graph";
import { reasonOfError } from "./report";
import { upnKey } from "./inputs";

export type UserLookup = { id: string } | { id?: undefined; reason: string };

export const userPath = (upn: string) => `/users/${encodeURIComponent(upn)}?$select=id`;

export async function resolveUsers(
  client: GraphClient,
  upns: readonly string[],
): Promise<Map<string, UserLookup>> {
  const unique = [...new Map(upns.map((u) => [upnKey(u), u])).values()];
  const results = await client.batch<{ id?: string }>(
    unique.map((upn) => ({ method: "GET" as const, url: userPath(upn) })),
  );
  const out = new Map<string, UserLookup>();
  unique.forEach((upn, i) => {
    const r = results[i];
    if (r.ok && typeof r.body?.id === "string") out.set(upnKey(upn), { id: r.body.id });
    else if (r.status === 404)
      out.set(upnKey(upn), { reason: `no user has the principal name ${JSON.stringify(upn)} (404)` });
    else out.set(upnKey(upn), { reason: `looking the user up failed: ${reasonOfError(r.error)}` });
  });
  return out;
}
