import type { Rule, RuleContext } from "./context";
import { suggestion } from "./wording";

const msg = {
  primary: (region: string, hint: string) =>
    `primary region '${region}' is not in allowedRegions (${hint}) — add it to allowedRegions or choose an allowed region`,
  spoke: (region: string, hint: string) =>
    `region '${region}' is not in the landing zone's allowedRegions (${hint}) — choose an allowed region, or ask the platform team to allow it in tenant.yaml`,
};

export const regionsRule: Rule = {
  info: {
    id: "regions",
    summary: "The primary region and every department's spoke region are among the allowed regions.",
    errors: [
      {
        when: "`landingZone.primaryRegion` is not allowed",
        example: msg.primary("spaincentrall", "did you mean 'spaincentral'?"),
      },
      {
        when: "a department's `network.region` is not allowed",
        example: msg.spoke("northeurope", "declared: 'spaincentral', 'westeurope'"),
      },
    ],
  },
  check: checkRegions,
};

function checkRegions(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const { primaryRegion, allowedRegions } = tenant.value.landingZone;
  if (!allowedRegions.includes(primaryRegion)) {
    ctx.at(
      tenant,
      ["landingZone", "primaryRegion"],
      msg.primary(primaryRegion, suggestion(primaryRegion, allowedRegions)),
    );
  }
  for (const dep of ctx.loaded.departments) {
    const region = dep.value.network.region;
    if (region !== undefined && !allowedRegions.includes(region)) {
      ctx.at(dep, ["network", "region"], msg.spoke(region, suggestion(region, allowedRegions)));
    }
  }
}
