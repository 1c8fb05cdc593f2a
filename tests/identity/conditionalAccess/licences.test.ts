import { entraIdP2Sku } from "../../../src/identity/conditionalAccess/licences";
import { sku } from "./helpers/identity";

describe("entraIdP2Sku: where the risk policies' licence comes from", () => {
  it.each([
    [[sku("SPE_E5")], "SPE_E5"],
    [[sku("SPE_F1"), sku("EMSPREMIUM")], "EMSPREMIUM"],
    [[sku("AAD_PREMIUM_P2")], "AAD_PREMIUM_P2"],
    [[sku("CUSTOM_BUNDLE", 10, ["AAD_PREMIUM_P2"])], "CUSTOM_BUNDLE"],
  ])("%j brings Entra ID P2 through %s", (skus, expected) => expect(entraIdP2Sku(skus)).toBe(expected));

  it.each([
    ["E3 and F1 only", [sku("SPE_E3"), sku("SPE_F1")]],
    ["E5 with no seats", [sku("SPE_E5", 0)]],
    ["P1 only", [sku("AAD_PREMIUM")]],
  ])("%s: none", (_, skus) => expect(entraIdP2Sku(skus)).toBeUndefined());
});
