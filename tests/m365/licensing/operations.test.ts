import { createGraphClient } from "../../../src/graph";
import {
  applyGroupLicences,
  isLicensingFailure,
  readGroupLicences,
  removeGroupLicences,
  type LicensingContext,
} from "../../../src/m365/licensing/operations";
import { DEFAULT_POLL } from "../../../src/m365/licensing/processing";
import type { GroupLicensesOutputs } from "../../../src/m365";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import { startLicensingEmulator, type LicensingEmulator } from "../helpers/licensingEmulator";

/**
 * Group licensing against the emulator over HTTPS (microsoftgraph/microsoft-graph-docs-contrib
 * api-reference/v1.0/api/group-assignlicense.md: one call adds and removes; licenseProcessingState reports when
 * Entra has applied it). Read before write: a re-run sends nothing twice, an unchanged group costs no write.
 */
let t: LicensingEmulator;
let ctx: LicensingContext;

beforeAll(async () => {
  t = await startLicensingEmulator(MINIMAL_FIXTURE);
  const clock = { now: () => t.clock.now(), sleep: async (ms: number) => t.clock.advance(ms) };
  ctx = {
    client: createGraphClient({ env: t.env, clock, random: () => 0.5 }),
    poll: { ...DEFAULT_POLL, sleep: clock.sleep },
    errorDetailLimit: 5,
  };
});
afterAll(() => t.stop());
beforeEach(() => {
  t.resetFaults();
  t.emu.counters.reset();
});

const failureOf = async (run: Promise<unknown>) => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isLicensingFailure(error)) throw new Error(`expected a licensing failure, got ${String(error)}`);
  return error;
};

describe("applyGroupLicences", () => {
  it("writes the department's licences once, then converges with no write on a re-run", async () => {
    const inputs = t.inputs("culture");
    const first = await applyGroupLicences(ctx, inputs);
    expect(first.sent?.addLicenses).toHaveLength(1);
    expect(t.writes("assignLicense")).toBe(1);
    expect(t.group("culture").licenseProcessingState).toBe("ProcessingComplete");
    const again = await applyGroupLicences(ctx, inputs);
    expect(again.sent).toBeUndefined();
    expect(t.writes("assignLicense")).toBe(1);
    await removeGroupLicences(ctx.client, again.outputs);
  });

  it.each<
    [
      string,
      (i: ReturnType<LicensingEmulator["inputs"]>) => ReturnType<LicensingEmulator["inputs"]>,
      string,
      RegExp,
    ]
  >([
    [
      "a licence the tenant does not own",
      (i) => ({ ...i, licences: [{ skuPartNumber: "NOT_A_SKU", disabledPlans: [], seatsOwned: 1 }] }),
      "resolution",
      /cannot license department culture: .*NOT_A_SKU/,
    ],
    [
      "a group that does not exist",
      (i) => ({ ...i, groupId: "00000000-0000-0000-0000-000000000001" }),
      "group-missing",
      /does not exist \(404\): deploy the identity layer first/,
    ],
  ])("refuses %s before writing anything", async (_what, change, kind, message) => {
    const failure = await failureOf(applyGroupLicences(ctx, t.inputs("culture", change)));
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
    expect(failure.written).toBe(false);
    expect(t.writes()).toBe(0);
  });
});

describe("readGroupLicences", () => {
  it("reads the group's licences in the definition's terms, carrying the seats the definition believes in", async () => {
    const { outputs } = await applyGroupLicences(ctx, t.inputs("culture"));
    const read = await readGroupLicences(ctx.client, outputs);
    expect(read?.licences).toEqual(
      outputs.licences.map((l) =>
        expect.objectContaining({ skuPartNumber: l.skuPartNumber, seatsOwned: l.seatsOwned }),
      ),
    );
    await removeGroupLicences(ctx.client, outputs);
  });

  it("answers undefined for a group that is gone", async () => {
    const gone = {
      ...t.inputs("culture"),
      groupId: "00000000-0000-0000-0000-000000000001",
    } as GroupLicensesOutputs;
    expect(await readGroupLicences(ctx.client, gone)).toBeUndefined();
  });
});

describe("removeGroupLicences", () => {
  it("removes only the licences this resource assigned, in one write", async () => {
    const { outputs } = await applyGroupLicences(ctx, t.inputs("culture"));
    // Someone else adds MCOEV to the group by hand: not ours to remove.
    const mcoev = t.emu.state.skus.find((s) => s.skuPartNumber === "MCOEV")!.skuId;
    t.group("culture").assignedLicenses.push({ skuId: mcoev, disabledPlans: [] });
    t.emu.counters.reset();
    const { sent } = await removeGroupLicences(ctx.client, outputs);
    expect(sent).toEqual({ addLicenses: [], removeLicenses: outputs.resolved.map((r) => r.skuId) });
    expect(t.writes("assignLicense")).toBe(1);
    expect(t.group("culture").assignedLicenses.map((l) => l.skuId)).toEqual([mcoev]);
    t.group("culture").assignedLicenses = [];
  });

  it("counts a group that is gone as done, writing nothing", async () => {
    const gone = { ...t.inputs("culture"), groupId: "00000000-0000-0000-0000-000000000001", resolved: [] };
    expect(await removeGroupLicences(ctx.client, gone as GroupLicensesOutputs)).toEqual({ sent: undefined });
    expect(t.writes()).toBe(0);
  });
});
