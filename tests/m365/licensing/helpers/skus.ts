/** Shared licensing fixtures: a tenant's subscribed SKUs and the licences resolved against them. */
import type { ResolvedLicence, SubscribedSku } from "../../../../src/m365/licensing/types";

export const E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
export const EV = "e43b5b99-8dfb-405f-9987-dc307f34bcbd";
export const YAMMER = "7547a3fe-08ee-4ccb-b430-5077c5041653";
export const SWAY = "a23b959c-7ce8-4e57-9140-b90eb88a9e97";
export const GROUP = "aaaaaaaa-0000-4000-8000-000000000001";

export const SKUS: SubscribedSku[] = [
  {
    skuId: E5.toUpperCase(),
    skuPartNumber: "SPE_E5",
    appliesTo: "User",
    capabilityStatus: "Enabled",
    consumedUnits: 90,
    prepaidUnits: { enabled: 100 },
    servicePlans: [
      { servicePlanId: YAMMER, servicePlanName: "YAMMER_ENTERPRISE" },
      { servicePlanId: SWAY, servicePlanName: "SWAY" },
    ],
  },
  {
    skuId: EV,
    skuPartNumber: "MCOEV",
    appliesTo: "User",
    capabilityStatus: "Warning",
    consumedUnits: 0,
    prepaidUnits: { enabled: 5 },
    servicePlans: [],
  },
  {
    skuId: "bbbbbbbb-0000-4000-8000-000000000001",
    skuPartNumber: "CASUSPENDED",
    capabilityStatus: "Suspended",
  },
  { skuId: "bbbbbbbb-0000-4000-8000-000000000002", skuPartNumber: "COMPANYWIDE", appliesTo: "Company" },
];

export const e5 = (plans: string[] = []): ResolvedLicence => ({
  skuPartNumber: "SPE_E5",
  skuId: E5,
  disabledPlans: [],
  disabledPlanIds: plans,
});
export const ev: ResolvedLicence = {
  skuPartNumber: "MCOEV",
  skuId: EV,
  disabledPlans: [],
  disabledPlanIds: [],
};
