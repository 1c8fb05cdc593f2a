/** Shared fixtures: a fake clock that records sleeps, a fixed token source, and a client wired to a test server. */
import { createGraphClient } from "../../../src/graph";
import type { AccessTokenSource, CreateGraphClientOptions, GraphClient } from "../../../src/graph";
import type { TestServer } from "./httpsTestServer";

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Every delay the client asked to sleep, in order. */
  sleeps: number[];
}

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

export const TEST_TOKEN = "test-token-0123456789";

export function fixedTokens(token = TEST_TOKEN): AccessTokenSource {
  return { description: "fixed test token", secrets: [token], getAccessToken: async () => token };
}

export function clientFor(
  server: TestServer,
  overrides: Partial<CreateGraphClientOptions> = {},
): { client: GraphClient; clock: FakeClock } {
  const clock = fakeClock();
  const client = createGraphClient({
    endpoint: server.url,
    caPem: server.caPem,
    tokens: fixedTokens(),
    env: {},
    clock,
    random: () => 0.5,
    ...overrides,
  });
  return { client, clock };
}
