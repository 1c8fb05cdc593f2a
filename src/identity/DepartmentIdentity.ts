import * as authorization from "@pulumi/azure-native/authorization";
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import type { Department } from "../config/schema/department";
import { departmentAdminGroupName, departmentGroupName, deterministicGuid } from "../naming";
import { membershipRule } from "./membershipRule";
import { CONTRIBUTOR_ROLE_ID, roleDefinitionId } from "./roles";
import { lookupUpns, objectIdsFor } from "./users";
import { COMPONENT_TYPES } from "../resourceTypes";

export interface DepartmentIdentityArgs {
  shortName: string;
  department: Department;
  /** The department's resource group (landing-zone layer), where its admins get Contributor. */
  resourceGroupId: pulumi.Input<string>;
  /** Subscription holding that resource group. */
  subscriptionId: pulumi.Input<string>;
}

/**
 * A department in Entra ID: its dynamic security group, an admin group with the named admins as members,
 * and Contributor for the admin group on the department's resource group. Owners of both groups are the
 * deploying principal and the department's owners.
 */
export class DepartmentIdentity extends pulumi.ComponentResource {
  static readonly TYPE = COMPONENT_TYPES.departmentIdentity;
  declare readonly group: azuread.Group;
  declare readonly adminGroup: azuread.Group;
  declare readonly roleAssignment: authorization.RoleAssignment;

  constructor(name: string, args: DepartmentIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DepartmentIdentity.TYPE, name, {}, opts);
    const { department, shortName } = args;
    // One lookup for owners and admins; it fails the deployment if any UPN does not exist.
    const users = azuread
      .getUsersOutput(
        { userPrincipalNames: lookupUpns(department.owners, department.admins), ignoreMissing: false },
        { parent: this },
      )
      .apply((r) => r.users);
    // The deploying principal owns both groups too: with Group.Create (not Group.ReadWrite.All) it may only
    // update groups it owns (docs/permissions.md, identity layer).
    const deployer = azuread.getClientConfigOutput({ parent: this }).objectId;
    const owners = pulumi
      .all([users, deployer])
      .apply(([u, self]) => [...new Set([self, ...objectIdsFor(u, department.owners)])]);
    const admins = users.apply((u) => objectIdsFor(u, department.admins));

    const groupName = departmentGroupName(shortName, department.id);
    this.group = new azuread.Group(
      groupName,
      {
        displayName: groupName,
        description: `${department.displayName}: everyone in the department (dynamic membership).`,
        securityEnabled: true,
        mailEnabled: false,
        types: ["DynamicMembership"],
        dynamicMembership: { enabled: true, rule: membershipRule(department.membership) },
        owners,
        preventDuplicateNames: true,
      },
      { parent: this },
    );
    const adminName = departmentAdminGroupName(shortName, department.id);
    this.adminGroup = new azuread.Group(
      adminName,
      {
        displayName: adminName,
        description: `${department.displayName}: administrators, Contributor on the department's resource group.`,
        securityEnabled: true,
        mailEnabled: false,
        members: admins,
        owners,
        preventDuplicateNames: true,
      },
      { parent: this },
    );
    // A GUID name fixed by department and role, so re-runs never replace the assignment.
    const assignmentName = deterministicGuid(`role:${shortName}:${department.id}:contributor`);
    this.roleAssignment = new authorization.RoleAssignment(
      `ra-${shortName}-${department.id}-contributor`,
      {
        roleAssignmentName: assignmentName,
        scope: args.resourceGroupId,
        roleDefinitionId: pulumi
          .output(args.subscriptionId)
          .apply((sub) => roleDefinitionId(sub, CONTRIBUTOR_ROLE_ID)),
        principalId: this.adminGroup.objectId,
        principalType: "Group",
        description: `Admins of ${department.displayName} manage their resource group.`,
      },
      { parent: this },
    );
    this.registerOutputs({ groupId: this.group.objectId, adminGroupId: this.adminGroup.objectId });
  }
}
