/**
 * Where Graph is. The real service by default; the emulator (or a national cloud) by override.
 * Precedence: explicit argument > TENANT_GRAPH_ENDPOINT > stack config `tenant:graphEndpoint` > default.
 * The environment wins over the stack so a one-off run can be pointed at the emulator without editing the stack.
 */
export const DEFAULT_GRAPH_ENDPOINT = "https://graph.microsoft.com/";
export const GRAPH_ENDPOINT_ENV = "TENANT_GRAPH_ENDPOINT";
export const GRAPH_ENDPOINT_CONFIG_KEY = "tenant:graphEndpoint";

export type EndpointSource = "argument" | "environment" | "stack config" | "default";

export interface GraphEndpoint {
  /** `https://host[:port]/` — what the SDK's `baseUrl` gets. */
  baseUrl: string;
  /** `https://host[:port]` — the only origin the access token is sent to. */
  origin: string;
  /** Host name without port — what the SDK's `customHosts` holds. */
  hostname: string;
  source: EndpointSource;
}

export interface EndpointInputs {
  argument?: string;
  /** Value of `tenant:graphEndpoint` as read by the caller (provider `configure` or program). */
  stackConfig?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export function resolveGraphEndpoint(inputs: EndpointInputs = {}): GraphEndpoint {
  const envValue = inputs.env?.[GRAPH_ENDPOINT_ENV];
  const candidates: [string | undefined, EndpointSource, string][] = [
    [inputs.argument, "argument", "the endpoint argument"],
    [envValue, "environment", GRAPH_ENDPOINT_ENV],
    [inputs.stackConfig, "stack config", GRAPH_ENDPOINT_CONFIG_KEY],
  ];
  for (const [value, source, label] of candidates) {
    if (value !== undefined && value.trim() !== "") {
      return parseEndpoint(value.trim(), source, label);
    }
  }
  return parseEndpoint(DEFAULT_GRAPH_ENDPOINT, "default", "the default");
}

function parseEndpoint(value: string, source: EndpointSource, label: string): GraphEndpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Graph endpoint from ${label} is not a URL: "${value}"`);
  }
  if (url.protocol !== "https:") {
    // The SDK sends the bearer token only to https:// URLs, and we would not want otherwise.
    throw new Error(
      `Graph endpoint from ${label} must use https:// (got "${value}"): the access token is only sent over HTTPS; ` +
        "the emulator serves HTTPS with its own CA (TENANT_GRAPH_CA_FILE)",
    );
  }
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== "/" && url.pathname !== "")
  ) {
    // The SDK splits absolute URLs (nextLinks) as https://host/<version>/<path>; a path prefix would break that.
    throw new Error(
      `Graph endpoint from ${label} must be an origin like https://host[:port]/ (got "${value}")`,
    );
  }
  return { baseUrl: `${url.origin}/`, origin: url.origin, hostname: url.hostname, source };
}
