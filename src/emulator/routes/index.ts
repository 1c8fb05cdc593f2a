import { RouteTable } from "../http/router";
import { adminRoutes } from "./admin";
import { authRoutes } from "./auth";
import { batchRoutes } from "./batch";
import { groupRoutes } from "./groups";
import { licensingRoutes } from "./licensing";
import { teamsRoutes } from "./teams";
import { userRoutes } from "./users";

/** Every area's routes. A new Graph area (Teams numbers, policies) adds its module here. */
export function createRouteTable(): RouteTable {
  return new RouteTable()
    .add(userRoutes)
    .add(groupRoutes)
    .add(licensingRoutes)
    .add(teamsRoutes)
    .add(batchRoutes)
    .add(adminRoutes)
    .add(authRoutes);
}
