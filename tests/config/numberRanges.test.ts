import { findRange, rangeContains, rangeSize, rangesOverlap } from "../../src/config/numberRanges";

const madrid = { id: "madrid", start: "+34915550000", end: "+34915559999" };
const mobiles = { id: "mobiles", start: "+34600000000", end: "+34600000099" };

describe("rangeSize", () => {
  it("counts both ends", () => {
    expect(rangeSize(madrid)).toBe(10_000);
    expect(rangeSize({ start: "+34915550000", end: "+34915550000" })).toBe(1);
  });

  it("is 0 for an inverted range or ends of different lengths", () => {
    expect(rangeSize({ start: "+34915550010", end: "+34915550000" })).toBe(0);
    expect(rangeSize({ start: "+3491555000", end: "+34915550000" })).toBe(0);
  });

  it("counts past 2^53 without losing precision in the subtraction", () => {
    expect(rangeSize({ start: "+900719925474099100", end: "+900719925474099199" })).toBe(100);
  });
});

describe("rangeContains and findRange", () => {
  it("contains its ends and what lies between, nothing outside", () => {
    expect(rangeContains(madrid, "+34915550000")).toBe(true);
    expect(rangeContains(madrid, "+34915559999")).toBe(true);
    expect(rangeContains(madrid, "+34915554321")).toBe(true);
    expect(rangeContains(madrid, "+34915560000")).toBe(false);
    expect(rangeContains(madrid, "+34915549999")).toBe(false);
  });

  it("never contains a number of another length, even one that sorts between the ends", () => {
    expect(rangeContains(madrid, "+3491555")).toBe(false);
    expect(rangeContains(madrid, "+349155500001")).toBe(false);
  });

  it("finds the first range holding a number", () => {
    expect(findRange([mobiles, madrid], "+34915550042")).toBe(madrid);
    expect(findRange([mobiles, madrid], "+34700000000")).toBeUndefined();
  });
});

describe("rangesOverlap", () => {
  it("overlaps when one number is shared, not when ranges only touch", () => {
    expect(rangesOverlap(madrid, { start: "+34915559999", end: "+34915560100" })).toBe(true);
    expect(rangesOverlap(madrid, { start: "+34915560000", end: "+34915560100" })).toBe(false);
    expect(rangesOverlap(madrid, mobiles)).toBe(false);
  });

  it("is symmetric, and a range inside another overlaps it", () => {
    const inner = { start: "+34915551000", end: "+34915551999" };
    expect(rangesOverlap(madrid, inner)).toBe(true);
    expect(rangesOverlap(inner, madrid)).toBe(true);
  });

  it("ranges of different lengths never overlap", () => {
    expect(rangesOverlap(madrid, { start: "+3491555000", end: "+3491555999" })).toBe(false);
  });
});
