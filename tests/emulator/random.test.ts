import { createRng, shuffled } from "../../src/emulator/random";

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng());
};

describe("createRng", () => {
  it("repeats its sequence for a seed, so a fault run can be replayed", () => {
    expect(draw(42, 5)).toEqual(draw(42, 5));
  });

  it("gives another sequence for another seed", () => {
    expect(draw(42, 5)).not.toEqual(draw(43, 5));
  });

  it("stays in [0, 1) and spreads over it", () => {
    const values = draw(7, 1000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(values.filter((v) => v < 0.5).length).toBeGreaterThan(400);
    expect(values.filter((v) => v < 0.5).length).toBeLessThan(600);
  });
});

describe("shuffled", () => {
  const items = Array.from({ length: 20 }, (_, i) => i);

  it("is a permutation of its input and leaves the input as it was", () => {
    const out = shuffled(items, createRng(1));
    expect([...out].sort((a, b) => a - b)).toEqual(items);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("is the same order for the same seed and another for another seed", () => {
    expect(shuffled(items, createRng(1))).toEqual(shuffled(items, createRng(1)));
    expect(shuffled(items, createRng(1))).not.toEqual(shuffled(items, createRng(2)));
  });

  it("actually reorders (batch clients must correlate responses by id)", () => {
    expect(shuffled(items, createRng(1))).not.toEqual(items);
  });
});
