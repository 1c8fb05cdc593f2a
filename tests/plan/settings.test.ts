import { UsageError } from "../../src/exitCodes";
import { definitionSubscriptionIds } from "../../src/instance";
import { buildSettings, checkInstance, type PlanRequest } from "../../src/plan/settings";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const definition = loadValidDefinition(MINIMAL_FIXTURE);
const ids = definitionSubscriptionIds(definition);
const own = Object.fromEntries(ids.map((id) => [id, `f${id.slice(1)}`]));
const request = (instance?: PlanRequest["instance"]): PlanRequest => ({
  dir: "/somewhere/stacks/minimal",
  stack: "test",
  format: "text",
  layers: ["landingZone"],
  instance,
});

describe("plan settings: what both sides render with", () => {
  it("the stack's environment and instance; a platform stack stand-in only when layers are left out", () => {
    const now = new Date("2026-11-15T00:00:00Z");
    const settings = buildSettings(request({ name: "test", subscriptions: own }), now);
    expect(settings).toEqual({
      layers: ["landingZone"],
      platformStack: "<platform stack>",
      budgetStartDate: expect.stringMatching(/^2026-11-01/),
      environment: "test",
      instance: { name: "test", subscriptions: own },
    });
    const all = buildSettings(
      { ...request(), stack: undefined, layers: ["landingZone", "identity", "m365", "teamsVoice"] },
      now,
    );
    expect(all.environment).toBe("minimal");
    expect(all.platformStack).toBeUndefined();
  });
});

describe("checkInstance: the stack file's instance must fit the definition, said before rendering", () => {
  it("passes without an instance, and with one that has a counterpart for every subscription", () => {
    expect(() => checkInstance(definition, request())).not.toThrow();
    expect(() => checkInstance(definition, request({ name: "test", subscriptions: own }))).not.toThrow();
  });

  it("a missing counterpart is a usage error naming the stack file and the subscription", () => {
    const [first, ...rest] = ids;
    const partial = Object.fromEntries(rest.map((id) => [id, own[id]]));
    const call = () => checkInstance(definition, request({ name: "test", subscriptions: partial }));
    expect(call).toThrow(UsageError);
    // An Error compares the whole message, not a part of it.
    expect(call).toThrow(
      new Error(
        `stacks/Pulumi.test.yaml: Instance 'test' needs its own subscriptions: ${first} has no counterpart — list in tenant:instanceSubscriptions of the stack file one "<definition id>=<test id>" per subscription.`,
      ),
    );
  });

  it("a bad instance name is a usage error naming the stack file it came from", () => {
    const call = () =>
      checkInstance(definition, { ...request({ name: "Pre-1", subscriptions: own }), stack: "pre" });
    expect(call).toThrow(UsageError);
    expect(call).toThrow(
      new Error(
        "stacks/Pulumi.pre.yaml: tenant:instance 'Pre-1' must be 1 to 8 lower-case letters or digits, starting with a letter — e.g. 'test'.",
      ),
    );
  });
});
