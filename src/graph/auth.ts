/**
 * Access tokens for Graph, acquired inside provider code from the environment. Never from resource inputs and
 * never stored in state (pulumi-offline.md §3.2: anything a dynamic provider captures lands in state).
 *
 * First match wins:
 *   1. TENANT_GRAPH_STATIC_TOKEN — a fixed token, EMULATOR ONLY (refused for Microsoft's Graph hosts).
 *   2. AZURE_FEDERATED_TOKEN_FILE — workload identity / federated credential (CI).
 *   3. AZURE_CLIENT_CERTIFICATE_PATH [+ AZURE_CLIENT_CERTIFICATE_PASSWORD] — client certificate.
 *   4. AZURE_CLIENT_SECRET — client secret.
 * 2–4 need AZURE_TENANT_ID and AZURE_CLIENT_ID; AZURE_AUTHORITY_HOST points them at another identity service
 * (the emulator's token endpoint). The private CA (TENANT_GRAPH_CA_FILE) is trusted for that service too.
 */
import type { TokenCredential } from "@azure/identity";
import type { GraphEndpoint } from "./endpoint";
import { redactSecrets } from "./redact";
import { caBundle } from "./tls";
import type { TrustedCa } from "./tls";
import type { AccessTokenSource } from "./tokenSource";

export const GRAPH_STATIC_TOKEN_ENV = "TENANT_GRAPH_STATIC_TOKEN";

/** Graph hosts of Microsoft's clouds: a static token is never sent there. */
export const MICROSOFT_GRAPH_HOSTS: readonly string[] = [
  "graph.microsoft.com",
  "graph.microsoft.us",
  "dod-graph.microsoft.us",
  "graph.microsoft.de",
  "microsoftgraph.chinacloudapi.cn",
  "canary.graph.microsoft.com",
];

const MICROSOFT_AUTHORITY_HOSTS: readonly string[] = [
  "login.microsoftonline.com",
  "login.microsoftonline.us",
  "login.chinacloudapi.cn",
  "login.microsoftonline.de",
];

export type CredentialKind = "static" | "workload-identity" | "client-certificate" | "client-secret";

export interface CredentialPlan {
  kind: CredentialKind;
  /** The environment variables this credential reads, for messages. */
  variables: string[];
  tenantId?: string;
  clientId?: string;
  authorityHost?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Decides which credential the environment describes. Pure; throws a message naming what is missing. */
export function planCredential(env: Env): CredentialPlan {
  const value = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  };
  const authorityHost = value("AZURE_AUTHORITY_HOST");
  if (value(GRAPH_STATIC_TOKEN_ENV)) {
    return { kind: "static", variables: [GRAPH_STATIC_TOKEN_ENV] };
  }
  let plan: CredentialPlan | undefined;
  if (value("AZURE_FEDERATED_TOKEN_FILE")) {
    plan = {
      kind: "workload-identity",
      variables: ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE"],
    };
  } else if (value("AZURE_CLIENT_CERTIFICATE_PATH")) {
    plan = {
      kind: "client-certificate",
      variables: ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_CERTIFICATE_PATH"],
    };
    if (value("AZURE_CLIENT_CERTIFICATE_PASSWORD")) {
      plan.variables.push("AZURE_CLIENT_CERTIFICATE_PASSWORD");
    }
  } else if (value("AZURE_CLIENT_SECRET")) {
    plan = {
      kind: "client-secret",
      variables: ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"],
    };
  }
  if (!plan) {
    throw new Error(
      "no Graph credentials in the environment: set AZURE_TENANT_ID and AZURE_CLIENT_ID plus one of " +
        "AZURE_FEDERATED_TOKEN_FILE (workload identity), AZURE_CLIENT_CERTIFICATE_PATH or AZURE_CLIENT_SECRET " +
        `(or, against the emulator only, ${GRAPH_STATIC_TOKEN_ENV}); see docs/graph.md`,
    );
  }
  const missing = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"].filter((name) => !value(name));
  if (missing.length > 0) {
    throw new Error(
      `${plan.kind} credential (${plan.variables.join(", ")}) is missing ${missing.join(" and ")}`,
    );
  }
  plan.tenantId = value("AZURE_TENANT_ID");
  plan.clientId = value("AZURE_CLIENT_ID");
  if (authorityHost) {
    plan.authorityHost = authorityHost;
    plan.variables.push("AZURE_AUTHORITY_HOST");
  }
  return plan;
}

/** `https://graph.microsoft.com/.default` for Microsoft hosts; the emulator accepts the public Graph audience. */
export function defaultScope(endpoint: GraphEndpoint): string {
  return MICROSOFT_GRAPH_HOSTS.includes(endpoint.hostname)
    ? `${endpoint.origin}/.default`
    : "https://graph.microsoft.com/.default";
}

export interface TokenSourceInputs {
  endpoint: GraphEndpoint;
  env: Env;
  ca?: TrustedCa;
  scope?: string;
}

export function accessTokenSourceFromEnvironment(inputs: TokenSourceInputs): AccessTokenSource {
  const plan = planCredential(inputs.env);
  const scope = inputs.scope ?? defaultScope(inputs.endpoint);
  const secrets = ["AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PASSWORD", GRAPH_STATIC_TOKEN_ENV]
    .map((name) => inputs.env[name])
    .filter((v): v is string => v !== undefined && v !== "");
  if (plan.kind === "static") {
    if (MICROSOFT_GRAPH_HOSTS.includes(inputs.endpoint.hostname)) {
      throw new Error(
        `${GRAPH_STATIC_TOKEN_ENV} is for the local emulator only and is refused for ${inputs.endpoint.origin}`,
      );
    }
    const token = (inputs.env[GRAPH_STATIC_TOKEN_ENV] as string).trim();
    return {
      description: `static token from ${GRAPH_STATIC_TOKEN_ENV} (emulator only)`,
      secrets,
      getAccessToken: async () => token,
    };
  }
  const description = `${credentialClassName(plan.kind)} from ${plan.variables.join(", ")}${plan.authorityHost ? ` (authority ${plan.authorityHost})` : ""}`;
  let credential: TokenCredential | undefined;
  return {
    description,
    secrets,
    async getAccessToken(): Promise<string> {
      // Built on first use: constructing a credential reads files (certificate, token file) and loads MSAL.
      credential ??= createCredential(plan, inputs.env, inputs.ca);
      let token;
      try {
        token = await credential.getToken(scope);
      } catch (error) {
        // No `cause`: the identity library's error object carries request details; its summarized, redacted
        // message is all that should travel into logs.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(
          `${description} could not get a token for ${scope}: ${summarizeIdentityError(error, secrets)}`,
        );
      }
      if (!token) {
        throw new Error(`${description} returned no token for ${scope}`);
      }
      return token.token;
    },
  };
}

function credentialClassName(kind: CredentialKind): string {
  switch (kind) {
    case "workload-identity":
      return "WorkloadIdentityCredential";
    case "client-certificate":
      return "ClientCertificateCredential";
    case "client-secret":
      return "ClientSecretCredential";
    default:
      return "static token";
  }
}

function createCredential(plan: CredentialPlan, env: Env, ca: TrustedCa | undefined): TokenCredential {
  // Required here, not at the top: keeps the module cheap to load and to serialize into dynamic providers.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const identity = require("@azure/identity") as typeof import("@azure/identity");
  const tenantId = plan.tenantId as string;
  const clientId = plan.clientId as string;
  const options = {
    authorityHost: plan.authorityHost,
    // Instance discovery asks login.microsoftonline.com about the authority; a private one (the emulator) is unknown there.
    disableInstanceDiscovery:
      plan.authorityHost !== undefined &&
      !MICROSOFT_AUTHORITY_HOSTS.includes(safeHostname(plan.authorityHost)),
    tlsOptions: ca ? { ca: caBundle(ca) } : undefined,
    // Our own retry loop governs Graph; for the identity service keep the SDK's retries short so that bad
    // credentials fail fast.
    retryOptions: { maxRetries: 1 },
  };
  switch (plan.kind) {
    case "workload-identity":
      return new identity.WorkloadIdentityCredential({
        ...options,
        tenantId,
        clientId,
        tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE as string,
      });
    case "client-certificate":
      return new identity.ClientCertificateCredential(
        tenantId,
        clientId,
        {
          certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH as string,
          certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD || undefined,
        },
        options,
      );
    default:
      return new identity.ClientSecretCredential(
        tenantId,
        clientId,
        env.AZURE_CLIENT_SECRET as string,
        options,
      );
  }
}

/** The identity service's own words (AADSTS… code and text), first lines only, secrets removed. */
export function summarizeIdentityError(error: unknown, secrets: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  // MSAL wraps the service's answer in boilerplate ("Error(s): … - Timestamp: … - Trace ID: …"); the
  // AADSTS code and sentence are what a person needs.
  const aadsts = /AADSTS\d+:[\s\S]*?(?=\s+Trace ID:|\s+-\s+(?:Correlation ID|Trace ID|Timestamp):|$)/.exec(
    message,
  );
  let text: string;
  if (aadsts) {
    const errorCode = /^\s*([a-z_]+):/.exec(message)?.[1];
    text = `${errorCode ? `${errorCode}: ` : ""}${aadsts[0].trim()}`;
  } else {
    text = message
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .slice(0, 4)
      .join(" ");
  }
  return redactSecrets(text.length > 600 ? `${text.slice(0, 597)}…` : text, secrets);
}

function safeHostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
