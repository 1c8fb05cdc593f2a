/**
 * Trust for a private CA (the emulator's), applied per connection through an undici dispatcher handed to this
 * client's fetch calls only. Never via NODE_TLS_REJECT_UNAUTHORIZED=0, which would switch verification off for
 * the whole process, including real Graph and the identity service.
 */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";

export const GRAPH_CA_FILE_ENV = "TENANT_GRAPH_CA_FILE";

export interface TrustedCa {
  pem: string;
  /** Where it came from, for error messages. */
  source: string;
}

export interface CaInputs {
  caPem?: string;
  caFile?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export function loadTrustedCa(inputs: CaInputs = {}): TrustedCa | undefined {
  if (inputs.caPem !== undefined) {
    return { pem: checkPem(inputs.caPem, "the caPem option"), source: "the caPem option" };
  }
  const file = inputs.caFile ?? nonEmpty(inputs.env?.[GRAPH_CA_FILE_ENV]);
  if (file === undefined) {
    return undefined;
  }
  const source = inputs.caFile !== undefined ? `caFile ${file}` : `${GRAPH_CA_FILE_ENV}=${file}`;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read the CA certificate from ${source}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { pem: checkPem(text, source), source };
}

/**
 * The CA list for a connection: the public roots plus the private CA, so one client can reach both the emulator
 * and the identity service (a bare `ca` would replace the public roots).
 */
export function caBundle(ca: TrustedCa): string[] {
  return [...rootCertificates, ca.pem];
}

/**
 * An undici Agent trusting `ca`, one per CA per process. Node 20's global fetch is undici 6 and accepts a
 * dispatcher of the same major version (the `undici` dependency is pinned to 6.x for that reason). Required
 * lazily: this module may be captured by Pulumi's dynamic-provider serialization, which should see plain
 * functions, not a loaded library.
 *
 * Shared rather than made per client: every provider call makes a client, and an Agent of its own opened its own
 * connections, each with a TLS context of the ~150 public roots plus the CA, kept until the Agent was collected.
 * One Agent reuses its connections, as the global dispatcher does for Microsoft's Graph.
 */
export function createCaDispatcher(ca: TrustedCa): unknown {
  // On `globalThis` so every copy of this module shares it (as admin/create.ts). The key is made here, not at
  // module level: Pulumi's closure serializer cannot carry a symbol captured from the module.
  const g = globalThis as unknown as Record<symbol, Map<string, unknown> | undefined>;
  const agents = (g[Symbol.for("tenant-provisioning.graph.ca-agents")] ??= new Map<string, unknown>());
  let agent = agents.get(ca.pem);
  if (!agent) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const undici = require("undici") as typeof import("undici");
    agent = new undici.Agent({ connect: { ca: caBundle(ca) } });
    agents.set(ca.pem, agent);
  }
  return agent;
}

function checkPem(text: string, source: string): string {
  if (!text.includes("-----BEGIN CERTIFICATE-----")) {
    throw new Error(`the CA certificate from ${source} is not a PEM certificate`);
  }
  return text;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
