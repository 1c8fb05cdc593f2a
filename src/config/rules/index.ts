import { assignmentsRule } from "./assignments";
import { azureAddressSpaceRule } from "./azureAddressSpace";
import { breakGlassRule } from "./breakGlass";
import { conditionalAccessRule } from "./conditionalAccess";
import { conditionalAccessExceptionsRule } from "./conditionalAccessExceptions";
import type { Rule } from "./context";
import { departmentIdentityRule } from "./departments";
import { emergencyAddressesRule } from "./emergencyAddresses";
import { emergencyDialOutRule } from "./emergencyDialOut";
import { intentionalRemovalsRule } from "./intentionalRemovals";
import { landingZoneArchetypesRule } from "./landingZoneArchetypes";
import { departmentLifecycleRule } from "./lifecycle";
import { licencesRule } from "./licences";
import { managementGroupsRule } from "./managementGroups";
import { membershipScopeRule } from "./membership";
import { membershipValuesRule } from "./membershipValues";
import { namedLocationsRule } from "./namedLocations";
import { networkRule } from "./network";
import { departmentRanksRule } from "./ranks";
import { numberRangesRule } from "./ranges";
import { phoneNumbersRule } from "./phoneNumbers";
import { phoneServicesRule } from "./phoneServices";
import { pricesRule } from "./prices";
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
  membershipScopeRule,
  departmentRanksRule,
  departmentLifecycleRule,
  verifiedDomainsRule,
  membershipValuesRule,
  breakGlassRule,
  namedLocationsRule,
  conditionalAccessRule,
  conditionalAccessExceptionsRule,
  managementGroupsRule,
  landingZoneArchetypesRule,
  subscriptionsRule,
  regionsRule,
  networkRule,
  azureAddressSpaceRule,
  subnetsRule,
  licencesRule,
  seatsRule,
  pricesRule,
  teamsCatalogueRule,
  teamsPoliciesRule,
  emergencyDialOutRule,
  emergencyAddressesRule,
  numberRangesRule,
  phoneNumbersRule,
  phoneServicesRule,
  assignmentsRule,
  releasedNumbersRule,
  intentionalRemovalsRule,
];
