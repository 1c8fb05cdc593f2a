import { RESERVED_RANK_BELOW } from "../schema/platformApprovals";
import type { Rule, RuleContext } from "./context";
import { place, suggestion } from "./wording";

const RESERVED = `1 to ${RESERVED_RANK_BELOW - 1}`;

const msg = {
  reserved: (rank: number) =>
    `rank ${rank} is reserved for the platform team (${RESERVED}) — choose ${RESERVED_RANK_BELOW} to 64, or ask the platform team to approve it under platformApprovals.ranks in tenant.yaml`,
  otherThanApproved: (rank: number, approved: number, at: string) =>
    `rank ${rank} is reserved and the platform team approved rank ${approved} for this department at ${at} — set ${approved}, or ask for a new approval`,
  unknownDepartment: (id: string, hint: string) =>
    `approval names department '${id}', which does not exist (${hint}) — name a file in departments/ or remove the approval`,
  duplicate: (id: string, at: string) =>
    `department '${id}' already has a rank approval at ${at} — keep one approval per department`,
};

export const departmentRanksRule: Rule = {
  info: {
    id: "department-ranks",
    summary:
      `A department file may choose a Teams rank of ${RESERVED_RANK_BELOW} to 64; ranks ${RESERVED} are reserved ` +
      "for the platform team, who grant them per department in tenant.yaml.",
    errors: [
      { when: "a department sets a reserved rank without an approval", example: msg.reserved(1) },
      {
        when: "a department sets a reserved rank other than the approved one",
        example: msg.otherThanApproved(1, 5, "tenant.yaml:1012"),
      },
      {
        when: "an approval names a department that does not exist",
        example: msg.unknownDepartment("bomberso", "did you mean 'bomberos'?"),
      },
      {
        when: "two approvals name the same department",
        example: msg.duplicate("bomberos", "tenant.yaml:1012"),
      },
    ],
  },
  check: checkRanks,
};

function checkRanks(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  const approvals = tenant?.value.platformApprovals?.ranks ?? [];
  const approved = new Map<string, { rank: number; at: string }>();
  if (tenant) {
    approvals.forEach((a, i) => {
      const path = ["platformApprovals", "ranks", i, "department"];
      const ids = ctx.loaded.departmentFileIds;
      if (!ids.includes(a.department))
        ctx.at(tenant, path, msg.unknownDepartment(a.department, suggestion(a.department, ids)));
      const seen = approved.get(a.department);
      if (seen) ctx.at(tenant, path, msg.duplicate(a.department, seen.at));
      else
        approved.set(a.department, {
          rank: a.rank,
          at: place(tenant, ["platformApprovals", "ranks", i, "rank"]),
        });
    });
  }
  for (const dep of ctx.loaded.departments) {
    const rank = dep.value.teams?.rank;
    if (rank === undefined || rank >= RESERVED_RANK_BELOW) continue;
    const approval = approved.get(dep.value.id);
    if (!approval) ctx.at(dep, ["teams", "rank"], msg.reserved(rank));
    else if (approval.rank !== rank)
      ctx.at(dep, ["teams", "rank"], msg.otherThanApproved(rank, approval.rank, approval.at));
  }
}
