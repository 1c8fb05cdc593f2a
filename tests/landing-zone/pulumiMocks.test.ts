import * as pulumi from "@pulumi/pulumi";
import { findResource, installMocks, promiseOf, settle } from "../helpers/pulumiMocks";

/** The recorder wraps an SDK internal (the mock monitor); this pins what the other tests rely on. */
const captured = installMocks({ stack: "wrapper" });

class Box extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Box", name, {}, opts);
    this.registerOutputs({});
  }
}

test("captures type, name, parent, explicit and implicit dependencies, inputs and the URN", async () => {
  const { ResourceGroup } = await import("@pulumi/azure-native/resources");
  const box = new Box("box");
  const first = new ResourceGroup(
    "rg-a",
    { resourceGroupName: "rg-a", location: "westeurope" },
    { parent: box },
  );
  const second = new ResourceGroup(
    "rg-b",
    { resourceGroupName: first.name, tags: { from: first.id } },
    { parent: box, dependsOn: [first] },
  );
  await settle([box, first, second]);
  const a = findResource(captured, "azure-native:resources:ResourceGroup", "rg-a");
  const b = findResource(captured, "azure-native:resources:ResourceGroup", "rg-b");
  expect(a.parent).toBe(findResource(captured, "test:index:Box", "box").urn);
  expect(a.urn).toBe("urn:pulumi:wrapper::tenant::test:index:Box$azure-native:resources:ResourceGroup::rg-a");
  expect(b.dependencies).toEqual([a.urn]);
  expect(b.propertyDependencies.resourceGroupName).toEqual([a.urn]);
  expect(b.inputs).toMatchObject({ resourceGroupName: "rg-a", tags: { from: "rg-a-id" } });
  expect(await promiseOf(second.id)).toBe("rg-b-id");
});
