import { definePolicy } from "../../../lib/define";
import { PREVIOUS_CONFIG_SCHEMA, previousOrNotApplicable } from "../../../lib/previous";
import { groupLicenses, intentionalRemovals } from "../../../lib/teams";

/**
 * A department's group loses a licence only when its definition marks the removal as intentional.
 */
export const noUnmarkedLicenceRemoval = definePolicy(
  {
    id: "m365-licensing-grouplicenses-no-unmarked-removal",
    vendor: "m365",
    service: "licensing",
    kind: "stack",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
      "A department's group loses a licence only when its definition marks the removal as intentional.",
    rationale:
      "Removing a SKU from a group unlicenses every member at once: mailboxes go read-only and phone lines stop. " +
      "Such a change must be deliberate and visible in the pull request, not a side effect of an edit.",
    remediation:
      "If the removal is wanted, list the SKU in the department's intentionalRemovals.skus; otherwise restore it in " +
      "licences. To close a department, retire it first (lifecycle: retiring; CONTRIBUTING, Retire a department).",
    topics: ["licensing", "change-safety"],
  },
  {
    configSchema: PREVIOUS_CONFIG_SCHEMA,
    // The analyzer sees only the new state. The old one comes in as config: the offline evaluator passes the
    // base render, and a real preview needs a config built from `pulumi stack export` (see RULES.md).
    validateStack: (args, reportViolation) => {
      const previous = previousOrNotApplicable(args);
      const current = new Map(groupLicenses(args.resources).map((g) => [g.inputs.department, g]));
      const marked = intentionalRemovals(args.resources);
      for (const [department, skus] of Object.entries(previous.skus)) {
        const now = current.get(department);
        const kept = new Set((now?.inputs.licences ?? []).map((l) => l.skuPartNumber));
        const allowed = new Set(marked.get(department)?.skus ?? []);
        for (const sku of skus) {
          if (kept.has(sku) || allowed.has(sku)) continue;
          reportViolation(
            `Department '${department}' would lose ${sku}; list it in intentionalRemovals.skus to remove it on purpose.`,
            now?.resource.urn,
          );
        }
      }
    },
  },
);
