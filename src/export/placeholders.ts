/**
 * Values the tenant cannot tell (Azure landing zone, budgets, cost centres) and an export must still write so
 * the folder validates. Each is listed in the report under "To complete before deploying the landing zone";
 * docs/export.md lists them. They are deliberately recognisable (`TO-COMPLETE`, 10.0.0.0/8, an amount of 1).
 */

export const PLACEHOLDER_COST_CENTER = "TO-COMPLETE";
export const PLACEHOLDER_REGION = "westeurope";
export const PLACEHOLDER_ADDRESS_PLAN = "10.0.0.0/8";
export const PLACEHOLDER_HUB = "10.0.0.0/22";
export const PLACEHOLDER_BUDGET = 1;
export const PLACEHOLDER_LOG_RETENTION_DAYS = 30;
export const PLACEHOLDER_COUNTRY = "US";
/** Recognisable all-zero subscription ids (`…-0000000000c1` = corp, `…-0000000000e1` = online) to replace. */
export const PLACEHOLDER_SUBSCRIPTIONS = {
  management: "00000000-0000-0000-0000-000000000001",
  connectivity: "00000000-0000-0000-0000-000000000002",
  corp: "00000000-0000-0000-0000-0000000000c1",
  online: "00000000-0000-0000-0000-0000000000e1",
} as const;

/** Owner written when a department group has none in a verified domain: `owner.to.complete@<domain>`. */
export const placeholderOwner = (domain: string) => `owner.to.complete@${domain}`;

/** Who is mailed about break-glass sign-ins: the alert's action group is in Azure, which the export does not read. */
export const placeholderSecurityContact = (domain: string) => `security.to.complete@${domain}`;

/** The i-th department's spoke: a distinct /24 inside the placeholder address plan, clear of the hub. */
export function placeholderSpoke(index: number): string {
  return `10.${1 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

/** A management-group hierarchy with one group per archetype a department may land in. */
export function placeholderLandingZone(shortName: string): Record<string, unknown> {
  return {
    managementGroups: [
      { id: shortName, displayName: `${shortName} (to complete)`, archetypes: ["root"] },
      { id: `${shortName}-platform`, displayName: "Platform", parent: shortName, archetypes: ["platform"] },
      {
        id: `${shortName}-landingzones`,
        displayName: "Landing zones",
        parent: shortName,
        archetypes: ["landingZones"],
      },
      {
        id: `${shortName}-corp`,
        displayName: "Corp",
        parent: `${shortName}-landingzones`,
        archetypes: ["corp"],
      },
      {
        id: `${shortName}-online`,
        displayName: "Online",
        parent: `${shortName}-landingzones`,
        archetypes: ["online"],
      },
    ],
    primaryRegion: PLACEHOLDER_REGION,
    allowedRegions: [PLACEHOLDER_REGION],
    addressPlan: PLACEHOLDER_ADDRESS_PLAN,
    hub: { addressSpace: PLACEHOLDER_HUB, subnets: [] },
    logRetentionDays: PLACEHOLDER_LOG_RETENTION_DAYS,
    platformSubscriptions: {
      management: PLACEHOLDER_SUBSCRIPTIONS.management,
      connectivity: PLACEHOLDER_SUBSCRIPTIONS.connectivity,
    },
    departmentSubscriptions: {
      shared: {
        corp: { subscriptionId: PLACEHOLDER_SUBSCRIPTIONS.corp, archetype: "corp" },
        online: { subscriptionId: PLACEHOLDER_SUBSCRIPTIONS.online, archetype: "online" },
      },
    },
  };
}
