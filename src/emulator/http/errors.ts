import type { EmulatorCore, EmulatorRequest, EmulatorResponse } from "./types";

/** Graph's `innerError.date`: UTC without zone suffix or fraction (graph-teams-licensing.md §5.1). */
function innerDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** The Graph error body with request ids, as the JS client reads it (code, message, innerError). */
export function graphError(
  core: Pick<EmulatorCore, "clock">,
  req: Pick<EmulatorRequest, "requestId" | "headers">,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  innerExtra: Record<string, string> = {},
): EmulatorResponse {
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: {
          ...innerExtra,
          date: innerDate(core.clock.now()),
          "request-id": req.requestId,
          "client-request-id": req.headers["client-request-id"] ?? req.requestId,
        },
      },
    },
  };
}

export const notFound = (core: EmulatorCore, req: EmulatorRequest, id: string) =>
  graphError(
    core,
    req,
    404,
    "Request_ResourceNotFound",
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const badRequest = (
  core: EmulatorCore,
  req: EmulatorRequest,
  message: string,
  code = "Request_BadRequest",
) => graphError(core, req, 400, code, message);
