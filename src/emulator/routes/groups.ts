import { badRequest, notFound } from "../http/errors";
import type { EmulatorCore, EmulatorRequest, RouteDef } from "../http/types";
import type { FilterSchema } from "../odata/filter";
import { isGuid } from "../ids";
import { membersWithLicenseErrors } from "../state/licensing";
import type { GroupRecord, UserRecord } from "../state/types";
import { DIRECTORY_PAGING, viewMany, viewOne, type EntityView } from "./common";
import { GROUP_DEFAULT, GROUP_SELECTABLE, groupShape } from "./shapes";
import { USER_VIEW } from "./users";

export const GROUP_VIEW: EntityView<GroupRecord> = {
  typeName: "microsoft.graph.group",
  defaults: GROUP_DEFAULT,
  selectable: GROUP_SELECTABLE,
  shape: groupShape,
  hidden: ["hasMembersWithLicenseErrors"],
};

function groupFilter(core: EmulatorCore): FilterSchema<GroupRecord> {
  return {
    resource: "Group",
    properties: {
      id: (g) => g.id,
      displayName: (g) => g.displayName,
      mailNickname: (g) => g.mailNickname,
      securityEnabled: (g) => g.securityEnabled,
      mailEnabled: (g) => g.mailEnabled,
      groupTypes: (g) => g.groupTypes,
      hasMembersWithLicenseErrors: (g) => membersWithLicenseErrors(core.state, g).length > 0,
      assignedLicenses: (g) => g.assignedLicenses as unknown as Record<string, unknown>[],
    },
  };
}

/** Graph answers a malformed group id with 400, an unknown one with 404. */
export function groupOr(
  core: EmulatorCore,
  req: EmulatorRequest,
  id: string,
): GroupRecord | ReturnType<typeof notFound> {
  if (!isGuid(id)) return badRequest(core, req, `Invalid object identifier '${id}'.`);
  return core.state.findGroup(id) ?? notFound(core, req, id);
}

const isGroup = (g: unknown): g is GroupRecord => typeof g === "object" && g !== null && "groupTypes" in g;

function memberRoute(template: string, pick: (core: EmulatorCore, g: GroupRecord) => UserRecord[]): RouteDef {
  return {
    method: "GET",
    template,
    handler: (core, req, { id }) => {
      const group = groupOr(core, req, id);
      if (!isGroup(group)) return group;
      return viewMany(core, req, USER_VIEW, pick(core, group), "directoryObjects", {
        paging: DIRECTORY_PAGING,
        odataType: "#microsoft.graph.user",
      });
    },
  };
}

export const groupRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/v1.0/groups",
    handler: (core, req) =>
      viewMany(core, req, GROUP_VIEW, core.state.groups, "groups", {
        filter: groupFilter(core),
        paging: DIRECTORY_PAGING,
      }),
  },
  {
    method: "GET",
    template: "/v1.0/groups/{id}",
    handler: (core, req, { id }) => {
      const group = groupOr(core, req, id);
      return isGroup(group) ? viewOne(core, req, GROUP_VIEW, group, "groups") : group;
    },
  },
  memberRoute("/v1.0/groups/{id}/members", (core, g) => core.state.members(g)),
  // Owners are users only here (Graph may also list service principals); unknown ids are skipped as Graph does.
  memberRoute("/v1.0/groups/{id}/owners", (core, g) =>
    (g.ownerIds ?? []).flatMap((id) => core.state.findUser(id) ?? []),
  ),
  memberRoute("/v1.0/groups/{id}/membersWithLicenseErrors", (core, g) =>
    membersWithLicenseErrors(core.state, g),
  ),
];

export { isGroup };
