import { collectGarbage } from "../../src/render/collectGarbage";

/** A large object only a WeakRef points at (a WeakRef keeps its target alive until the current job ends). */
function unreferenced(): WeakRef<number[][]> {
  return new WeakRef(Array.from({ length: 200 }, () => new Array<number>(50_000).fill(1)));
}

describe("collectGarbage", () => {
  it("frees what nothing references any more, without a command-line flag", async () => {
    const ref = unreferenced();
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
