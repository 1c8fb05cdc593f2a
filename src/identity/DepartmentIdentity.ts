import * as authorization from "@pulumi/azure-native/authorization";
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import type { Department } from "../config/schema/department";
import { departmentAdminGroupName, departmentGroupName, slugify } from "../naming";
import type { BaselinePolicyKey, DelegatedAdministration } from "../config/schema/identity";
import { departmentExceptionGroups } from "./conditionalAccess/exceptions";
import {
  adminGroupDescription,
  departmentGroupDescription,
  exceptionGroupDescription,
} from "./groupDescriptions";
import { AdministrativeUnit } from "./delegation/administrativeUnit/AdministrativeUnit";
import { desiredAdministrativeUnit } from "./delegation/administrativeUnit/desired";
import { AU_SCOPED_ROLES } from "./delegation/scopedRoles";
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
  /** tenant.yaml `identity.delegatedAdministration`: an administrative unit and scoped roles; absent, neither. */
  delegation?: DelegatedAdministration;
  /**
   * tenant.yaml `identity.adminGroupMembership` (default `eligible` when tenant.yaml has an identity section):
   * `eligible` makes each admin an eligible member (PIM for Groups); absent, the admins are standing members.
   */
  adminGroupMembership?: "permanent" | "eligible";
  /** tenant.yaml `identity.exceptionsAllowed`: the policies the department's exceptions may name. */
  exceptionsAllowed?: readonly BaselinePolicyKey[];
}

/**
 * A department in Entra ID: its dynamic security group, an admin group with the named admins (standing members,
 * or eligible ones with PIM for Groups), and the admin group ELIGIBLE for Contributor on the department's resource
 * group (Privileged Identity Management; no standing access, policy pack rule
 * azure-authorization-no-permanent-admin-group-role). With delegated administration, also the department's
 * administrative unit (dynamic, the group's rule), and the admin group, made role-assignable, ELIGIBLE for the
 * scoped roles on it: whoever is an admin of the department may activate them, nobody else.
 */
export class DepartmentIdentity extends pulumi.ComponentResource {
  static readonly TYPE = COMPONENT_TYPES.departmentIdentity;
  declare readonly group: azuread.Group;
  declare readonly adminGroup: azuread.Group;
  /** Its display name: the phishing-resistant conditional access policy includes the group by it. */
  declare readonly adminGroupName: string;
  declare readonly contributorEligibility: authorization.PimRoleEligibilitySchedule;
  declare readonly administrativeUnit?: AdministrativeUnit;
  /** With eligible membership, one per admin, keyed by lower-case UPN. */
  declare readonly membershipEligibilities: Map<string, azuread.PrivilegedAccessGroupEligibilitySchedule>;
  /** The department's conditional access exception groups, by display name. */
  declare readonly exceptionGroups: Map<string, azuread.Group>;
  /** The admin group's eligibility for each scoped role on the unit, keyed by the role's tenant.yaml key. */
  declare readonly scopedRoleEligibilities: Record<string, azuread.DirectoryRoleEligibilityScheduleRequest>;

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
        description: departmentGroupDescription(department),
        securityEnabled: true,
        mailEnabled: false,
        types: ["DynamicMembership"],
        dynamicMembership: { enabled: true, rule: membershipRule(department.membership) },
        owners,
        preventDuplicateNames: true,
      },
      { parent: this },
    );
    const eligibleMembers = args.adminGroupMembership === "eligible";
    // A group that holds Entra roles must be role-assignable (set at creation only). Its owners could add
    // anyone to it, and with it the roles, so only the deploying principal owns it.
    const holdsRoles = args.delegation !== undefined;
    const adminName = departmentAdminGroupName(shortName, department.id);
    this.adminGroupName = adminName;
    this.adminGroup = new azuread.Group(
      adminName,
      {
        displayName: adminName,
        description: adminGroupDescription(department),
        securityEnabled: true,
        mailEnabled: false,
        ...(holdsRoles ? { assignableToRole: true } : {}),
        // Eligible admins are no standing members: `members` is left out, so membership is not managed here
        // and an activation in PIM is never undone by the next `pulumi up` or `--refresh`.
        ...(eligibleMembers ? {} : { members: admins }),
        owners: holdsRoles ? [deployer] : owners,
        preventDuplicateNames: true,
      },
      { parent: this },
    );
    // PIM for Groups: each admin may activate membership of the admin group, for the time its policy allows.
    this.membershipEligibilities = new Map();
    if (eligibleMembers) {
      department.admins.forEach((upn, i) => {
        this.membershipEligibilities.set(
          upn.toLowerCase(),
          new azuread.PrivilegedAccessGroupEligibilitySchedule(
            `pim-${shortName}-${department.id}-admins-${slugify(upn)}`,
            {
              groupId: this.adminGroup.objectId,
              // `admins` holds the object ids in the order of department.admins.
              principalId: admins.apply((ids) => ids[i]),
              assignmentType: "member",
              permanentAssignment: true,
              justification: `Admin of ${department.displayName}: eligible member of ${adminName}, activated on demand.`,
            },
            { parent: this },
          ),
        );
      });
    }
    // Eligible, not standing (PIM): an admin activates Contributor when needed, for a limited time, with a
    // reason, and the activation is audited. The schedule is defined by scope, principal and role, so re-runs
    // never replace it; it does not expire (the admin group's membership is what the definition changes).
    this.contributorEligibility = new authorization.PimRoleEligibilitySchedule(
      `el-${shortName}-${department.id}-contributor`,
      {
        scope: args.resourceGroupId,
        roleDefinitionId: pulumi
          .output(args.subscriptionId)
          .apply((sub) => roleDefinitionId(sub, CONTRIBUTOR_ROLE_ID)),
        principalId: this.adminGroup.objectId,
        justification: `Admins of ${department.displayName} manage their resource group (eligible, activated on demand).`,
        scheduleInfo: { expiration: { type: "NoExpiration" } },
      },
      { parent: this },
    );
    // Exempt users: the department's rule AND the exception's, so the group never reaches another department.
    this.exceptionGroups = new Map();
    for (const exception of departmentExceptionGroups(shortName, department, args.exceptionsAllowed ?? [])) {
      this.exceptionGroups.set(
        exception.displayName,
        new azuread.Group(
          exception.displayName,
          {
            displayName: exception.displayName,
            description: exceptionGroupDescription(department, exception),
            securityEnabled: true,
            mailEnabled: false,
            types: ["DynamicMembership"],
            dynamicMembership: { enabled: true, rule: exception.rule },
            owners,
            preventDuplicateNames: true,
          },
          { parent: this },
        ),
      );
    }
    const eligibilities: Record<string, azuread.DirectoryRoleEligibilityScheduleRequest> = {};
    if (args.delegation) {
      const unit = new AdministrativeUnit(
        `au-${shortName}-${department.id}`,
        desiredAdministrativeUnit(shortName, department),
        { parent: this },
      );
      this.administrativeUnit = unit;
      // The admin group, not each admin: membership decides who may activate the role, so adding or removing an
      // admin changes one membership, and the administrators' conditional access policy reaches exactly them.
      for (const key of [...new Set(args.delegation.roles)]) {
        const role = AU_SCOPED_ROLES[key];
        eligibilities[key] = new azuread.DirectoryRoleEligibilityScheduleRequest(
          `el-${shortName}-${department.id}-${slugify(key)}`,
          {
            roleDefinitionId: role.templateId,
            principalId: this.adminGroup.objectId,
            // The unit's resource id is its object id (the provider returns it as the id).
            directoryScopeId: pulumi.interpolate`/administrativeUnits/${unit.id}`,
            justification: `Admins of ${department.displayName}: ${role.displayName} over the department's users only (eligible, activated on demand).`,
          },
          { parent: this },
        );
      }
    }
    this.scopedRoleEligibilities = eligibilities;
    this.registerOutputs({ groupId: this.group.objectId, adminGroupId: this.adminGroup.objectId });
  }
}
