// The pack's entry point, loaded by `pulumi preview --policy-pack policies`. Only the PolicyPack lives here: its
// constructor starts the analyzer's gRPC server, so tests and the offline evaluator import ./registry instead.
import { PolicyPack } from "@pulumi/policy";
import { PACK_ENFORCEMENT_LEVEL, PACK_NAME, selectPolicies } from "./registry";

new PolicyPack(PACK_NAME, {
  policies: selectPolicies(),
  enforcementLevel: PACK_ENFORCEMENT_LEVEL,
  description: "Guard rails of the city tenant: Azure landing zone, Microsoft 365 licences and Teams voice.",
});
