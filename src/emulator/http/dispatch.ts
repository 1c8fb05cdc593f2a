import { setTimeout as sleep } from "node:timers/promises";
import { checkContract } from "./contract";
import { graphError } from "./errors";
import { decideFault, formatRetryAfter, shouldDelay } from "./faults";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse } from "./types";

/** A response, or the instruction to destroy the connection without answering. */
export type DispatchResult = EmulatorResponse | { drop: true };

/** Who the write quota charges: the `appid` of a token the emulator issued, else one static app. */
function appOf(req: EmulatorRequest): string {
  const token = bearerToken(req);
  const payload = token?.split(".")[1];
  if (!payload) return "static";
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { appid?: string };
    return claims.appid ?? "static";
  } catch {
    return "static";
  }
}

function dropAfterWrite(core: EmulatorCore): boolean {
  const rate = core.faults.dropAfterWriteRate ?? 0;
  return rate > 0 && core.random() < rate;
}

export function bearerToken(req: EmulatorRequest): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return m?.[1];
}

/**
 * The one path every request takes, over the wire or inside `$batch`: route, count, authenticate, inject
 * faults, apply the write quota, run the handler. Batch items may be throttled (inner 429) but are never
 * dropped or delayed on their own.
 */
export async function dispatch(
  core: EmulatorCore,
  req: EmulatorRequest,
  inBatch = false,
): Promise<DispatchResult> {
  core.state.settle();
  const match = core.routes.match(req.method, req.path);
  if (!match) {
    const segment = req.path.split("/").filter(Boolean).pop() ?? "";
    return graphError(core, req, 400, "BadRequest", `Resource not found for the segment '${segment}'.`);
  }
  if ("methodNotAllowed" in match) {
    return graphError(
      core,
      req,
      405,
      "Request_BadRequest",
      "Specified HTTP method is not allowed for the request target.",
    );
  }
  const { route, key, params } = match;
  if (route.uncounted) return route.handler(core, req, params);
  core.counters.request(key, inBatch);
  const finish = (res: EmulatorResponse): EmulatorResponse => {
    core.counters.status(key, res.status);
    return res;
  };
  const graph = (route.kind ?? "graph") === "graph";
  if (graph) {
    const token = bearerToken(req);
    if (!token)
      return finish(graphError(core, req, 401, "InvalidAuthenticationToken", "Access token is empty."));
    if (!core.auth.acceptAnyToken && !core.issuedTokens.has(token)) {
      return finish(
        graphError(core, req, 401, "InvalidAuthenticationToken", "Access token validation failure."),
      );
    }
    const refused = checkContract(core, req, key);
    if (refused) return finish(refused);
    const fault = decideFault(core.faults, key, () => core.random(), inBatch);
    if (fault?.kind === "drop") {
      core.counters.faulted(key);
      return { drop: true };
    }
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { "Retry-After": formatRetryAfter(fault.retryAfter) };
      if (fault.kind === "503") {
        core.counters.faulted(key);
        return finish(
          graphError(
            core,
            req,
            503,
            "serviceNotAvailable",
            "The service is temporarily unavailable. Please retry later.",
            headers,
          ),
        );
      }
      core.counters.throttled(key);
      return finish(
        graphError(core, req, 429, "TooManyRequests", "Please retry again later.", headers, {
          code: "429",
          message: "Please retry after",
          status: "429",
        }),
      );
    }
    if (route.write && core.faults.quota !== false) {
      const verdict = core.quota.tryWrite(appOf(req), core.faults.writeLimit, core.faults.writeWindowMs);
      if (!verdict.ok) {
        core.counters.throttled(key);
        return finish(
          graphError(
            core,
            req,
            429,
            "TooManyRequests",
            `Write limit exceeded for this application in this tenant. Please retry after ${verdict.retryAfterSeconds} seconds.`,
            {
              "Retry-After": String(verdict.retryAfterSeconds),
              "x-ms-throttle-information": "WriteLimitExceeded",
              "x-ms-throttle-scope": `Tenant_Application/ReadWrite/${appOf(req)}/${core.state.tenant.tenantId}`,
            },
            { code: "WriteLimitExceeded" },
          ),
        );
      }
    }
    const delay = inBatch ? 0 : shouldDelay(core.faults, key, () => core.random());
    if (delay > 0) await sleep(delay);
  }
  if (route.write) core.counters.write(key);
  const res = finish(await route.handler(core, req, params));
  core.changed();
  if (graph && route.write && !inBatch && res.status < 400 && dropAfterWrite(core)) {
    core.counters.faulted(key);
    return { drop: true };
  }
  return res;
}
