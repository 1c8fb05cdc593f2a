import * as pulumi from "@pulumi/pulumi";
import { captureRegistrations } from "../../src/render/capture";
import { RenderMocks } from "../../src/render/mocks";
import { DefinitionFixture, MINIMAL_FIXTURE } from "../helpers/definitionFixture";

/** src/index.ts as `pulumi up` runs it: config in, definition loaded, outputs exported. */
async function runEntry(config: Record<string, string>) {
  await pulumi.runtime.setMocks(new RenderMocks(), "tenant", "example", false);
  pulumi.runtime.setAllConfig(config);
  const capture = captureRegistrations();
  let exported: unknown;
  let error: unknown;
  await jest.isolateModulesAsync(async () => {
    try {
      exported = await import("../../src/index");
    } catch (err) {
      error = err;
    }
  });
  await capture.settled();
  // Drain the SDK's own queue so nothing outlives the test file.
  await pulumi.runtime.disconnect();
  return { exported: exported as Record<string, unknown> | undefined, error, capture };
}

it("an invalid definition throws every diagnostic and registers nothing", async () => {
  const fixture = new DefinitionFixture().edit(
    "departments/culture.yaml",
    "monthlyAmount: 500",
    "monthlyAmount: 0",
  );
  try {
    const { error, capture } = await runEntry({ "tenant:definition": fixture.dir });
    expect((error as Error).message).toMatch(/has 1 problem; nothing was deployed/);
    expect((error as Error).message).toMatch(/departments\/culture\.yaml:\d+:\d+: budget\.monthlyAmount/);
    expect(capture.resources).toEqual([]);
  } finally {
    fixture.remove();
  }
});

it("a valid definition builds the configured layers and exports them", async () => {
  const { exported, error, capture } = await runEntry({
    "tenant:definition": MINIMAL_FIXTURE,
    "tenant:layers": JSON.stringify(["landingZone"]),
  });
  expect(error).toBeUndefined();
  // `export =` makes the outputs the module itself; `default` is only the test's import() interop.
  expect(
    Object.keys(exported ?? {})
      .filter((k) => k !== "default")
      .sort(),
  ).toEqual(["departments", "landingZone"]);
  expect(capture.resources.some((r) => r.type === "azuread:index/group:Group")).toBe(false);
  expect(
    capture.resources.filter((r) => r.type === "azure-native:resources:ResourceGroup").map((r) => r.name),
  ).toEqual(expect.arrayContaining(["rg-vp-culture", "rg-vp-mobility"]));
});
