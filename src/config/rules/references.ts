/**
 * Every reference between the files of a definition, and how `validate` checks it in each direction. The
 * reference docs render this as a table (docs/config-reference.md, "What validate checks"); a test holds each
 * entry to the rules it names, so the table cannot promise a rule that does not exist.
 *
 * "Backward" is the other end's view: an entry nothing refers to, or a relation the referring side must also
 * satisfy from the target's side. Where an unreferenced entry is harmless (Teams and Azure accept it, and the
 * platform team prepares catalogue entries before departments adopt them) it is deliberately not an error.
 */
export interface Reference {
  /** The field that refers, `file: field`. */
  from: string;
  /** What it must name. */
  to: string;
  /** Rule ids that check the reference resolves. */
  forwardRules: string[];
  /** What is checked from the other end, or why nothing is. */
  backward: string;
  /** Rule ids that check the backward direction (empty when it is deliberately unchecked). */
  backwardRules: string[];
}

export const REFERENCES: readonly Reference[] = [
  {
    from: "`departments/<id>.yaml`: `id`",
    to: "the file's own name",
    forwardRules: ["department-identity"],
    backward: "Every `numbers/<id>.csv` has a department file of that id.",
    backwardRules: ["department-identity"],
  },
  {
    from: "`numbers/<id>.csv`: each row's `number`",
    to: "a range that department `<id>` (the file it is in) lists in `numberRanges`",
    forwardRules: ["phone-numbers"],
    backward:
      "A number in a range only other departments list is refused; a number assigned twice, in any files, is refused.",
    backwardRules: ["phone-numbers"],
  },
  {
    from: "`numbers/<id>.csv`: `emergencyLocation`",
    to: "a location id of `emergencyAddresses[].locations`",
    forwardRules: ["number-assignments"],
    backward:
      "Not an error: a location no number uses yet is registered in the Teams location service ahead of moves.",
    backwardRules: [],
  },
  {
    from: "`numbers/<id>.csv`: `userPrincipalName`",
    to: "a user in a domain of `organization.verifiedDomains`",
    forwardRules: ["number-assignments"],
    backward: "A user has at most one number per category across all files.",
    backwardRules: ["number-assignments"],
  },
  {
    from: "`departments/<id>.yaml`: `numberRanges`",
    to: "an id of `numberRanges` in `tenant.yaml`",
    forwardRules: ["number-ranges"],
    backward: "Ranges do not overlap, so a number belongs to one range.",
    backwardRules: ["number-ranges"],
  },
  {
    from: "`departments/<id>.yaml`: `teams.callingPolicy`, `emergencyCallingPolicy`, `voiceRoutingPolicy`, `dialPlan`",
    to: "an entry of the Teams voice catalogue in `tenant.yaml`",
    forwardRules: ["department-teams-policies"],
    backward:
      "Not an error: Teams accepts a policy nobody is granted, and the platform team adds one before a department adopts it.",
    backwardRules: [],
  },
  {
    from: "`tenant.yaml`: a voice route's or voice routing policy's `pstnUsages`, an emergency number's `onlinePstnUsage`",
    to: "an entry of `teamsVoice.pstnUsages`",
    forwardRules: ["teams-voice-catalogue"],
    backward:
      "A usage a voice routing policy or an emergency number relies on is carried by at least one voice route, or its calls could not leave Teams.",
    backwardRules: ["teams-voice-catalogue"],
  },
  {
    from: "`tenant.yaml`: `teamsVoice.globalEmergencyCallRoutingPolicy`",
    to: "an entry of `emergencyCallRoutingPolicies`",
    forwardRules: ["teams-voice-catalogue"],
    backward:
      "Not an error: Direct Routing emergency policies may exist before they are granted tenant-wide.",
    backwardRules: [],
  },
  {
    from: "`departments/<id>.yaml`: `licences[].sku`, `licences[].disabledPlans`",
    to: "a SKU of `licensing.skus` and one of its `servicePlans`",
    forwardRules: ["licences"],
    backward: "The seats of each SKU cover the headcounts of the departments that take it.",
    backwardRules: ["licence-seats"],
  },
  {
    from: "`departments/<id>.yaml`: `intentionalRemovals.numbers`, `intentionalRemovals.skus`",
    to: "a number or SKU the department no longer has",
    forwardRules: ["intentional-removals"],
    backward:
      "A removal without an entry is blocked by the policy pack at preview (it needs the deployed state, which validate does not read).",
    backwardRules: [],
  },
  {
    from: "`departments/<id>.yaml`: `membership.values`",
    to: "values users can hold in the attribute (its length in Entra ID)",
    forwardRules: ["membership-values"],
    backward: "Not applicable: users' attribute values live in Entra ID; `drift` and `export` read them.",
    backwardRules: [],
  },
  {
    from: "`departments/<id>.yaml`: `owners`, `admins`",
    to: "accounts in a verified domain, as user principal names",
    forwardRules: ["verified-domains"],
    backward: "Not applicable: accounts live in Entra ID, which `validate` does not read.",
    backwardRules: [],
  },
  {
    from: "`departments/<id>.yaml`: `network.region`, `landingZone.primaryRegion`",
    to: "an entry of `landingZone.allowedRegions`",
    forwardRules: ["regions"],
    backward: "Not an error: an allowed region nobody uses yet.",
    backwardRules: [],
  },
  {
    from: "`departments/<id>.yaml`: `network.publicAccess` (the landing zone it lands in)",
    to: "exactly one management group with the `corp` (or `online`) archetype",
    forwardRules: ["landing-zone-archetypes"],
    backward: "Two groups carrying the same landing archetype are refused.",
    backwardRules: ["landing-zone-archetypes"],
  },
  {
    from: "`tenant.yaml`: `landingZone.managementGroups[].parent`",
    to: "another management group's id",
    forwardRules: ["management-groups"],
    backward: "One group has no parent (the top), and parents never loop.",
    backwardRules: ["management-groups"],
  },
  {
    from: "`numbers/released.csv`: `number`",
    to: "a declared range",
    forwardRules: ["released-numbers"],
    backward: "A numbers file does not assign a number still in quarantine.",
    backwardRules: ["released-numbers"],
  },
];
