/**
 * The dynamic provider of `GroupPolicyAssignments`: the Teams policies granted to one department group, per
 * policy type, with their rank. Diff per entry; create/update grant and remove only the delta (a re-run with
 * nothing changed makes no write); read shows a grant changed or removed outside the toolkit; delete removes
 * only the types this resource granted. See delta.ts for why ranks are compared with the definition.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { TeamsAdmin, TeamsPolicyType } from "../admin/port";
import type { GroupPolicyAssignmentsInputs } from "../../resourceTypes";
import {
  configureFrom,
  teamsAdminFor,
  type TeamsProviderOptions,
  type TeamsStackSettings,
} from "../provider/context";
import { isNotFound } from "../provider/errors";
import { planAssignments, sameAssignments, sortAssignments, type AssignmentEntry } from "./delta";
import { checkAssignments } from "./inputs";

/** Teams' limit of groups per policy type (§3.5). */
export const MAX_GROUPS_PER_POLICY_TYPE = 64;

export type GroupPolicyAssignmentsProvider = pulumi.dynamic.ResourceProvider<
  GroupPolicyAssignmentsInputs,
  GroupPolicyAssignmentsInputs
>;

async function assertRoomFor(admin: TeamsAdmin, groupId: string, type: TeamsPolicyType): Promise<void> {
  const all = await admin.powershell.listGroupPolicyAssignments({ policyType: type });
  const others = all.filter((g) => g.groupId.toLowerCase() !== groupId.toLowerCase());
  if (others.length >= MAX_GROUPS_PER_POLICY_TYPE) {
    throw new Error(
      `Cannot assign a ${type} to group ${groupId}: ${others.length} groups already have one, and Teams allows at ` +
        `most ${MAX_GROUPS_PER_POLICY_TYPE} per policy type. Merge departments' policies or grant per user instead.`,
    );
  }
}

export function createGroupPolicyAssignmentsProvider(
  options: TeamsProviderOptions = {},
): GroupPolicyAssignmentsProvider {
  const stack: TeamsStackSettings = {};
  const admin = () => teamsAdminFor(options, stack);

  async function apply(
    news: GroupPolicyAssignmentsInputs,
    previous: readonly AssignmentEntry[],
  ): Promise<GroupPolicyAssignmentsInputs> {
    const a = admin();
    const live = await a.powershell.listGroupPolicyAssignments({ groupId: news.groupId });
    const plan = planAssignments(news.assignments, live, previous);
    // Removals first: a dropped type frees its place before anything is inserted at a rank.
    for (const type of plan.remove) await a.powershell.removeGroupPolicy(news.groupId, type);
    for (const g of plan.grant) {
      const type = g.policyType as TeamsPolicyType;
      if (!live.some((l) => l.policyType === type)) await assertRoomFor(a, news.groupId, type);
      await a.powershell.grantGroupPolicy({
        groupId: news.groupId,
        policyType: type,
        policyName: g.policyName,
        rank: g.rank,
      });
    }
    return { ...news, assignments: sortAssignments(news.assignments) };
  }

  return {
    configure: configureFrom(stack),

    async check(_olds, news) {
      return {
        inputs: { ...news, assignments: sortAssignments(news.assignments ?? []) },
        failures: checkAssignments(news),
      };
    },

    async diff(_id, olds, news) {
      // Another group is another resource: grant there, then remove here (replace, create first).
      if (olds.groupId !== news.groupId)
        return { changes: true, replaces: ["groupId"], deleteBeforeReplace: false };
      return {
        changes:
          !sameAssignments(olds.assignments ?? [], news.assignments) || olds.department !== news.department,
        replaces: [],
        deleteBeforeReplace: false,
      };
    },

    async create(inputs) {
      return { id: inputs.groupId, outs: await apply(inputs, []) };
    },

    async read(id, props) {
      if (!props)
        throw new Error(`GroupPolicyAssignments ${id}: read needs the resource's state (no import)`);
      const live = await admin().powershell.listGroupPolicyAssignments({ groupId: props.groupId ?? id });
      // A grant removed or pointed at another policy outside the toolkit shows; the positional rank does not.
      const assignments = props.assignments.flatMap((p) => {
        const now = live.find((l) => l.policyType === p.policyType);
        return now ? [{ ...p, policyName: now.policyName }] : [];
      });
      return { id, props: { ...props, assignments } };
    },

    async update(_id, olds, news) {
      return { outs: await apply(news, olds.assignments ?? []) };
    },

    async delete(id, props) {
      const a = admin();
      const groupId = props.groupId ?? id;
      const live = await a.powershell.listGroupPolicyAssignments({ groupId });
      for (const p of props.assignments ?? []) {
        const now = live.find((l) => l.policyType === p.policyType);
        // Gone already, or re-pointed by someone else since: not ours to remove.
        if (!now || now.policyName.toLowerCase() !== p.policyName.toLowerCase()) continue;
        try {
          await a.powershell.removeGroupPolicy(groupId, p.policyType as TeamsPolicyType);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
    },
  };
}
