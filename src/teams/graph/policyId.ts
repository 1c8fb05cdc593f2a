import type { GraphClient } from "../../graph";
import { isNotFound } from "../../notFound";

/**
 * `getPolicyId(type='…',name='…')` (graph-teams-licensing.md §2.6). The name is user data: it is written as
 * an OData string literal (quotes doubled) and percent-encoded, never spliced in raw.
 */
export function getPolicyIdPath(type: string, name: string): string {
  const literal = (s: string) => `'${encodeURIComponent(s.replace(/'/g, "''"))}'`;
  return `/admin/teams/policy/getPolicyId(type=${literal(type)},name=${literal(name)})`;
}

interface PolicyIdentifierDetail {
  name?: string;
  policyId?: string;
}

export async function lookUpPolicyId(
  client: GraphClient,
  type: string,
  name: string,
): Promise<string | undefined> {
  try {
    const body = await client.get<{ value?: PolicyIdentifierDetail[] } & PolicyIdentifierDetail>(
      getPolicyIdPath(type, name),
    );
    // A collection per the CSDL; a bare object is accepted too.
    const detail = Array.isArray(body?.value) ? body.value[0] : body;
    return detail?.policyId ?? undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
