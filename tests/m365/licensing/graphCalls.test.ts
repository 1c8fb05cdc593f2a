import { processingStateOf } from "../../../src/m365/licensing/graphCalls";

describe("processingStateOf", () => {
  it.each([
    [{ state: "ProcessingComplete" }, "ProcessingComplete"],
    ["QueuedForProcessing", "QueuedForProcessing"],
    [null, undefined],
  ])("reads licenseProcessingState %j", (wire, state) => {
    expect(processingStateOf(wire)).toBe(state);
  });
});
