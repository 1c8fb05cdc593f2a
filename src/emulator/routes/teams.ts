import type { RouteDef } from "../http/types";
import { teamsNumberRoutes } from "./teamsNumbers";
import { teamsPolicyRoutes } from "./teamsPolicy";
import { teamsPowerShellRoutes } from "./teamsPowerShell";
import { teamsUserConfigurationRoutes } from "./teamsUserConfigurations";

/** Every Teams route: Graph `/admin/teams/*` and the emulator's `/_emulator/teams/*` (docs/emulator.md, Teams). */
export const teamsRoutes: RouteDef[] = [
  ...teamsNumberRoutes,
  ...teamsPolicyRoutes,
  ...teamsUserConfigurationRoutes,
  ...teamsPowerShellRoutes,
];
