/**
 * Under Pulumi's mock runtime, GroupLicenses registers with its own type token (not the generic
 * `pulumi-nodejs:dynamic:Resource`), the contract inputs and the shared provider, serialized once for every
 * resource; the output only the provider computes (`resolved`) is exposed. The mock echoes inputs back as
 * outputs, so comparing those with the inputs would test the mock, and is not done. The m365 layer creates one
 * per licensed department and none for a department without licences.
 */
import * as pulumi from "@pulumi/pulumi";
import { installMocks } from "../helpers/pulumiMocks";
import type { CapturedResource } from "../helpers/pulumiMocks";

let captured: CapturedResource[];
let m365: typeof import("../../src/m365");
let types: typeof import("../../src/resourceTypes");
/** Every closure serialization the SDK makes (dynamic providers are serialized through it). */
let serializations: jest.SpyInstance;

/** What only the provider computes: the mock engine answers it for this type, as the provider would. */
const RESOLVED = [
  {
    skuPartNumber: "SPE_E5",
    skuId: "sku-1",
    disabledPlans: ["YAMMER_ENTERPRISE"],
    disabledPlanIds: ["plan-1"],
  },
];

beforeAll(async () => {
  captured = installMocks({
    project: "tenant",
    stack: "test",
    state: (args) => (args.type.endsWith(":GroupLicenses") ? { resolved: RESOLVED } : undefined),
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module the SDK loads on demand
  const closure = require("@pulumi/pulumi/runtime/closure/serializeClosure") as {
    serializeFunction: () => unknown;
  };
  serializations = jest.spyOn(closure, "serializeFunction");
  m365 = await import("../../src/m365");
  types = await import("../../src/resourceTypes");
});

const promiseOf = <T>(o: pulumi.Output<T>) => new Promise<T>((r) => o.apply((v) => void r(v)));
const GROUP = "aaaaaaaa-0000-4000-8000-000000000001";

describe("GroupLicenses under mocks", () => {
  it("registers with the distinct token and the contract inputs", async () => {
    const licences = [{ skuPartNumber: "SPE_E5", disabledPlans: ["YAMMER_ENTERPRISE"], seatsOwned: 100 }];
    const resource = new m365.GroupLicenses("lic-test", {
      department: "culture",
      groupId: GROUP,
      headcount: 40,
      licences,
    });
    expect(await promiseOf(resource.urn)).toBe(
      `urn:pulumi:test::tenant::${types.RESOURCE_TYPES.groupLicenses}::lic-test`,
    );
    expect(await promiseOf(resource.resolved)).toEqual(RESOLVED);
    const entry = captured.find((c) => c.name === "lic-test")!;
    expect(entry.type).toBe("pulumi-nodejs:dynamic/tenant-m365:GroupLicenses");
    expect(entry.inputs).toMatchObject({ department: "culture", groupId: GROUP, headcount: 40, licences });
    expect(typeof entry.inputs.__provider).toBe("string");
    expect(GroupLicensesStatics()).toBe(types.RESOURCE_TYPES.groupLicenses);
  });

  it("shares one provider object, serialized once, across resources", async () => {
    const a = new m365.GroupLicenses("lic-a", {
      department: "a",
      groupId: GROUP,
      headcount: 1,
      licences: [],
    });
    const b = new m365.GroupLicenses("lic-b", {
      department: "b",
      groupId: GROUP,
      headcount: 1,
      licences: [],
    });
    await Promise.all([promiseOf(a.urn), promiseOf(b.urn)]);
    const texts = captured
      .filter((c) => c.name === "lic-a" || c.name === "lic-b")
      .map((c) => c.inputs.__provider);
    expect(texts).toHaveLength(2);
    expect(typeof texts[0]).toBe("string");
    expect((texts[0] as string).length).toBeGreaterThan(100);
    expect(texts[1]).toBe(texts[0]);
    // Three resources in this file (the test above too), one serialization of the shared provider object.
    const ofProvider = serializations.mock.calls.filter(
      ([fn]) => (fn as () => unknown)() === m365.groupLicensesProvider,
    );
    expect(ofProvider).toHaveLength(1);
  });

  it("the layer licenses only departments that take licences", async () => {
    const { loadValidDefinition } = await import("../../src/stackConfig");
    const { MINIMAL_FIXTURE } = await import("../helpers/definitionFixture");
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    const withUnlicensed = {
      ...definition,
      departments: definition.departments.map((d) => (d.id === "mobility" ? { ...d, licences: [] } : d)),
    };
    const before = captured.length;
    const { licences } = m365.buildM365Layer(withUnlicensed, {
      departments: {
        culture: { groupId: GROUP, adminGroupId: GROUP },
        mobility: { groupId: GROUP, adminGroupId: GROUP },
      },
    });
    expect(Object.keys(licences)).toEqual(["culture"]);
    // The headcount the layer computed from the definition, as registered (not as the mock echoes it back).
    await promiseOf(licences.culture.urn);
    const registered = captured.slice(before).filter((c) => c.type.endsWith(":GroupLicenses"));
    expect(registered.map((c) => [c.inputs.department, c.inputs.headcount])).toEqual([["culture", 40]]);
    expect(() => m365.buildM365Layer(definition, { departments: {} })).toThrow(
      "The identity layer exports no department 'culture'",
    );
  });
});

function GroupLicensesStatics(): string {
  return m365.GroupLicenses.TYPE;
}
