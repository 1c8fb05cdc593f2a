import { randomBytes, randomUUID } from "node:crypto";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse, RouteDef, RouteHandler } from "../http/types";
import { json } from "./common";

/**
 * Just enough of the Microsoft identity platform for `@azure/identity` (ClientSecretCredential with
 * `authorityHost` = the emulator and `disableInstanceDiscovery: true`): the v2.0 OpenID metadata and the
 * client-credentials token endpoint. Bad credentials get the AAD error bodies, so the client's message is
 * the one a real tenant would give.
 */

function knownTenant(core: EmulatorCore, tenant: string): boolean {
  const t = tenant.toLowerCase();
  return (
    t === core.state.tenant.tenantId.toLowerCase() ||
    t === "organizations" ||
    core.state.tenant.verifiedDomains.some((d) => d.toLowerCase() === t)
  );
}

function aadError(
  core: EmulatorCore,
  req: EmulatorRequest,
  status: number,
  error: string,
  code: number,
  message: string,
): EmulatorResponse {
  const traceId = randomUUID();
  const correlationId = req.headers["client-request-id"] ?? randomUUID();
  const timestamp = new Date(core.clock.now())
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return json(
    {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${req.origin}/error?code=${code}`,
    },
    status,
  );
}

const openidConfiguration: RouteHandler = (core, req, { tenant }) => {
  if (!knownTenant(core, tenant)) {
    return aadError(core, req, 400, "invalid_tenant", 90002, `Tenant '${tenant}' not found.`);
  }
  const base = `${req.origin}/${tenant}`;
  return json({
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${req.origin}/${core.state.tenant.tenantId}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${req.origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "tid"],
    tenant_region_scope: "EU",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
  });
};

/** Credentials from the form body, or HTTP Basic (client_secret_basic). */
function clientCredentials(
  req: EmulatorRequest,
  form: URLSearchParams,
): { id?: string; secret?: string; assertion?: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":").map(decodeURIComponent);
    return { id, secret };
  }
  return {
    id: form.get("client_id") ?? undefined,
    secret: form.get("client_secret") ?? undefined,
    assertion: form.get("client_assertion") ?? undefined,
  };
}

const token: RouteHandler = (core, req, { tenant }) => {
  if (!knownTenant(core, tenant)) {
    return aadError(
      core,
      req,
      400,
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`,
    );
  }
  const form = new URLSearchParams(typeof req.body === "string" ? req.body : "");
  if (form.get("grant_type") !== "client_credentials") {
    return aadError(
      core,
      req,
      400,
      "unsupported_grant_type",
      70003,
      "The app requested an unsupported grant type.",
    );
  }
  const scope = form.get("scope") ?? "";
  if (!scope.split(" ").some((s) => s.endsWith("/.default"))) {
    return aadError(
      core,
      req,
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const creds = clientCredentials(req, form);
  if (creds.id !== core.auth.clientId) {
    return aadError(
      core,
      req,
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${creds.id ?? ""}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  // A client assertion (certificate / federated credential) cannot be verified here; it is accepted for the configured app.
  if (!creds.assertion && creds.secret !== core.auth.clientSecret) {
    return aadError(
      core,
      req,
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${creds.id}'.`,
    );
  }
  const now = Math.floor(core.clock.now() / 1000);
  const claims = {
    aud: "https://graph.microsoft.com",
    iss: `${req.origin}/${core.state.tenant.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + 3599,
    appid: core.auth.clientId,
    tid: core.state.tenant.tenantId,
    sub: core.auth.clientId,
    roles: [] as string[],
  };
  // Unsigned (alg none): the emulator is not a security boundary and clients must not parse access tokens.
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const accessToken = `${enc({ typ: "JWT", alg: "none" })}.${enc(claims)}.${randomBytes(16).toString("base64url")}`;
  core.issuedTokens.add(accessToken);
  return json({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
};

export const authRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/{tenant}/v2.0/.well-known/openid-configuration",
    handler: openidConfiguration,
    kind: "public",
  },
  { method: "POST", template: "/{tenant}/oauth2/v2.0/token", handler: token, kind: "public" },
  {
    method: "GET",
    template: "/{tenant}/discovery/v2.0/keys",
    handler: () => json({ keys: [] }),
    kind: "public",
  },
];
