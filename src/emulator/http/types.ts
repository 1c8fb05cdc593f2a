import type { Clock } from "../clock";
import type { TenantState } from "../state";
import type { LicensingTiming } from "../state/licensing";
import type { Counters } from "./counters";
import type { FaultOptions } from "./faults";
import type { WriteQuota } from "./quota";

/** One HTTP request as route handlers see it: parsed, with the origin links must be built from. */
export interface EmulatorRequest {
  method: string;
  /** Decoded path without the query, e.g. `/v1.0/users/ana@villa.example`. */
  path: string;
  query: URLSearchParams;
  /** The query string as sent (without `?`), kept so nextLinks repeat it verbatim. */
  rawQuery: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON, or undefined. */
  body: unknown;
  /** `https://<host>:<port>` as the client addressed us: nextLinks and Location headers use it. */
  origin: string;
  requestId: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string (then text/plain). */
  body?: unknown;
}

export interface AuthConfig {
  /** The app the token endpoint accepts (client credentials). */
  clientId: string;
  clientSecret: string;
  /** Static-token mode (default): any bearer token is accepted, as with a stub auth provider in tests. */
  acceptAnyToken: boolean;
}

/** Everything a handler may use; one per emulator. */
export interface EmulatorCore {
  state: TenantState;
  clock: Clock;
  /** Read on every request, so changing it changes behaviour at once. */
  faults: FaultOptions;
  counters: Counters;
  quota: WriteQuota;
  routes: Routes;
  timing: LicensingTiming;
  auth: AuthConfig;
  /** Tokens the token endpoint issued (checked when `acceptAnyToken` is off). */
  issuedTokens: Set<string>;
  /** A uniform [0,1) draw from the fault seed. */
  random(): number;
  /** Called after each request that may have changed the state. */
  changed(): void;
}

export type RouteHandler = (
  core: EmulatorCore,
  req: EmulatorRequest,
  params: Record<string, string>,
) => EmulatorResponse | Promise<EmulatorResponse>;

export type RouteMatch =
  { route: RouteDef; key: string; params: Record<string, string> } | { methodNotAllowed: true } | undefined;

/** What a handler's dispatch needs of the route table (router.ts's RouteTable), so types need not import it. */
export interface Routes {
  match(method: string, path: string): RouteMatch;
  /** `METHOD template` of every route. */
  keys(): string[];
}

export interface RouteDef {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path with `{name}` placeholders, e.g. `/v1.0/groups/{id}/members`. A placeholder never spans a `/`. */
  template: string;
  handler: RouteHandler;
  /** Counts as a write for the write quota and counters. */
  write?: boolean;
  /**
   * `graph` (default): bearer token required, faults and quota apply. `public`: neither (token endpoint,
   * `/_emulator` debugging routes).
   */
  kind?: "graph" | "public";
  /** Left out of the counters (the emulator's own inspection routes, so reading counters does not change them). */
  uncounted?: boolean;
}
