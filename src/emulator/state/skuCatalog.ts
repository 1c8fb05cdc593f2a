import { guidFrom } from "../ids";

/**
 * skuIds and service plans Microsoft publishes for SKUs a city buys (graph-teams-licensing.md §1.6). Part
 * numbers not listed get a deterministic GUID: real clients resolve ids from `/subscribedSkus` by part
 * number, never hard-code them, so only stability matters.
 */
export const KNOWN_SKU_IDS: Readonly<Record<string, string>> = {
  SPE_E5: "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
  SPE_E5_NOPSTNCONF: "cd2925a3-5076-4233-8931-638a8c94f773",
  SPE_E5_CALLINGMINUTES: "a91fc4e0-65e5-4266-aa76-4037509c1626",
  SPE_E3: "05e9a617-0261-4cee-bb44-138d3ef5d965",
  Microsoft_365_E5: "db684ac5-c0e7-4f92-8284-ef9ebde75d33",
  Microsoft_365_E3: "0c21030a-7e60-4ec7-9a0f-0042e0e0211a",
  ENTERPRISEPREMIUM: "c7df2760-2c81-4ef7-b578-5b5392b571df",
  ENTERPRISEPACK: "6fd2c87f-b296-42f0-b197-1e91e994b900",
  SPE_F1: "66b55226-6b4f-492c-910c-a3b7a3c9d993",
  MCOEV: "e43b5b99-8dfb-405f-9987-dc307f34bcbd",
  MCOEV_GOV: "a460366a-ade7-4791-b581-9fbff1bdaa85",
  PHONESYSTEM_VIRTUALUSER: "440eaaa8-b3e0-484b-a8be-62870b9ba70a",
  PHONESYSTEM_VIRTUALUSER_GOV: "2cf22bcb-0c9e-4bc6-8daf-7e7654c0f285",
  MCOPSTN1: "0dab259f-bf13-4952-b7f8-7db8f131b28d",
  MCOPSTN2: "d3b4fe1f-9992-4930-8acb-ca6ec609365e",
  MCOPSTN_5: "11dee6af-eca8-419f-8061-6864517c1875",
  MCOPSTN_6: "729dbb8f-8d56-4994-8e33-2f218f549544",
  MCOPSTN_1_GOV: "923f58ab-fca1-46a1-92f9-89fda21238a8",
  MCOPSTNC: "47794cd0-f0e5-45c5-9033-2eb6b5fc84e0",
  MCOTEAMS_ESSENTIALS: "ae2343d1-0999-43f6-ae18-d816516f6e78",
  MCOMEETADV: "0c266dff-15dd-4b49-8397-2bb16070ed52",
  M365_G3_GOV: "e823ca47-49c4-46b3-b38d-ca11d5abe3d2",
  M365_G5_GCC: "e2be619b-b125-455f-8660-fb503e431a5d",
  ENTERPRISEPACK_GOV: "535a3a29-c5f0-42fe-8215-d3b9e1f38c4a",
  ENTERPRISEPREMIUM_GOV: "8900a2c0-edba-4079-bdf3-b276e293b6a8",
  Microsoft_Teams_EEA_New: "7e74bd05-2c47-404e-829a-ba95c66fe8e5",
  "Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1_US)": "9b196e97-5830-4c2e-adc2-1e10ebf5dee5",
};

/** Plan ids the reference verifies; other plan names get deterministic GUIDs. */
const KNOWN_PLAN_IDS: Readonly<Record<string, string>> = {
  MCOEV: "4828c8ec-dc2e-4779-b502-87ac9ce28ab7",
};

/** Plans the reference says a SKU includes (§1.6 notes); the catalogue's own plan lists are added on top. */
const KNOWN_SKU_PLANS: Readonly<Record<string, readonly string[]>> = {
  SPE_E5: ["MCOEV", "MCOMEETADV"],
  SPE_E5_CALLINGMINUTES: ["MCOEV", "MCOMEETADV", "MCOPSTN8"],
  MCOEV: ["MCOEV"],
  MCOTEAMS_ESSENTIALS: ["MCOPSTN1", "MCOEV"],
  // Calling Plan SKUs carry their namesake plan, which is what lets a user hold a callingPlan number.
  MCOPSTN1: ["MCOPSTN1"],
  MCOPSTN2: ["MCOPSTN2"],
  MCOPSTN_5: ["MCOPSTN5"],
  MCOPSTN_6: ["MCOPSTN6"],
  MCOPSTN_1_GOV: ["MCOPSTN1_GOV"],
  "Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1_US)": ["MCOPSTN_PAYG_1"],
};

export function skuIdFor(partNumber: string): string {
  return KNOWN_SKU_IDS[partNumber] ?? guidFrom("tenant-emulator/sku", partNumber);
}

export function servicePlanIdFor(planName: string): string {
  return KNOWN_PLAN_IDS[planName] ?? guidFrom("tenant-emulator/service-plan", planName);
}

export function knownPlansOf(partNumber: string): readonly string[] {
  return KNOWN_SKU_PLANS[partNumber] ?? [];
}
