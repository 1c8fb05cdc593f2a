import { nextFreeBlock } from "../../src/network/nextBlock";
import { runNextBlock } from "../../src/cli/commands/network";
import { UsageError } from "../../src/exitCodes";

const plan = { addressPlan: "10.64.0.0/12", reserved: ["10.64.0.0/22"] };

describe("nextFreeBlock (pure)", () => {
  it.each([
    [
      "the first gap among the spokes",
      ["10.65.0.0/24", "10.65.1.0/24", "10.65.3.0/24"],
      undefined,
      "10.65.2.0/24",
    ],
    [
      "after the last spoke when there is no gap",
      ["10.65.0.0/24", "10.65.1.0/24"],
      undefined,
      "10.65.2.0/24",
    ],
    ["aligned to its own size", ["10.65.0.0/24"], 23, "10.65.2.0/23"],
    ["past a larger block that covers the candidate", ["10.65.0.0/24", "10.65.2.0/23"], 24, "10.65.1.0/24"],
    [
      "the size most spokes have",
      ["10.65.0.0/23", "10.65.2.0/26", "10.65.2.64/26"],
      undefined,
      "10.65.2.128/26",
    ],
    ["after the hub when there are no spokes", [], undefined, "10.64.4.0/24"],
  ])("%s", (_what, spokes, prefixLength, expected) => {
    expect(nextFreeBlock({ ...plan, spokes, prefixLength })).toEqual({
      ok: true,
      block: expected,
      prefixLength: prefixLength ?? Number(expected.split("/")[1]),
    });
  });

  it("falls back to the start of the plan when the spokes' area is full", () => {
    expect(
      nextFreeBlock({
        addressPlan: "10.0.0.0/22",
        reserved: ["10.0.0.0/24"],
        spokes: ["10.0.2.0/24", "10.0.3.0/24"],
      }),
    ).toEqual({ ok: true, block: "10.0.1.0/24", prefixLength: 24 });
  });

  it("says when the plan is full, and when the size can never fit", () => {
    expect(
      nextFreeBlock({ addressPlan: "10.0.0.0/23", reserved: ["10.0.0.0/24"], spokes: ["10.0.1.0/24"] }),
    ).toEqual({
      ok: false,
      problem:
        "no free /24 block is left in 10.0.0.0/23 — ask for a smaller block (--prefix-length 25) or widen landingZone.addressPlan",
    });
    expect(nextFreeBlock({ ...plan, spokes: [], prefixLength: 30 })).toEqual({
      ok: false,
      badPrefix: true,
      problem: "a /30 block cannot be a spoke in 10.64.0.0/12 — give a prefix length from 12 to 29",
    });
  });
});

describe("tenant network next-block", () => {
  it("prints the example's next free /24 alone on stdout, and why on stderr", () => {
    let out = "";
    let err = "";
    const code = runNextBlock(
      { stack: "example" },
      (s) => (out += s),
      (s) => (err += s),
    );
    expect(code).toBe(0);
    expect(out).toBe("10.65.2.0/24\n");
    expect(err).toBe(
      "the lowest free /24 in 10.64.0.0/12 outside the hub (10.64.0.0/22) and 50 department spokes — put it in the new department's network.addressSpace\n",
    );
  });

  it("refuses a prefix length no spoke can have as a usage error", () => {
    expect(() =>
      runNextBlock(
        { stack: "example", prefixLength: 8 },
        () => undefined,
        () => undefined,
      ),
    ).toThrow(
      new UsageError(
        "--prefix-length 8: a /8 block cannot be a spoke in 10.64.0.0/12 — give a prefix length from 12 to 29",
      ),
    );
  });
});
