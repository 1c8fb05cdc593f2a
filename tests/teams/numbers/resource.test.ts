/**
 * Under Pulumi's mock runtime, NumberAssignments registers with its own type token (not the generic
 * `pulumi-nodejs:dynamic:Resource`), the contract inputs plus `locationIds`, and the shared provider, serialized
 * once for every department, its entries as state lines (stateCodec.ts). The outputs only the provider computes
 * (`held`, `failed`) are exposed; the mock
 * echoes inputs back as outputs, so comparing those with the inputs would test the mock, and is not done.
 */
import * as pulumi from "@pulumi/pulumi";
import { installMocks } from "../../helpers/pulumiMocks";
import type { CapturedResource } from "../../helpers/pulumiMocks";

let captured: CapturedResource[];
let numbers: typeof import("../../../src/teams/numbers");
let types: typeof import("../../../src/resourceTypes");
/** Every closure serialization the SDK makes (dynamic providers are serialized through it). */
let serializations: jest.SpyInstance;

/** What only the provider computes: the mock engine answers it for this type, as the provider would. */
const PROVIDER_OUTPUTS = {
  held: "+34915550001 ana@villa.example town-hall-p0 directRouting primary user-1",
  failed: [],
};

beforeAll(async () => {
  captured = installMocks({
    project: "tenant",
    stack: "test",
    state: (args) => (args.type.endsWith(":NumberAssignments") ? PROVIDER_OUTPUTS : undefined),
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module the SDK loads on demand
  const closure = require("@pulumi/pulumi/runtime/closure/serializeClosure") as {
    serializeFunction: () => unknown;
  };
  serializations = jest.spyOn(closure, "serializeFunction");
  numbers = await import("../../../src/teams/numbers");
  types = await import("../../../src/resourceTypes");
});

const promiseOf = <T>(o: pulumi.Output<T>) => new Promise<T>((r) => o.apply((v) => void r(v)));
const assignments = [
  {
    userPrincipalName: "ana@villa.example",
    number: "+34915550001",
    numberType: "directRouting" as const,
    emergencyLocation: "town-hall-p0",
    category: "primary" as const,
  },
];

describe("NumberAssignments under mocks", () => {
  it("registers with the distinct token, the contract inputs and locationIds", async () => {
    const resource = new numbers.NumberAssignments("numbers-culture", {
      department: "culture",
      assignments,
      intentionalRemovals: { numbers: ["+34915550009"], skus: [] },
      locationIds: { "town-hall-p0": pulumi.output("lis-1") },
    });
    expect(await promiseOf(resource.urn)).toBe(
      `urn:pulumi:test::tenant::${types.RESOURCE_TYPES.numberAssignments}::numbers-culture`,
    );
    expect(await promiseOf(resource.held)).toEqual(PROVIDER_OUTPUTS.held);
    expect(await promiseOf(resource.failed)).toEqual([]);
    const entry = captured.find((c) => c.name === "numbers-culture")!;
    expect(entry.type).toBe("pulumi-nodejs:dynamic/tenant-teams:NumberAssignments");
    expect(entry.inputs).toMatchObject({
      department: "culture",
      assignments: ["+34915550001 ana@villa.example town-hall-p0 directRouting primary"],
      intentionalRemovals: { numbers: ["+34915550009"], skus: [] },
      locationIds: { "town-hall-p0": "lis-1" },
    });
    expect(typeof entry.inputs.__provider).toBe("string");
    expect(numbers.NumberAssignments.TYPE).toBe(types.RESOURCE_TYPES.numberAssignments);
  });

  it("shares one provider object, serialized once, across departments", async () => {
    const a = new numbers.NumberAssignments("numbers-a", { department: "a", assignments: [] });
    const b = new numbers.NumberAssignments("numbers-b", { department: "b", assignments: [] });
    await Promise.all([promiseOf(a.urn), promiseOf(b.urn)]);
    const texts = captured
      .filter((c) => c.name === "numbers-a" || c.name === "numbers-b")
      .map((c) => c.inputs.__provider);
    expect(texts).toHaveLength(2);
    expect(typeof texts[0]).toBe("string");
    expect((texts[0] as string).length).toBeGreaterThan(100);
    expect(texts[1]).toBe(texts[0]);
    // Three resources in this file (the test above too), one serialization of the shared provider object.
    const ofProvider = serializations.mock.calls.filter(
      ([fn]) => (fn as () => unknown)() === numbers.numberAssignmentsProvider,
    );
    expect(ofProvider).toHaveLength(1);
  });
});
