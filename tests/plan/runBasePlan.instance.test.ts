import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { definitionSubscriptionIds } from "../../src/instance";
import { runBasePlan } from "../../src/plan/runBasePlan";
import type { PlanRequest } from "../../src/plan/settings";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";

/**
 * `tenant plan --base` of a stack with `tenant:instance` (a test stack beside prod) renders both sides as that
 * instance, as its `pulumi up` would: a change shows the instance's own management groups and names, and an
 * instance that does not fit the definition is the stack file's usage error.
 */
let bed: GitRepo;
let dir: string;

beforeAll(() => {
  bed = createGitRepo("tenant-plan-instance-");
  dir = bed.addStack(MINIMAL_FIXTURE, "minimal");
  bed.commitAll("the stack");
  const file = join(dir, "departments", "culture.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("monthlyAmount: 500", "monthlyAmount: 650"));
});
afterAll(() => bed.remove());

const subscriptions = Object.fromEntries(
  definitionSubscriptionIds(loadValidDefinition(MINIMAL_FIXTURE)).map((id) => [id, `f${id.slice(1)}`]),
);

const plan = async (instance: PlanRequest["instance"]) => {
  let out = "";
  const code = await runBasePlan(
    { dir, stack: "test", format: "text", layers: ["landingZone"], instance, base: "HEAD" },
    (s) => (out += s),
    { evaluator: undefined, now: new Date("2026-11-15T00:00:00Z") },
  );
  return { code, out };
};

describe("tenant plan --base with tenant:instance", () => {
  it("renders both sides as the instance: one budget of the instance changes, nothing else", async () => {
    const { code, out } = await plan({ name: "test", subscriptions });
    expect(code).toBe(0);
    // Without the instance the names would read budget-vp-culture (the prod stack's).
    expect(out).toContain("1 department changes: 1 budget changed; 1 to update;");
    expect(out).toContain("  ~ update Budget budget-vp-test-culture: amount 500 → 650\n");
    expect(out).not.toContain("budget-vp-culture");
  });

  it("refuses an instance without its own subscriptions, naming the stack file", async () => {
    await expect(plan({ name: "test", subscriptions: {} })).rejects.toThrow(
      /^stacks\/Pulumi\.test\.yaml: Instance 'test' needs its own subscriptions/,
    );
  });
});
