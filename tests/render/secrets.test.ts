import * as pulumi from "@pulumi/pulumi";
import { fromWire } from "../../src/render/capture";
import { planJson } from "../../src/plan/format/json";
import { maskSecrets, SecretValue, UNKNOWN, type RenderedGraph } from "../../src/render/graph";

const secret = (value: unknown) => ({
  [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
  value,
});

describe("fromWire", () => {
  it("keeps secrets marked and names unknowns", () => {
    expect(fromWire({ a: secret("p@ss"), b: [pulumi.runtime.unknownValue, 1], c: { d: "x" } })).toEqual({
      a: new SecretValue("p@ss"),
      b: [UNKNOWN, 1],
      c: { d: "x" },
    });
  });
});

describe("maskSecrets", () => {
  it("prints every secret as [secret], at any depth", () => {
    const value = { a: new SecretValue("p@ss"), b: [{ c: new SecretValue({ nested: 1 }) }], d: "plain" };
    expect(maskSecrets(value)).toEqual({ a: "[secret]", b: [{ c: "[secret]" }], d: "plain" });
  });

  it("is applied by the JSON plan, which never contains the secret text", () => {
    const graph: RenderedGraph = {
      project: "tenant",
      stack: "s",
      resources: [
        {
          urn: "urn:x",
          type: "t",
          name: "n",
          custom: true,
          dependencies: [],
          read: false,
          inputs: { password: new SecretValue("hunter2") },
        },
      ],
    };
    const json = JSON.stringify(planJson(graph));
    expect(json).toContain('"password":"[secret]"');
    expect(json).not.toContain("hunter2");
  });
});
