import * as pulumi from "@pulumi/pulumi";
import { resourcePermission, RESOURCE_PERMISSIONS } from "../../src/permissions/resourcePermissions";
import { captureRegistrations } from "../../src/render/capture";
import { RenderMocks } from "../../src/render/mocks";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { join } from "node:path";

/** The example city: it turns on every optional part (firewall, gateway, Bastion, resolver, Defender, vending). */
const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");

/** Every custom resource type the program registers with every layer on (src/index.ts as `pulumi up` runs it). */
async function registeredTypes(): Promise<string[]> {
  await pulumi.runtime.setMocks(new RenderMocks(), "tenant", "example", false);
  pulumi.runtime.setAllConfig({ "tenant:definition": EXAMPLE });
  const capture = captureRegistrations();
  await jest.isolateModulesAsync(async () => {
    await import("../../src/index");
  });
  await capture.settled();
  await pulumi.runtime.disconnect();
  return [...new Set(capture.resources.filter((r) => r.custom).map((r) => r.type))].sort();
}

describe("permissions per resource type (docs/permissions.md, by layer)", () => {
  it("has an entry for every resource type the program registers", async () => {
    const types = await registeredTypes();
    expect(types).toEqual(
      expect.arrayContaining(["azuread:index/group:Group", "azure-native:authorization:RoleAssignment"]),
    );
    expect(types.filter((t) => !resourcePermission(t))).toEqual([]);
  });

  it("has an entry for every dynamic resource type, including those the example does not use", () => {
    expect(Object.values(RESOURCE_TYPES).filter((t) => !resourcePermission(t))).toEqual([]);
  });

  // The Teams app-only auth page: Organization.Read.All plus a directory role; azuread groups: Group.Create and
  // the deploying principal as owner; Azure role assignments: Owner or User Access Administrator at the root MG.
  it("names what issue 13 point 6 found missing", () => {
    expect(resourcePermission("azuread:index/group:Group")?.deploy).toMatch(/Group\.Create.*owner/s);
    expect(resourcePermission("azure-native:authorization:RoleAssignment")?.deploy).toMatch(
      /User Access Administrator.*Owner.*root management group/,
    );
    for (const p of RESOURCE_PERMISSIONS.filter((r) => /tenant-teams:(?!NumberAssignments)/.test(r.type))) {
      expect(p.deploy).toMatch(/Organization\.Read\.All.*Teams Administrator/);
    }
  });
});
