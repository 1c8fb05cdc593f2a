/**
 * A tiny HTTPS server for the Graph client's tests: a self-signed certificate for 127.0.0.1 (generated once per
 * test file), a replaceable handler, a record of every request, and replies that can drop the connection or
 * never answer. Real TLS and real sockets, so the client is tested the way it runs.
 */
import { createServer } from "node:https";
import type { Server } from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import type { Socket } from "node:net";
import { generate } from "selfsigned";

export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/v1.0/users?$top=2`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export type Reply =
  | { status?: number; headers?: Record<string, string>; json?: unknown; text?: string }
  /** Destroy the socket without answering (a dropped connection). */
  | "drop"
  /** Never answer (for timeouts). */
  | "hang";

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface TestServer {
  /** `https://127.0.0.1:<port>/` */
  url: string;
  origin: string;
  caPem: string;
  requests: RecordedRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

let certificate: Promise<{ key: string; cert: string }> | undefined;

export function testCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: "commonName", value: "tenant-provisioning test server" }], {
    // EC keys: generation and handshakes are far cheaper than RSA, which keeps the suite fast.
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 7, ip: "127.0.0.1" },
          { type: 2, value: "localhost" },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

export async function startTestServer(initial?: Handler): Promise<TestServer> {
  const { key, cert } = await testCertificate();
  let handler: Handler =
    initial ?? (() => ({ status: 404, json: { error: { code: "NotFound", message: "no handler" } } }));
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = body === "" ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        json,
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded)).then((reply) => {
        if (reply === "drop") {
          req.socket.destroy();
          return;
        }
        if (reply === "hang") {
          return;
        }
        const headers: Record<string, string> = { ...(reply.headers ?? {}) };
        let payload = reply.text ?? "";
        if (reply.json !== undefined) {
          payload = JSON.stringify(reply.json);
          headers["content-type"] ??= "application/json";
        }
        res.writeHead(reply.status ?? 200, headers);
        res.end(payload);
      });
    });
  });
  server.on("secureConnection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Client-side TLS failures show up here as socket errors; they are expected in the CA tests.
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const origin = `https://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    caPem: cert,
    requests,
    setHandler(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/** Graph's error body. */
export function graphError(code: string, message: string, requestId = "req-0000"): unknown {
  return {
    error: {
      code,
      message,
      innerError: {
        date: "2026-01-01T00:00:00",
        "request-id": requestId,
        "client-request-id": "client-0000",
      },
    },
  };
}
