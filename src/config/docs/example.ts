/**
 * The worked example of docs/config-reference.md: a small but complete definition folder. The generator writes
 * it to a scratch folder and runs the real `tenant validate` on it, so the example shown is always valid and the
 * outputs shown are what the command prints. If a new rule rejects it, fix the example here.
 */

export const EXAMPLE_STACK = "ciudad";

export const EXAMPLE_TENANT_YAML = `# yaml-language-server: $schema=../schemas/tenant.schema.json
organization:
  name: Ciudad Ejemplo
  shortName: ce
  tenantId: 0b6f1c2e-4a1d-4c3b-9e8f-2a7d5c6b1e90
  verifiedDomains: [ciudad.example]
  country: ES
  defaultUsageLocation: ES
landingZone:
  managementGroups:
    - id: ce
      displayName: Ciudad Ejemplo
      archetypes: [root]
    - id: ce-platform
      displayName: Platform
      parent: ce
      archetypes: [platform]
    - id: ce-landingzones
      displayName: Landing zones
      parent: ce
      archetypes: [landingZones]
    - id: ce-corp
      displayName: Corp
      parent: ce-landingzones
      archetypes: [corp]
    - id: ce-online
      displayName: Online
      parent: ce-landingzones
      archetypes: [online]
  primaryRegion: spaincentral
  allowedRegions: [spaincentral, westeurope]
  addressPlan: 10.40.0.0/16
  hub:
    addressSpace: 10.40.0.0/22
    subnets:
      - name: GatewaySubnet
        addressPrefix: 10.40.0.0/26
      - name: AzureFirewallSubnet
        addressPrefix: 10.40.1.0/26
  logRetentionDays: 90
  platformSubscriptions:
    management: 6b000000-0000-4000-8000-000000000001
    connectivity: 6b000000-0000-4000-8000-000000000002
  departmentSubscriptions:
    shared:
      corp-shared:
        subscriptionId: 6b000000-0000-4000-8000-00000000c0c0
        archetype: corp
licensing:
  skus:
    - partNumber: SPE_E5
      displayName: Microsoft 365 E5
      seats: 500
      servicePlans: [YAMMER_ENTERPRISE, SWAY]
    - partNumber: MCOEV
      displayName: Teams Phone Standard
      seats: 100
teamsVoice:
  pstnUsages: [Spain, Emergency]
  voiceRoutes:
    - name: Spain
      numberPattern: '^\\+34\\d{9}$'
      gateways: [sbc1.ciudad.example]
      pstnUsages: [Spain]
      priority: 1
    - name: Emergency
      numberPattern: '^(112|091|092)$'
      gateways: [sbc1.ciudad.example]
      pstnUsages: [Emergency]
      priority: 0
  callingPolicies:
    - name: Staff
      allowPrivateCalling: true
      allowVoicemail: UserOverride
  emergencyCallingPolicies:
    - name: Security-desk
      notificationGroup: [seguridad@ciudad.example]
      notificationMode: NotificationOnly
  emergencyCallRoutingPolicies:
    - name: Spain-112
      emergencyNumbers:
        - emergencyDialString: "112"
          onlinePstnUsage: Emergency
  voiceRoutingPolicies:
    - name: Spain
      pstnUsages: [Spain]
  dialPlans:
    - name: ES-Ciudad
      normalizationRules:
        - name: Extension
          pattern: '^(\\d{4})$'
          translation: "+3491480$1"
          isInternalExtension: true
  globalEmergencyCallRoutingPolicy: Spain-112
emergencyAddresses:
  - id: city-hall
    companyName: Ayuntamiento de Ciudad Ejemplo
    houseNumber: "1"
    streetName: Plaza Mayor
    city: Ciudad Ejemplo
    postalCode: "28001"
    countryOrRegion: ES
    latitude: 40.4168
    longitude: -3.7038
    locations:
      - id: city-hall-p0
        name: Planta baja
      - id: city-hall-p1
        name: Planta 1
numberRanges:
  - id: city-hall
    type: directRouting
    start: "+34914800000"
    end: "+34914800999"
`;

export const EXAMPLE_DEPARTMENT_ID = "culture";

export const EXAMPLE_DEPARTMENT_YAML = `# yaml-language-server: $schema=../../schemas/department.schema.json
id: culture
displayName: Cultura
kind: area
costCenter: CC-100
owners: [ana.garcia@ciudad.example]
membership:
  attribute: department
  values: [Cultura]
headcount: 40
licences:
  - sku: SPE_E5
    disabledPlans: [YAMMER_ENTERPRISE]
  - sku: MCOEV
teams:
  callingPolicy: Staff
  emergencyCallingPolicy: Security-desk
  voiceRoutingPolicy: Spain
  dialPlan: ES-Ciudad
numberRanges: [city-hall]
network:
  addressSpace: 10.40.4.0/24
budget:
  monthlyAmount: 500
  contacts: [ana.garcia@ciudad.example]
`;

export const EXAMPLE_NUMBERS_CSV = `userPrincipalName,number,emergencyLocation,category
ana.garcia@ciudad.example,+34914800001,city-hall-p0,primary
luis.martin@ciudad.example,+34914800002,city-hall-p1,primary
ana.garcia@ciudad.example,+34914800003,city-hall-p0,private
`;

/** The example folder, file by file (paths relative to `stacks/<stack>/`). */
export function exampleFiles(): Record<string, string> {
  return {
    "tenant.yaml": EXAMPLE_TENANT_YAML,
    [`departments/${EXAMPLE_DEPARTMENT_ID}.yaml`]: EXAMPLE_DEPARTMENT_YAML,
    [`numbers/${EXAMPLE_DEPARTMENT_ID}.csv`]: EXAMPLE_NUMBERS_CSV,
  };
}
