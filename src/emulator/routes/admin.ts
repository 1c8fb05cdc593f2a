import type { RouteDef } from "../http/types";
import type { FaultOptions } from "../http/faults";
import { json } from "./common";

/**
 * `/_emulator/*`: inspection and control for tests, benchmarks and people, without a token. Not Graph.
 */
export const adminRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/_emulator/counters",
    kind: "public",
    uncounted: true,
    handler: (core) => json(core.counters.snapshot()),
  },
  {
    method: "POST",
    template: "/_emulator/reset-counters",
    kind: "public",
    uncounted: true,
    handler: (core) => {
      core.counters.reset();
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/_emulator/state",
    kind: "public",
    uncounted: true,
    handler: (core) => {
      core.state.settle();
      return json(core.state.doc);
    },
  },
  {
    method: "GET",
    template: "/_emulator/faults",
    kind: "public",
    uncounted: true,
    handler: (core) => json(core.faults),
  },
  {
    method: "PATCH",
    template: "/_emulator/faults",
    kind: "public",
    uncounted: true,
    // Merged into the live object, so the running emulator changes behaviour at once.
    handler: (core, req) => {
      Object.assign(core.faults, req.body as FaultOptions);
      return json(core.faults);
    },
  },
  {
    method: "POST",
    template: "/_emulator/clock/advance",
    kind: "public",
    uncounted: true,
    handler: (core, req) => {
      const ms = Number((req.body as { ms?: unknown } | undefined)?.ms);
      if (!Number.isFinite(ms) || ms < 0) return json({ error: 'give { "ms": <non-negative number> }' }, 400);
      core.clock.advance(ms);
      core.state.settle();
      return json({ now: new Date(core.clock.now()).toISOString() });
    },
  },
];
