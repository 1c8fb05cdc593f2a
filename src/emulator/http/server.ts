import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { Socket } from "node:net";
import { dispatch } from "./dispatch";
import { graphError } from "./errors";
import type { EmulatorCertificate } from "./tls";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse } from "./types";

const JSON_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
const MAX_BODY = 16 * 1024 * 1024;

/** The HTTPS shell around `dispatch`; listens on 127.0.0.1 only. */
export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function listen(
  core: EmulatorCore,
  cert: EmulatorCertificate,
  port: number,
): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    handle(core, req, res, actualPort()).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`emulator error: ${err instanceof Error ? err.message : String(err)}\n`);
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5000;
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  // A client that aborts a TLS handshake (e.g. one that does not trust the CA) is not an emulator error.
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = () => {
    const addr = server.address();
    return typeof addr === "object" && addr ? addr.port : port;
  };
  return {
    port: actualPort(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function handle(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
): Promise<void> {
  const text = await readBody(req);
  const origin = `https://${req.headers.host ?? `127.0.0.1:${port}`}`;
  const url = new URL(req.url ?? "/", origin);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  const request: EmulatorRequest = {
    method: (req.method ?? "GET").toUpperCase(),
    path: safeDecode(url.pathname),
    query: url.searchParams,
    rawQuery: url.search.replace(/^\?/, ""),
    headers,
    body: undefined,
    origin,
    requestId: randomUUID(),
  };
  let result;
  if (text !== "" && /json/i.test(headers["content-type"] ?? "")) {
    try {
      request.body = JSON.parse(text);
    } catch {
      result = graphError(
        core,
        request,
        400,
        "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
      );
    }
  } else if (text !== "") {
    request.body = text;
  }
  result ??= await dispatch(core, request);
  if ("drop" in result) {
    req.socket.destroy();
    return;
  }
  send(res, request, result);
}

function send(res: ServerResponse, req: EmulatorRequest, out: EmulatorResponse): void {
  const headers: Record<string, string> = {
    "request-id": req.requestId,
    "client-request-id": req.headers["client-request-id"] ?? req.requestId,
    ...(out.headers ?? {}),
  };
  let payload = "";
  if (out.body !== undefined) {
    payload = typeof out.body === "string" ? out.body : JSON.stringify(out.body);
    headers["content-type"] ??= typeof out.body === "string" ? "text/plain; charset=utf-8" : JSON_TYPE;
  }
  headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(out.status, headers);
  res.end(payload);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
