import type { GraphClient } from "../../graph";
import type { AssignmentCategory, TeamsGraphAdmin } from "../admin/port";

/** `GET /admin/teams/userConfigurations/{id}` (graph-teams-licensing.md §2.7), reduced to what the port shows. */

interface UserConfigurationJson {
  id: string;
  telephoneNumbers?: { telephoneNumber: string; assignmentCategory?: AssignmentCategory | null }[] | null;
  effectivePolicyAssignments?:
    | {
        policyType: string;
        policyAssignment?: { displayName?: string | null; assignmentType?: string | null } | null;
      }[]
    | null;
}

export type UserConfiguration = Awaited<ReturnType<TeamsGraphAdmin["getUserConfiguration"]>>;

export async function readUserConfiguration(client: GraphClient, userId: string): Promise<UserConfiguration> {
  const body = await client.get<UserConfigurationJson>(
    `/admin/teams/userConfigurations/${encodeURIComponent(userId)}`,
  );
  return {
    id: body.id,
    telephoneNumbers: (body.telephoneNumbers ?? []).map((t) => ({
      telephoneNumber: t.telephoneNumber,
      assignmentCategory: t.assignmentCategory ?? "primary",
    })),
    effectivePolicyAssignments: (body.effectivePolicyAssignments ?? []).map((e) => ({
      policyType: e.policyType,
      // Names may come in the PowerShell identity form (`Tag:Name`); the port speaks bare names.
      policyName: (e.policyAssignment?.displayName ?? "").replace(/^Tag:/i, ""),
      assignmentType: e.policyAssignment?.assignmentType ?? "unknownFutureValue",
    })),
  };
}
