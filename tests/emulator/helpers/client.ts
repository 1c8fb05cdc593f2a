import { Agent, request } from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import {
  ManualClock,
  startEmulator,
  type EmulatorHandle,
  type StartEmulatorOptions,
} from "../../../src/emulator";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary Graph JSON
  body: any;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** null sends no Authorization header. */
  token?: string | null;
}

/**
 * Talks to the emulator over real HTTPS, trusting its CA for these connections only (an Agent with `ca`),
 * never by turning verification off.
 */
export class EmulatorClient {
  readonly agent: Agent;

  constructor(readonly emu: EmulatorHandle) {
    this.agent = new Agent({ ca: emu.caPem, keepAlive: true, maxSockets: 16 });
  }

  call(method: string, pathOrUrl: string, opts: CallOptions = {}): Promise<Reply> {
    const url = new URL(pathOrUrl, this.emu.url);
    const payload =
      opts.body === undefined
        ? undefined
        : typeof opts.body === "string"
          ? opts.body
          : JSON.stringify(opts.body);
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const token = opts.token === undefined ? "test-token" : opts.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers["content-type"] ??= "application/json";
      headers["content-length"] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = text;
          if (/json/.test(String(res.headers["content-type"]))) body = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      });
      req.on("error", reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  get(path: string, opts: CallOptions = {}): Promise<Reply> {
    return this.call("GET", path, opts);
  }

  post(path: string, body: unknown, opts: CallOptions = {}): Promise<Reply> {
    return this.call("POST", path, { ...opts, body });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface TestEmulator {
  emu: EmulatorHandle;
  client: EmulatorClient;
  clock: ManualClock;
  stop(): Promise<void>;
}

/** An emulator seeded from the minimal fixture on a manual clock, with a client that trusts it. */
export async function startTestEmulator(opts: StartEmulatorOptions = {}): Promise<TestEmulator> {
  const clock = (opts.clock as ManualClock | undefined) ?? new ManualClock();
  const emu = await startEmulator({ seed: MINIMAL_FIXTURE, ...opts, clock });
  const client = new EmulatorClient(emu);
  return {
    emu,
    client,
    clock,
    stop: async () => {
      client.close();
      await emu.stop();
    },
  };
}

export const E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
export const MCOEV = "e43b5b99-8dfb-405f-9987-dc307f34bcbd";
