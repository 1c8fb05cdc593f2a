/**
 * A hand-written LiveTenant that matches tests/fixtures/minimal exactly as `pulumi up` leaves it (values
 * copied from what the Teams cmdlets and Graph return, not computed by the code under test). Each call
 * returns a fresh copy so a test can break one thing.
 */
import type { LiveTenant } from "../../../src/live/snapshot";

export const IDS = {
  culture: "865e9295-4764-586a-8c40-15640c33abd3",
  mobility: "deb68f0d-34e7-5ee3-8e40-c21d875f0f13",
  ana: "0dd9a2b8-5d5e-568d-a010-83577744ac1b",
  pedro: "6bb7e5cd-6200-56f0-b7e7-7320d748147c",
  luis: "8c1c7c62-0a55-5d3e-9d1e-0a1c7e2b4f10",
  E5: "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
  MCOEV_SKU: "e43b5b99-8dfb-405f-9987-dc307f34bcbd",
  YAMMER: "46f3c02d-f965-501d-ab95-32793c44efad",
  address: "457fd1d0-be00-51f7-9549-0dbd13fc8fe4",
  defaultLocation: "afe6459f-56cc-53f3-bcbb-45b17b475110",
  plantaBaja: "7433f040-3f2c-58ae-84fb-b669cfb4a179",
};

const groupGrant = (policyType: string, policyName: string) => ({
  policyType,
  policyName,
  assignmentType: "group",
  groupId: IDS.culture,
});

const cultureEffective = () => [
  groupGrant("TeamsCallingPolicy", "Standard"),
  groupGrant("TeamsEmergencyCallingPolicy", "Emergency"),
  { policyType: "TeamsEmergencyCallRoutingPolicy", policyName: "Global", assignmentType: "direct" },
  groupGrant("OnlineVoiceRoutingPolicy", "Spain"),
  groupGrant("TenantDialPlan", "ES-Villa"),
];

const user = (id: string, upn: string, department: string) => ({
  id,
  userPrincipalName: upn,
  displayName: upn.split("@")[0],
  accountEnabled: true,
  attributes: { department },
});

const number = (telephoneNumber: string, target: string | null) => ({
  telephoneNumber,
  numberType: "directRouting" as const,
  assignmentStatus: target ? "userAssigned" : "unassigned",
  assignmentTargetId: target,
  assignmentCategory: target ? ("primary" as const) : null,
  locationId: target ? IDS.plantaBaja : null,
});

export function cleanLive(): LiveTenant {
  return {
    readAt: "2026-11-27T02:00:00.000Z",
    graphEndpoint: "https://graph.test",
    organization: {
      tenantId: "11111111-2222-3333-4444-555555555555",
      displayName: "Villa Pequeña",
      verifiedDomains: ["villa.example"],
      countryLetterCode: "ES",
      defaultUsageLocation: "ES",
    },
    skus: [
      {
        skuId: IDS.E5,
        skuPartNumber: "SPE_E5",
        seats: 100,
        consumedUnits: 70,
        servicePlans: [
          { servicePlanId: "4828c8ec-dc2e-4779-b502-87ac9ce28ab7", servicePlanName: "MCOEV" },
          { servicePlanId: IDS.YAMMER, servicePlanName: "YAMMER_ENTERPRISE" },
        ],
      },
      {
        skuId: IDS.MCOEV_SKU,
        skuPartNumber: "MCOEV",
        seats: 10,
        consumedUnits: 0,
        servicePlans: [{ servicePlanId: "4828c8ec-dc2e-4779-b502-87ac9ce28ab7", servicePlanName: "MCOEV" }],
      },
    ],
    groups: [
      {
        id: IDS.culture,
        displayName: "grp-vp-culture",
        description: null,
        groupTypes: ["DynamicMembership"],
        membershipRule: '(user.department -eq "Cultura")',
        securityEnabled: true,
        mailEnabled: false,
        assignedLicenses: [
          { skuId: IDS.E5, skuPartNumber: "SPE_E5", disabledPlanIds: [], disabledPlanNames: [] },
        ],
        ownerUpns: ["ana@villa.example"],
      },
      {
        id: IDS.mobility,
        displayName: "grp-vp-mobility",
        description: null,
        groupTypes: ["DynamicMembership"],
        membershipRule: '(user.department -eq "Movilidad")',
        securityEnabled: true,
        mailEnabled: false,
        assignedLicenses: [
          {
            skuId: IDS.E5,
            skuPartNumber: "SPE_E5",
            disabledPlanIds: [IDS.YAMMER],
            disabledPlanNames: ["YAMMER_ENTERPRISE"],
          },
        ],
        ownerUpns: ["luis@villa.example"],
      },
    ],
    users: [
      user(IDS.ana, "ana@villa.example", "Cultura"),
      user(IDS.pedro, "pedro@villa.example", "Cultura"),
      user(IDS.luis, "luis@villa.example", "Movilidad"),
    ],
    numbers: [
      number("+34915550000", null),
      number("+34915550001", IDS.ana),
      number("+34915550002", IDS.pedro),
      number("+34915550003", null),
    ],
    userConfigurations: [
      {
        id: IDS.ana,
        userPrincipalName: "ana@villa.example",
        telephoneNumbers: [{ telephoneNumber: "+34915550001", assignmentCategory: "primary" }],
        effectivePolicyAssignments: cultureEffective(),
      },
      {
        id: IDS.pedro,
        userPrincipalName: "pedro@villa.example",
        telephoneNumbers: [{ telephoneNumber: "+34915550002", assignmentCategory: "primary" }],
        effectivePolicyAssignments: cultureEffective(),
      },
    ],
    teams: {
      policies: [
        { type: "TeamsCallingPolicy", name: "Global", settings: { AllowPrivateCalling: true } },
        {
          type: "TeamsCallingPolicy",
          name: "Standard",
          settings: { AllowPrivateCalling: true, AllowVoicemail: "UserOverride", AllowCallGroups: true },
        },
        {
          type: "TeamsEmergencyCallingPolicy",
          name: "Emergency",
          settings: {
            NotificationGroup: "seguridad@villa.example",
            NotificationMode: "NotificationOnly",
            ExternalLocationLookupMode: "Disabled",
          },
        },
        { type: "OnlineVoiceRoutingPolicy", name: "Spain", settings: { OnlinePstnUsages: ["Local"] } },
        {
          type: "TenantDialPlan",
          name: "ES-Villa",
          settings: {
            NormalizationRules: [
              {
                Name: "Extension",
                Pattern: "^(\\d{4})$",
                Translation: "+3491555$1",
                IsInternalExtension: true,
              },
            ],
          },
        },
      ],
      pstnUsages: ["Local", "International"],
      voiceRoutes: [
        {
          name: "Spain",
          settings: {
            NumberPattern: "^\\+34\\d{9}$",
            OnlinePstnGatewayList: ["sbc1.villa.example"],
            OnlinePstnUsages: ["Local"],
            Priority: 1,
          },
        },
      ],
      civicAddresses: [
        {
          civicAddressId: IDS.address,
          key: "town-hall",
          fields: {
            CompanyName: "Ayuntamiento de Villa Pequeña",
            HouseNumber: "1",
            StreetName: "Plaza Mayor",
            City: "Villa Pequeña",
            PostalCode: "28001",
            CountryOrRegion: "ES",
            Latitude: "40.4168",
            Longitude: "-3.7038",
          },
          defaultLocationId: IDS.defaultLocation,
          locations: [
            { locationId: IDS.defaultLocation, location: "" },
            { locationId: IDS.plantaBaja, location: "Planta baja" },
          ],
        },
      ],
      groupPolicyAssignments: [
        { groupId: IDS.culture, policyType: "OnlineVoiceRoutingPolicy", policyName: "Spain", rank: 1 },
        { groupId: IDS.culture, policyType: "TeamsCallingPolicy", policyName: "Standard", rank: 1 },
        { groupId: IDS.culture, policyType: "TeamsEmergencyCallingPolicy", policyName: "Emergency", rank: 1 },
        { groupId: IDS.culture, policyType: "TenantDialPlan", policyName: "ES-Villa", rank: 1 },
      ],
    },
  };
}
