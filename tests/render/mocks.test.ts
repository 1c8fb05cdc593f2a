import { RenderMocks, scalarInputs } from "../../src/render/mocks";
import { RESOURCE_TYPES } from "../../src/resourceTypes";

const register = (type: string, inputs: Record<string, unknown>) =>
  new RenderMocks().newResource({ type, name: "r", inputs, custom: true } as Parameters<
    RenderMocks["newResource"]
  >[0]);

describe("RenderMocks state of a dynamic resource", () => {
  const inputs = {
    department: "culture",
    __provider: "[dynamic provider code, serialized at deployment]",
    headcount: 12,
    ignoreMissing: false,
    assignments: ["+34915550100 ana@villa.example centro-p1 directRouting primary"],
    intentionalRemovals: { numbers: [], skus: [] },
    locationIds: { "centro-p1": "loc-1" },
  };

  test("keeps strings, numbers and booleans, drops the sets (arrays and objects)", () => {
    expect(register(RESOURCE_TYPES.numberAssignments, inputs)).toEqual({
      id: "r-id",
      state: {
        department: "culture",
        __provider: "[dynamic provider code, serialized at deployment]",
        headcount: 12,
        ignoreMissing: false,
      },
    });
  });

  test("every dynamic type gets the same treatment", () => {
    expect(register(RESOURCE_TYPES.groupPolicyAssignments, inputs).state).not.toHaveProperty("assignments");
  });

  test("other resources still echo every input", () => {
    const { state } = register("azure-native:network:VirtualNetwork", {
      resourceGroupName: "rg",
      addressSpace: { addressPrefixes: ["10.1.0.0/20"] },
    });
    expect(state).toMatchObject({ addressSpace: { addressPrefixes: ["10.1.0.0/20"] } });
  });

  test("scalarInputs leaves null and undefined out", () => {
    expect(scalarInputs({ a: null, b: undefined, c: "" })).toEqual({ c: "" });
  });
});
