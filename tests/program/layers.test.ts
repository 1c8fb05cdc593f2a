import { LAYER_NAMES, LAYERS, parseLayers, planLayers } from "../../src/layers";

describe("parseLayers", () => {
  it.each([
    [undefined, ["landingZone", "identity", "m365", "teamsVoice"]],
    [["identity"], ["identity"]],
    [
      ["teamsVoice", "identity", "identity"],
      ["identity", "teamsVoice"],
    ],
  ])("%j → %j (dependency order, no duplicates)", (value, expected) =>
    expect(parseLayers(value)).toEqual(expected),
  );

  it("names unknown layers and the known ones", () => {
    expect(() => parseLayers(["identity", "network", "lz"])).toThrow(
      "unknown layers 'network', 'lz' in tenant:layers — use any of landingZone, identity, m365, teamsVoice",
    );
  });

  it("refuses an empty list", () => {
    expect(() => parseLayers([])).toThrow("tenant:layers is empty");
  });
});

describe("planLayers", () => {
  it("reads earlier layers in-process when the stack deploys them", () => {
    expect(planLayers([...LAYER_NAMES], undefined)).toEqual([
      { layer: "landingZone", reads: {} },
      { layer: "identity", reads: { landingZone: "local" } },
      { layer: "m365", reads: { identity: "local" } },
      { layer: "teamsVoice", reads: { identity: "local" } },
    ]);
  });

  it("reads the layers it does not deploy from the platform stack", () => {
    expect(planLayers(["identity", "m365"], "org/tenant/platform")).toEqual([
      { layer: "identity", reads: { landingZone: "stackReference" } },
      { layer: "m365", reads: { identity: "local" } },
    ]);
  });

  it("needs a platform stack for what it reads but does not deploy", () => {
    expect(() => planLayers(["m365", "teamsVoice"], undefined)).toThrow(
      "the layers of this stack read identity, which it does not deploy — set tenant:platformStack to the stack that deploys identity, or add identity to tenant:layers",
    );
  });

  it("only lets a layer read layers before it", () => {
    for (const layer of LAYER_NAMES) {
      for (const read of LAYERS[layer].reads) {
        expect(LAYER_NAMES.indexOf(read)).toBeLessThan(LAYER_NAMES.indexOf(layer));
      }
    }
  });
});
