import { assignmentsRule } from "./assignments";
import type { Rule } from "./context";
import { departmentIdentityRule } from "./departments";
import { emergencyAddressesRule } from "./emergencyAddresses";
import { landingZoneArchetypesRule } from "./landingZoneArchetypes";
import { licencesRule } from "./licences";
import { managementGroupsRule } from "./managementGroups";
import { networkRule } from "./network";
import { numberRangesRule } from "./ranges";
import { phoneNumbersRule } from "./phoneNumbers";
import { regionsRule } from "./regions";
import { releasedNumbersRule } from "./releasedNumbers";
import { seatsRule } from "./seats";
import { subnetsRule } from "./subnets";
import { subscriptionsRule } from "./subscriptions";
import { teamsCatalogueRule } from "./teamsCatalogue";
import { teamsPoliciesRule } from "./teamsPolicies";
import { verifiedDomainsRule } from "./verifiedDomains";

/** Every cross-file rule, in the order their findings read best. Each rule checks one concern. */
export const RULES: readonly Rule[] = [
  departmentIdentityRule,
  verifiedDomainsRule,
  managementGroupsRule,
  landingZoneArchetypesRule,
  subscriptionsRule,
  regionsRule,
  networkRule,
  subnetsRule,
  licencesRule,
  seatsRule,
  teamsCatalogueRule,
  teamsPoliciesRule,
  emergencyAddressesRule,
  numberRangesRule,
  phoneNumbersRule,
  assignmentsRule,
  releasedNumbersRule,
];
