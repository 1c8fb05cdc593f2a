import { readFileSync } from "node:fs";
import { AZURE, NOT_TAGGABLE, TAGGABLE } from "../../../policies/lib/azure";
import { renderTenant } from "../../../src/render/renderer";
import { loadValidDefinition } from "../../../src/stackConfig";
import { join } from "node:path";

/** The example city turns on every optional part of the landing zone (firewall, gateway, Bastion, resolver, Defender). */
const EXAMPLE = join(__dirname, "..", "..", "..", "stacks", "example");

/** The SDK module file of a token: `azure-native:network:VirtualNetwork` → `…/network/virtualNetwork.js`. */
function sdkFile(token: string): string {
  const [, module, cls] = token.split(":");
  return require.resolve(`@pulumi/azure-native/${module}/${cls[0].toLowerCase()}${cls.slice(1)}.js`);
}

describe("azure-native tokens and taggability", () => {
  it.each(Object.values(AZURE))("%s is the SDK class's __pulumiType", (token) => {
    expect(readFileSync(sdkFile(token), "utf8")).toContain(`static __pulumiType = '${token}';`);
  });

  it.each(TAGGABLE)("%s takes tags in the SDK", (token) => {
    expect(readFileSync(sdkFile(token), "utf8")).toContain('resourceInputs["tags"]');
  });

  it.each(NOT_TAGGABLE)("%s takes no tags in the SDK", (token) => {
    expect(readFileSync(sdkFile(token), "utf8")).not.toContain('resourceInputs["tags"]');
  });

  it("classifies every azure-native type the program renders", async () => {
    const { graph } = await renderTenant(loadValidDefinition(EXAMPLE), {
      layers: ["landingZone", "identity", "m365", "teamsVoice"],
      budgetStartDate: "2026-11-01T00:00:00Z",
      environment: "test",
    });
    const rendered = [
      ...new Set(graph.resources.map((r) => r.type).filter((t) => t.startsWith("azure-native:"))),
    ];
    const unclassified = rendered.filter((t) => !TAGGABLE.includes(t) && !NOT_TAGGABLE.includes(t));
    expect(unclassified).toEqual([]);
  });
});
