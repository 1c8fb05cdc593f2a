/**
 * Just enough of the Microsoft identity platform for @azure/identity's ClientSecretCredential: OpenID metadata
 * and the v2 token endpoint, answering AADSTS errors the way the real service does.
 */
import type { RecordedRequest, Reply } from "./httpsTestServer";

export interface IdentityOptions {
  origin: string;
  tenantId: string;
  clientSecret: string;
  accessToken: string;
}

export function identityReply(request: RecordedRequest, options: IdentityOptions): Reply | undefined {
  const path = request.url.split("?")[0];
  const base = `${options.origin}/${options.tenantId}`;
  if (request.method === "GET" && path === `/${options.tenantId}/v2.0/.well-known/openid-configuration`) {
    return {
      json: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ["query"],
      },
    };
  }
  if (request.method === "POST" && path === `/${options.tenantId}/oauth2/v2.0/token`) {
    const form = new URLSearchParams(request.body);
    if (form.get("client_secret") !== options.clientSecret) {
      return {
        status: 401,
        json: {
          error: "invalid_client",
          error_description:
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID. Trace ID: 0000 Correlation ID: 1111 Timestamp: 2026-01-01 00:00:00Z",
          error_codes: [7000215],
        },
      };
    }
    return {
      json: {
        token_type: "Bearer",
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: options.accessToken,
      },
    };
  }
  return undefined;
}
