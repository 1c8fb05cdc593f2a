import { waitForProcessing } from "../../../src/m365/licensing/processing";

describe("waitForProcessing", () => {
  const poll = (states: (string | undefined)[], timeoutMs = 60_000) => {
    const sleeps: number[] = [];
    let i = 0;
    return waitForProcessing(async () => states[Math.min(i++, states.length - 1)], {
      timeoutMs,
      initialDelayMs: 1_000,
      maxDelayMs: 4_000,
      factor: 2,
      sleep: async (ms) => void sleeps.push(ms),
    }).then((outcome) => ({ ...outcome, sleeps }));
  };
  it("reads at once, then backs off up to the ceiling", async () => {
    expect(
      await poll([
        "QueuedForProcessing",
        "ProcessingInProgress",
        "ProcessingInProgress",
        "ProcessingInProgress",
        "ProcessingComplete",
      ]),
    ).toEqual({
      state: "ProcessingComplete",
      complete: true,
      waitedMs: 11_000,
      polls: 5,
      sleeps: [1_000, 2_000, 4_000, 4_000],
    });
    expect((await poll(["ProcessingComplete"])).sleeps).toEqual([]);
  });
  it("stops at the bound", async () => {
    expect(await poll(["ProcessingInProgress"], 5_000)).toEqual({
      state: "ProcessingInProgress",
      complete: false,
      waitedMs: 5_000,
      polls: 4,
      sleeps: [1_000, 2_000, 2_000],
    });
  });
});
