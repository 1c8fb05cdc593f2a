import { join } from "node:path";
import { formatDiagnostic } from "../../src/config/diagnostics";
import { validateDefinition } from "../../src/config/validate";
import {
  DefinitionError,
  loadValidDefinition,
  readStackSettings,
  type ConfigReader,
} from "../../src/stackConfig";
import { DefinitionFixture } from "../helpers/definitionFixture";

function config(values: Record<string, unknown>): ConfigReader {
  return {
    get: (key) => values[key] as string | undefined,
    getObject: <T>(key: string) => values[key] as T | undefined,
  };
}

const NOW = new Date("2026-11-17T12:00:00Z");

describe("readStackSettings", () => {
  it("defaults: the definition named after the stack, every layer, this month's budget start", () => {
    expect(readStackSettings(config({}), "example", NOW, "/repo/stacks")).toEqual({
      definitionDir: "/repo/stacks/example",
      layers: ["landingZone", "identity", "m365", "teamsVoice"],
      platformStack: undefined,
      budgetStartDate: "2026-11-01T00:00:00Z",
      instance: undefined,
    });
  });

  it("reads tenant:instance and its subscription pairs; the empty default means no instance", () => {
    const settings = readStackSettings(
      config({ instance: "test", instanceSubscriptions: ["AAAA=bbbb"] }),
      "example-test",
      NOW,
      "/repo/stacks",
    );
    expect(settings.instance).toEqual({ name: "test", subscriptions: { aaaa: "bbbb" } });
    expect(
      readStackSettings(config({ instance: "" }), "example", NOW, "/repo/stacks").instance,
    ).toBeUndefined();
  });

  it("treats the empty tenant:definition Pulumi.yaml defaults to as the stack name", () => {
    expect(readStackSettings(config({ definition: "" }), "example", NOW, "/repo/stacks").definitionDir).toBe(
      "/repo/stacks/example",
    );
  });

  it("reads tenant:definition, tenant:layers and tenant:platformStack", () => {
    const settings = readStackSettings(
      config({ definition: "madrid", layers: ["m365", "identity"], platformStack: "city/tenant/platform" }),
      "madrid-identity",
      NOW,
      "/repo/stacks",
    );
    expect(settings).toMatchObject({
      definitionDir: join("/repo/stacks", "madrid"),
      layers: ["identity", "m365"],
      platformStack: "city/tenant/platform",
    });
  });

  it("fails before anything is built when a read layer has no source", () => {
    expect(() => readStackSettings(config({ layers: ["identity"] }), "s", NOW)).toThrow(
      "set tenant:platformStack",
    );
  });
});

describe("loadValidDefinition", () => {
  it("throws one error listing every diagnostic as `tenant validate` prints it", () => {
    const fixture = new DefinitionFixture()
      .edit("departments/culture.yaml", "monthlyAmount: 500", "monthlyAmount: -5")
      .edit("departments/mobility.yaml", "costCenter: CC-200", "costCenter: 'C C'");
    try {
      let error: unknown;
      try {
        loadValidDefinition(fixture.dir);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DefinitionError);
      const lines = (error as Error).message.split("\n");
      expect(lines[0]).toContain("has 2 problems; nothing was deployed");
      expect(lines.slice(1)).toEqual(validateDefinition(fixture.dir).diagnostics.map(formatDiagnostic));
      expect(lines.slice(1)).toEqual([
        expect.stringMatching(/departments\/culture\.yaml:\d+:\d+: budget\.monthlyAmount: -5 is too small/),
        expect.stringMatching(
          /departments\/mobility\.yaml:\d+:\d+: costCenter: "C C" must be a cost-centre code/,
        ),
      ]);
    } finally {
      fixture.remove();
    }
  });
});
