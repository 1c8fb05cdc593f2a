import { subscriptionsRule } from "../../../src/config/rules/subscriptions";
import type { Edit } from "../helpers/validate";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// subscriptions alone: everything lands in a subscription that one management group of the hierarchy governs.
const TENANT = "tenant.yaml";
const MOBILITY = "departments/mobility.yaml";
const MANAGEMENT = "7a000000-0000-4000-8000-000000000001";

/** Lines added to mobility's network mapping, from line 15 on. */
const mobilityNetwork = (...lines: string[]): Edit => [
  MOBILITY,
  "addressSpace: 10.20.5.0/24\n",
  `addressSpace: 10.20.5.0/24\n${lines.map((l) => `  ${l}\n`).join("")}`,
];

describe("subscriptions", () => {
  const cases: RuleCase[] = [
    { name: "the fixture: platform subscriptions and a shared corp subscription", errors: [] },
    {
      name: "the workspace's subscription is required",
      edits: [[TENANT, `    management: ${MANAGEMENT}\n`, ""]],
      errors: [
        "tenant.yaml:36:5: landingZone.platformSubscriptions: landingZone.platformSubscriptions.management is not set — the Log Analytics workspace would land in whatever subscription the credentials point at, outside the hierarchy; add the management subscription id",
      ],
    },
    {
      // identity is optional (the fixture has none); when set it shares the platform group, like the others.
      name: "an identity subscription, even the management one, under the platform group",
      edits: [
        [
          TENANT,
          `    management: ${MANAGEMENT}\n`,
          `    management: ${MANAGEMENT}\n    identity: ${MANAGEMENT}\n`,
        ],
      ],
      errors: [],
    },
    {
      name: "without a platform group, a platform subscription needs a group of its own role",
      edits: [[TENANT, "archetypes: [platform]", "archetypes: [management]"]],
      errors: [
        "tenant.yaml:37:19: landingZone.platformSubscriptions.connectivity: the connectivity subscription needs a management group with archetype 'connectivity' or 'platform' — add one of them to a group under the root",
      ],
    },
    {
      // Subscription ids are GUIDs: case does not make a different subscription.
      name: "a department reusing the management subscription, written in another case, sits under two groups",
      edits: [
        [TENANT, `management: ${MANAGEMENT}`, `management: ${MANAGEMENT.toUpperCase()}`],
        mobilityNetwork(`subscriptionId: ${MANAGEMENT}`),
      ],
      errors: [
        `departments/mobility.yaml:15:19: network.subscriptionId: subscription ${MANAGEMENT} would sit under 'vp-corp' here and under 'vp-platform' at tenant.yaml:36 — a subscription has one management group; use a different subscription`,
      ],
    },
    {
      name: "two departments in one existing subscription of the same landing zone",
      edits: [
        mobilityNetwork("subscriptionId: 7a000000-0000-4000-8000-0000000000aa"),
        [
          "departments/culture.yaml",
          "addressSpace: 10.20.4.0/24\n",
          "addressSpace: 10.20.4.0/24\n  subscriptionId: 7a000000-0000-4000-8000-0000000000aa\n",
        ],
      ],
      errors: [],
    },
    {
      name: "public access with archetype corp",
      edits: [mobilityNetwork("publicAccess: true", "archetype: corp")],
      errors: [
        "departments/mobility.yaml:16:14: network.archetype: publicAccess: true puts the department in 'online', but archetype says 'corp' — remove one of the two",
      ],
    },
    {
      name: "all three ways at once, reported at the second",
      edits: [
        mobilityNetwork(
          "subscriptionId: 7a000000-0000-4000-8000-0000000000aa",
          "sharedSubscription: corp-shared",
          "vendSubscription: true",
        ),
      ],
      errors: [
        "departments/mobility.yaml:16:23: network.sharedSubscription: the department names its subscription 3 ways (subscriptionId, sharedSubscription, vendSubscription) — keep exactly one",
      ],
    },
    {
      name: "a shared subscription of another landing zone",
      edits: [mobilityNetwork("archetype: online", "sharedSubscription: corp-shared")],
      errors: [
        "departments/mobility.yaml:16:23: network.sharedSubscription: shared subscription 'corp-shared' sits in the 'corp' landing zone, but this department belongs in 'online' — pick a shared subscription of archetype 'online' or give the department its own",
      ],
    },
    {
      name: "an unknown shared subscription, far from every name, lists the declared ones",
      edits: [mobilityNetwork("sharedSubscription: intranet")],
      errors: [
        "departments/mobility.yaml:15:23: network.sharedSubscription: shared subscription 'intranet' is not in landingZone.departmentSubscriptions.shared — declared: 'corp-shared'",
      ],
    },
    {
      name: "nothing is judged when tenant.yaml does not load",
      edits: [
        [TENANT, "organization:", "organization: [\n"],
        mobilityNetwork("publicAccess: true", "archetype: corp"),
      ],
      errors: [],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(subscriptionsRule, change)).toEqual(errors),
  );
});
