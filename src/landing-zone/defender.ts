import * as security from "@pulumi/azure-native/security";
import * as pulumi from "@pulumi/pulumi";
import type { LandingZone } from "../config/schema/landingZone";

/** Sub-plans where Defender for Cloud offers several; the others take the plan's only Standard offer. */
const SUB_PLANS: Readonly<Record<string, string>> = {
  VirtualMachines: "P2",
  StorageAccounts: "DefenderForStorageV2",
  KeyVaults: "PerKeyVault",
  Arm: "PerSubscription",
};

export interface DefenderArgs {
  /** Stable key of the subscription (its id, or `vend-<department>`), for logical names. */
  key: string;
  subscriptionId: pulumi.Input<string>;
  defender: NonNullable<LandingZone["defender"]>;
}

export interface DefenderResources {
  pricings: security.Pricing[];
  contact: security.SecurityContact;
}

/**
 * Defender for Cloud on one subscription: each configured plan at Standard (`Pricing` at the subscription scope)
 * and the security contact Defender alerts, from medium severity up, plus the subscription's owners. Created with
 * the subscription's provider (`opts`), after the subscription is placed under its group.
 */
export function createDefender(args: DefenderArgs, opts: pulumi.CustomResourceOptions): DefenderResources {
  const scopeId = pulumi.interpolate`/subscriptions/${args.subscriptionId}`;
  const pricings = args.defender.plans.map(
    (plan) =>
      new security.Pricing(
        `mdfc-${args.key}-${plan}`,
        {
          pricingName: plan,
          scopeId,
          pricingTier: "Standard",
          ...(SUB_PLANS[plan] ? { subPlan: SUB_PLANS[plan] } : {}),
        },
        opts,
      ),
  );
  const contact = new security.SecurityContact(
    `mdfc-contact-${args.key}`,
    {
      securityContactName: "default",
      emails: args.defender.contacts.join(";"),
      isEnabled: true,
      notificationsByRole: { state: "On", roles: ["Owner"] },
      notificationsSources: [{ sourceType: "Alert", minimalSeverity: "Medium" }],
    },
    opts,
  );
  return { pricings, contact };
}
