import { mapBounded } from "../../../src/teams/graph/bounded";

/** A task whose completion the test controls, so concurrency is observed without timing. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("mapBounded", () => {
  it.each([
    [1, 5],
    [3, 5],
    [8, 5],
  ])(
    "with limit %i over %i items never has more than the limit in flight, and all run",
    async (limit, count) => {
      const gates = Array.from({ length: count }, gate);
      let inFlight = 0;
      let most = 0;
      const run = mapBounded(
        gates.map((_, i) => i),
        limit,
        async (i) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await gates[i].opened;
          inFlight -= 1;
          return i * 10;
        },
      );
      // Release them last-first: results must still come back in input order.
      for (const g of [...gates].reverse()) {
        g.open();
        await Promise.resolve();
      }
      gates.forEach((g) => g.open());
      expect(await run).toEqual(gates.map((_, i) => i * 10));
      expect(most).toBe(Math.min(limit, count));
    },
  );

  it("returns nothing for nothing", async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });

  it("stops on an unexpected throw (a bug, not a service answer)", async () => {
    await expect(
      mapBounded([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error("bug");
        return n;
      }),
    ).rejects.toThrow("bug");
  });
});
