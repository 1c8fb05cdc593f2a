import { z } from "zod";
import { DEFAULT_SCOPED_ROLES, SCOPED_ROLE_KEYS } from "../../identity/delegation/scopedRoles";
import { countryCode, email, slug, uuid } from "./primitives";

/**
 * A conditional access policy's rollout state as written in tenant.yaml, and the value the azuread provider and
 * Graph (`conditionalAccessPolicy.state`) take for it. Report-only first, then on: Entra evaluates a report-only
 * policy at every sign-in and logs what it would have done, without enforcing it.
 */
export const ROLLOUT_STATES = {
  reportOnly: "enabledForReportingButNotEnforced",
  on: "enabled",
  off: "disabled",
} as const;

export type RolloutState = keyof typeof ROLLOUT_STATES;

const rolloutState = z
  .enum(Object.keys(ROLLOUT_STATES) as [RolloutState, ...RolloutState[]])
  .describe(
    "`reportOnly` (evaluated and logged, not enforced), `on` (enforced) or `off`. Start at `reportOnly`, read the " +
      "sign-in logs, then switch to `on` (docs/identity.md).",
  );

/** The baseline policies tenant.yaml can declare (`identity.conditionalAccess.<key>`), in their fixed order. */
export const BASELINE_POLICY_KEYS = [
  "requireMfa",
  "blockLegacyAuthentication",
  "phishingResistantAdmins",
  "signInRisk",
  "userRisk",
  "allowedLocations",
] as const;
export type BaselinePolicyKey = (typeof BASELINE_POLICY_KEYS)[number];

/** Risk levels Entra ID Protection assigns to a sign-in or a user (the azuread provider's `*RiskLevels`). */
export const RISK_LEVELS = ["low", "medium", "high"] as const;

export const breakGlassAccountSchema = z.strictObject({
  userPrincipalName: email.describe(
    "The emergency account's UPN, on the tenant's initial `onmicrosoft.com` domain so it does not depend on federation.",
  ),
  objectId: uuid.describe(
    "Its Entra object id: policies exclude it by id, with no lookup that could fail when access is broken.",
  ),
});

export const namedLocationSchema = z.strictObject({
  id: slug("a named location id", 32).describe(
    "Id the conditional access policies use to refer to the location.",
  ),
  displayName: z.string().min(1).max(256).describe("Name shown in Entra ID."),
  ipRanges: z
    .array(z.string())
    .min(1)
    .optional()
    .describe(
      "The city's public egress ranges, IPv4 CIDR blocks of /8 or longer (an IP location). Give either this or `countries`.",
    ),
  trusted: z
    .boolean()
    .default(false)
    .describe("Mark an IP location as trusted (sign-in risk is lower from it)."),
  countries: z
    .array(countryCode)
    .min(1)
    .optional()
    .describe(
      "Countries sign-in is allowed from, officially assigned ISO 3166-1 alpha-2 codes (a country location).",
    ),
  includeUnknownCountries: z
    .boolean()
    .default(false)
    .describe("Count addresses that map to no country as inside a country location."),
});

const policy = (what: string) => z.strictObject({ state: rolloutState }).describe(what);

const riskPolicy = (what: string, defaults: readonly (typeof RISK_LEVELS)[number][]) =>
  z
    .strictObject({
      state: rolloutState,
      levels: z
        .array(z.enum(RISK_LEVELS))
        .min(1)
        .default([...defaults])
        .describe("Risk levels the policy applies to."),
    })
    .describe(what);

export const conditionalAccessSchema = z
  .strictObject({
    requireMfa: policy("Multifactor authentication for every user, in every application.").optional(),
    blockLegacyAuthentication: policy(
      "Block clients that cannot do modern authentication (Exchange ActiveSync and other legacy protocols).",
    ).optional(),
    phishingResistantAdmins: policy(
      "Phishing-resistant MFA (built-in authentication strength) for every administrative directory role.",
    ).optional(),
    signInRisk: riskPolicy(
      "MFA when Entra ID Protection rates a sign-in risky. Needs Entra ID P2 in the licence catalogue.",
      ["medium", "high"],
    ).optional(),
    userRisk: riskPolicy(
      "MFA and a password change when Entra ID Protection rates a user risky. Needs Entra ID P2 in the licence catalogue.",
      ["high"],
    ).optional(),
    allowedLocations: z
      .strictObject({
        state: rolloutState,
        locations: z
          .array(z.string().min(1))
          .min(1)
          .describe("Ids of named locations sign-in is allowed from; everywhere else is blocked."),
      })
      .optional()
      .describe("Block sign-in from anywhere outside the named locations listed."),
  })
  .describe("The baseline conditional access policies; each one present is deployed in its `state`.");

export const delegatedAdministrationSchema = z
  .strictObject({
    roles: z
      .array(z.enum(SCOPED_ROLE_KEYS))
      .min(1)
      .default([...DEFAULT_SCOPED_ROLES])
      .describe(
        "Entra roles each department's admin group is ELIGIBLE for, scoped to the department's administrative unit " +
          "(only roles Microsoft allows at that scope). Default `[userAdministrator]`: see docs/identity.md for why.",
      ),
  })
  .describe(
    "An administrative unit per department whose dynamic membership is the department's rule, with the department's " +
      "admin group eligible (Privileged Identity Management) for scoped roles on it. Needs Entra ID P2.",
  );

export const identitySchema = z
  .strictObject({
    breakGlass: z
      .array(breakGlassAccountSchema)
      .describe(
        "At least two emergency access accounts: excluded from every conditional access policy, never a department's owner or admin, never given a number.",
      ),
    breakGlassAlerts: z
      .array(email)
      .min(1)
      .optional()
      .describe(
        "Who is mailed within five minutes of any sign-in of a break-glass account (a log alert on the central " +
          "workspace); default landingZone.defender.contacts.",
      ),
    namedLocations: z
      .array(namedLocationSchema)
      .default([])
      .describe("The city's networks and the countries sign-in is allowed from."),
    conditionalAccess: conditionalAccessSchema.default({}),
    exceptionsAllowed: z
      .array(z.enum(BASELINE_POLICY_KEYS))
      .default([])
      .describe(
        "Baseline policies a department may exempt some of its own users from, in its file " +
          "(`conditionalAccessExceptions`); any other exception fails validation. Default: none.",
      ),
    adminGroupMembership: z
      .enum(["permanent", "eligible"])
      .default("eligible")
      .describe(
        "How a department's admins belong to its admin group: `eligible` (the default: Privileged Identity " +
          "Management for Groups, each admin activates membership on demand; needs Entra ID P2) or `permanent` " +
          "(standing members, for a tenant without P2). docs/identity.md explains the choice.",
      ),
    delegatedAdministration: delegatedAdministrationSchema.optional(),
  })
  .describe("Tenant-wide identity baseline: break-glass accounts, named locations, conditional access.");

export type BreakGlassAccount = z.infer<typeof breakGlassAccountSchema>;
export type NamedLocation = z.infer<typeof namedLocationSchema>;
export type ConditionalAccess = z.infer<typeof conditionalAccessSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type DelegatedAdministration = z.infer<typeof delegatedAdministrationSchema>;
