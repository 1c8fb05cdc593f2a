import { inputsRejected } from "../../src/dynamic/checkFailures";

describe("inputsRejected", () => {
  it("names every rejected property with its reason, in the provider's order", () => {
    expect(
      inputsRejected([
        { property: "licences", reason: "unknown SKU 'E9'" },
        { property: "groupId", reason: "missing" },
      ]),
    ).toBe("inputs rejected: licences: unknown SKU 'E9'; groupId: missing");
  });
});
