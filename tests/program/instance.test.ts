import {
  applyInstance,
  definitionSubscriptionIds,
  instanceProblem,
  parseInstanceSubscriptions,
} from "../../src/instance";
import type { RenderedGraph } from "../../src/render/graph";
import { renderTenant } from "../../src/render/renderer";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const definition = loadValidDefinition(MINIMAL_FIXTURE);
/** Each subscription of the definition → a test counterpart (first hex digit replaced by 'f'). */
const testSubscriptions = Object.fromEntries(
  definitionSubscriptionIds(definition).map((id) => [id, `f${id.slice(1)}`]),
);

const render = (instance?: { name: string; subscriptions: Record<string, string> }) =>
  renderTenant(definition, {
    layers: ["landingZone"],
    budgetStartDate: "2026-11-01T00:00:00Z",
    environment: instance ? "test" : "prod",
    instance,
  }).then((r) => r.graph);

/** What is unique tenant-wide or per subscription: management group ids, subscriptions, resource ids. */
function tenantWideNames(graph: RenderedGraph): string[] {
  const names: string[] = [];
  for (const r of graph.resources) {
    if (r.type === "azure-native:management:ManagementGroup") names.push(`mg ${String(r.inputs.groupId)}`);
    if (r.type === "pulumi:providers:azure-native")
      names.push(`subscription ${String(r.inputs.subscriptionId)}`);
    if (r.type === "azure-native:resources:ResourceGroup")
      names.push(`rg ${String(r.inputs.resourceGroupName)}`);
  }
  return names;
}

describe("two instances of one definition in one tenant", () => {
  it("share no management group id, subscription or resource group name", async () => {
    const prod = tenantWideNames(await render());
    const test = tenantWideNames(await render({ name: "test", subscriptions: testSubscriptions }));
    expect(prod.length).toBeGreaterThan(5);
    expect(test).toHaveLength(prod.length);
    expect(test.filter((n) => prod.includes(n))).toEqual([]);
    expect(test).toContain("mg vp-corp-test");
    expect(test).toContain("rg rg-vp-test-culture");
  });

  it("refuses an instance without its own subscriptions, naming each one", () => {
    const [first, second] = definitionSubscriptionIds(definition);
    expect(() => applyInstance(definition, { name: "test", subscriptions: { [first]: second } })).toThrow(
      new RegExp(
        `^Instance 'test' needs its own subscriptions: ${second} has no counterpart; .*${first} maps to ${second}, a subscription of the definition itself — list in tenant:instanceSubscriptions`,
      ),
    );
  });

  it("refuses two subscriptions mapped onto one", () => {
    const [first, second] = definitionSubscriptionIds(definition);
    expect(() =>
      applyInstance(definition, {
        name: "test",
        subscriptions: { ...testSubscriptions, [second]: testSubscriptions[first] },
      }),
    ).toThrow(`${second} maps to ${testSubscriptions[first]}, which ${first} maps to as well`);
  });

  it("reads the stack file's list of '<definition id>=<instance id>' pairs, and refuses anything else", () => {
    expect(parseInstanceSubscriptions(["AA-1=bb-2", " cc-3 = dd-4 "])).toEqual({
      "aa-1": "bb-2",
      "cc-3": "dd-4",
    });
    expect(() => parseInstanceSubscriptions(["aa-1"])).toThrow(
      "tenant:instanceSubscriptions entry 'aa-1' must read '<definition subscription id>=<instance subscription id>'.",
    );
  });

  it("refuses an instance name that would not fit resource names", () => {
    expect(() => applyInstance(definition, { name: "Test-1", subscriptions: testSubscriptions })).toThrow(
      "tenant:instance 'Test-1' must be 1 to 8 lower-case letters or digits",
    );
  });
});

describe("instanceProblem: what is wrong with an instance, without building it", () => {
  // The minimal fixture's subscriptions: management, connectivity and the shared corp one.
  const MGMT = "7a000000-0000-4000-8000-000000000001";
  const CONN = "7a000000-0000-4000-8000-000000000002";
  const CORP = "7a000000-0000-4000-8000-00000000c0c0";
  const HINT = ` — list in tenant:instanceSubscriptions of the stack file one "<definition id>=<test id>" per subscription.`;
  const problem = (subscriptions: Record<string, string>, name = "test") =>
    instanceProblem(definition, { name, subscriptions });

  it("nothing when every subscription has its own counterpart, whatever the case of the ids", () => {
    expect(definitionSubscriptionIds(definition)).toEqual([MGMT, CONN, CORP]);
    expect(problem(testSubscriptions)).toBeUndefined();
    expect(problem({ [MGMT.toUpperCase()]: "F1", [CONN]: "f2", [CORP]: "f3" })).toBeUndefined();
  });

  it("a name that would not fit resource names", () => {
    expect(problem(testSubscriptions, "Test-1")).toBe(
      "tenant:instance 'Test-1' must be 1 to 8 lower-case letters or digits, starting with a letter — e.g. 'test'.",
    );
    expect(problem(testSubscriptions, "testing12")).toBe(
      "tenant:instance 'testing12' must be 1 to 8 lower-case letters or digits, starting with a letter — e.g. 'test'.",
    );
  });

  it("every missing counterpart, then every counterpart that is the definition's own, in one message", () => {
    expect(problem({ [MGMT]: CONN, [CONN]: "f2" })).toBe(
      `Instance 'test' needs its own subscriptions: ${CORP} has no counterpart; ${MGMT} maps to ${CONN}, a subscription of the definition itself${HINT}`,
    );
  });

  it("two subscriptions merged into one, naming the one that took it first", () => {
    expect(problem({ [MGMT]: "f1", [CONN]: "f3", [CORP]: "F1" })).toBe(
      `Instance 'test' needs its own subscriptions: ${CORP} maps to f1, which ${MGMT} maps to as well${HINT}`,
    );
  });
});
