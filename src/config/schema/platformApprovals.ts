import { z } from "zod";
import { slug } from "./primitives";
import { isoDate } from "./releasedNumbers";

/**
 * Ranks 1 to 9 are the platform team's: they decide which department wins when a user is in several. A
 * department file may choose 10 (the default) to 64 on its own; a lower rank needs an approval below.
 */
export const RESERVED_RANK_BELOW = 10;

const reason = z
  .string()
  .min(10, "must say why in at least 10 characters")
  .max(300)
  .describe("Why the platform team granted this; shown to reviewers.");

export const rankApprovalSchema = z.strictObject({
  department: slug("a department id", 24).describe("The department allowed a reserved rank."),
  rank: z
    .int()
    .min(1)
    .max(RESERVED_RANK_BELOW - 1)
    .describe(
      `The reserved rank (1 to ${RESERVED_RANK_BELOW - 1}) the department may set in \`teams.rank\`.`,
    ),
  reason,
});

export const membershipRuleApprovalSchema = z.strictObject({
  department: slug("a department id", 24).describe("The department allowed a raw membership rule."),
  rule: z
    .string()
    .min(1)
    .describe(
      "The exact rule the department may use (spaces may differ); any other rule needs a new approval.",
    ),
  reason,
});

export const retirementApprovalSchema = z.strictObject({
  department: slug("a department id", 24).describe("The retired department, whose file may then be deleted."),
  date: isoDate.describe("The day the platform team approved the removal (YYYY-MM-DD)."),
  reason,
});

export const platformApprovalsSchema = z
  .strictObject({
    ranks: z
      .array(rankApprovalSchema)
      .default([])
      .describe(`Departments allowed a reserved Teams rank (below ${RESERVED_RANK_BELOW}).`),
    membershipRules: z
      .array(membershipRuleApprovalSchema)
      .default([])
      .describe(
        "Departments allowed a raw membership rule that is not restricted to their own attribute values.",
      ),
    retirements: z
      .array(retirementApprovalSchema)
      .default([])
      .describe(
        "Departments whose removal the platform team approved, after they were `lifecycle: retiring`.",
      ),
  })
  .describe(
    "What only the platform team may grant a department (tenant.yaml is theirs in CODEOWNERS): reserved ranks, " +
      "raw membership rules, and the removal of a retired department.",
  );

export type PlatformApprovals = z.infer<typeof platformApprovalsSchema>;
