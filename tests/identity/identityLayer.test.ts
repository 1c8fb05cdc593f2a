import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../../src/config/definition";
import { installMocks, ofType, promiseOf, type CapturedResource } from "../helpers/pulumiMocks";
import { minimalDefinition } from "../landing-zone/helpers/renderLandingZone";
import { fullIdentity } from "./conditionalAccess/helpers/identity";

const BASELINE = "tenant:identity:ConditionalAccessBaseline";
const POLICY = "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy";

/** The identity layer of `definition`, against made-up landing-zone exports; what it registered. */
async function render(definition: TenantDefinition): Promise<CapturedResource[]> {
  const captured = installMocks({
    stack: "test",
    // The department groups look their owners and admins up: every UPN exists.
    call: ({ token, inputs }) =>
      token === "azuread:index/getUsers:getUsers"
        ? {
            users: (inputs.userPrincipalNames as string[]).map((upn) => ({
              userPrincipalName: upn,
              objectId: `${upn}-oid`,
            })),
          }
        : undefined,
  });
  const { buildIdentityLayer } = await import("../../src/identity/identityLayer");
  const zone = {
    subscriptionId: "s",
    resourceGroupId: "rg",
    resourceGroupName: "rg",
    spokeId: "v",
    spokeName: "v",
  };
  const departments = Object.fromEntries(definition.departments.map((d) => [d.id, zone]));
  const built = buildIdentityLayer(definition, { departments } as never);
  // The groups register after their owner lookups; the baseline, built after them, has registered by then.
  await Promise.all(
    Object.values(built.departments).flatMap((d) => [
      promiseOf(pulumi.output(d.groupId)),
      promiseOf(pulumi.output(d.adminGroupId)),
    ]),
  );
  return captured;
}

describe("identity layer: the conditional access baseline", () => {
  it("is registered once when tenant.yaml has an identity section", async () => {
    const base = minimalDefinition();
    const captured = await render({ ...base, tenant: { ...base.tenant, identity: fullIdentity() } });
    expect(ofType(captured, BASELINE)).toHaveLength(1);
    expect(ofType(captured, POLICY).map((p) => p.name)).toContain("ca-vp-requireMfa");
  });

  it("is absent without one", async () => {
    const captured = await render(minimalDefinition());
    expect(ofType(captured, BASELINE)).toEqual([]);
  });
});
