/**
 * `pulumi-nodejs:dynamic/tenant-teams:GroupPolicyAssignments`: one department group's Teams policy grants
 * (calling, emergency calling, voice routing, dial plan) with the department's rank.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type GroupPolicyAssignmentsInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export type GroupPolicyAssignmentsArgs = {
  [K in keyof GroupPolicyAssignmentsInputs]: pulumi.Input<GroupPolicyAssignmentsInputs[K]>;
};

export class GroupPolicyAssignments extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.groupPolicyAssignments;
  // `declare`, not fields (pulumi-offline.md §1.5).
  declare readonly department: pulumi.Output<string>;
  declare readonly groupId: pulumi.Output<string>;
  declare readonly assignments: pulumi.Output<GroupPolicyAssignmentsInputs["assignments"]>;

  constructor(name: string, args: GroupPolicyAssignmentsArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "GroupPolicyAssignments" },
      opts,
      DYNAMIC_MODULES.teams,
      "GroupPolicyAssignments",
    );
  }
}
