import { RouteTable } from "../http/router";
import { adminRoutes } from "./admin";
import { auditRoutes } from "./audit";
import { authRoutes } from "./auth";
import { batchRoutes } from "./batch";
import { administrativeUnitRoutes } from "./administrativeUnits";
import { conditionalAccessRoutes } from "./conditionalAccess";
import { groupRoutes } from "./groups";
import { licensingRoutes } from "./licensing";
import { organizationRoutes } from "./organization";
import { teamsRoutes } from "./teams";
import { userRoutes } from "./users";

/** Every area's routes. A new Graph area (Teams numbers, policies) adds its module here. */
export function createRouteTable(): RouteTable {
  return new RouteTable()
    .add(userRoutes)
    .add(groupRoutes)
    .add(licensingRoutes)
    .add(organizationRoutes)
    .add(conditionalAccessRoutes)
    .add(administrativeUnitRoutes)
    .add(teamsRoutes)
    .add(batchRoutes)
    .add(adminRoutes)
    .add(auditRoutes)
    .add(authRoutes);
}
