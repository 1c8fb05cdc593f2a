import type { RouteDef } from "../http/types";
import { json } from "./common";

/**
 * `GET /v1.0/organization`: the tenant's one organization object (id, name, verified domains), as
 * `tenant export` reads it. The emulator keeps no country of its own: `countryLetterCode` is the tenant's
 * default usage location, which the seed takes from the definition's `defaultUsageLocation`.
 */
export const organizationRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/v1.0/organization",
    handler: (core, req) => {
      const t = core.state.tenant;
      return json({
        "@odata.context": `${req.origin}/v1.0/$metadata#organization`,
        value: [
          {
            id: t.tenantId,
            displayName: t.displayName,
            countryLetterCode: t.defaultUsageLocation,
            verifiedDomains: t.verifiedDomains.map((name, i) => ({
              name,
              type: "Managed",
              isDefault: i === 0,
              isInitial: false,
              capabilities: "Email, OfficeCommunicationsOnline",
            })),
          },
        ],
      });
    },
  },
];
