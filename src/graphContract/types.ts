/**
 * The Graph v1.0 contract of the endpoints the toolkit calls, generated from Microsoft's reference pages
 * (tools/graph-contract) and vendored at vendor/reference/microsoft-graph/graph-v1-endpoints.json. The emulator
 * refuses what a page does not document (src/emulator/http/contract.ts).
 */

/** What the page's "Optional query parameters" section allows. */
export type QueryOptions =
  /** The section lists options by name: only those (lower-cased, with `$`). */
  | { kind: "list"; options: string[]; unsupported: string[] }
  /** The section only points at the generic OData query-parameter page: no option is refused. */
  | { kind: "generic" }
  /** "None.", or an action with no such section: every `$` option is refused. */
  | { kind: "none" };

export interface BodyParameter {
  name: string;
  type: string;
  /** The description says "Mandatory" / "Required". */
  required: boolean;
}

export type RequestBody =
  | { kind: "none" }
  | { kind: "parameters"; parameters: BodyParameter[] }
  /** An update page: "supply the values for relevant fields", the properties being the resource's (its page named). */
  | { kind: "resource"; resource: string };

export interface HeaderRule {
  name: string;
  description: string;
}

export interface EndpointContract {
  /** The emulator's route key, `METHOD /v1.0/template`. */
  route: string;
  /** Where it is documented; null when no v1.0 page describes this exact call (see `reason`). */
  page: string | null;
  commit: string | null;
  /** Why no page applies, when `page` is null. */
  reason?: string;
  /** The request lines of the page's "HTTP request" block. */
  http: string[];
  queryOptions: QueryOptions;
  /** `$filter` operators the page names or its examples use, when it restricts them; undefined = not restricted. */
  filterOperators?: string[];
  headers: HeaderRule[];
  /** Query options that need `ConsistencyLevel: eventual` (and `$count=true`) per the headers table. */
  consistencyLevelFor: string[];
  body: RequestBody;
  /** The success status the Response section names. */
  successStatus: number | null;
  /** The response sentence as written, for the reader of the contract. */
  response: string;
}

export interface GraphContract {
  source: {
    repository: string;
    note: string;
    generatedBy: string;
  };
  endpoints: EndpointContract[];
}
