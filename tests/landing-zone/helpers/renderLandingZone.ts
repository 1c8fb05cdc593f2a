import { validateDefinition } from "../../../src/config/validate";
import type { TenantDefinition } from "../../../src/config/definition";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import { installMocks, settle, type CapturedResource } from "../../helpers/pulumiMocks";

/** The minimal fixture's definition; throws with the diagnostics if it stops validating. */
export function minimalDefinition(): TenantDefinition {
  const result = validateDefinition(MINIMAL_FIXTURE);
  if (!result.definition)
    throw new Error(`minimal fixture is invalid: ${JSON.stringify(result.diagnostics)}`);
  return result.definition;
}

/**
 * Renders a LandingZone under mocks and waits for every child's registration. Mocks are installed before
 * the component module is imported (pulumi-offline.md §1.2).
 */
export async function renderLandingZone(definition: TenantDefinition = minimalDefinition()): Promise<{
  captured: CapturedResource[];
  zone: import("../../../src/landing-zone/LandingZone").LandingZone;
}> {
  const captured = installMocks({ stack: "test" });
  const { LandingZone } = await import("../../../src/landing-zone/LandingZone");
  const zone = new LandingZone("lz", { definition });
  await settle([
    zone,
    ...zone.managementGroups.values(),
    ...zone.policyAssignments.values(),
    ...zone.policyDefinitions.values(),
    ...zone.roleAssignments,
    ...zone.remediations,
    ...zone.propagationWaits,
    zone.workspace,
    zone.activityLog,
    zone.managementResourceGroup,
    zone.hubResourceGroup,
    zone.hubNetwork,
    ...zone.platformSubscriptions.values(),
  ]);
  return { captured, zone };
}
