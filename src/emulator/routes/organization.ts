import type { RouteDef } from "../http/types";
import { parseSelect, project } from "../odata/select";
import { fail, isError, json } from "./common";

/**
 * `GET /v1.0/organization`: the tenant's one organization object (id, name, verified domains), as
 * `tenant export` reads it. The emulator keeps no country of its own: `countryLetterCode` is the tenant's
 * default usage location, which the seed takes from the definition's `defaultUsageLocation`. The page
 * (api-reference/v1.0/api/organization-list.md) documents `$select`, so it is honoured, not ignored.
 */
const PROPS = ["id", "displayName", "countryLetterCode", "verifiedDomains"] as const;

export const organizationRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/v1.0/organization",
    handler: (core, req) => {
      const select = parseSelect(req.query, PROPS, "microsoft.graph.organization");
      if (isError(select)) return fail(core, req, select);
      const t = core.state.tenant;
      const organization = {
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
      };
      return json({
        "@odata.context": `${req.origin}/v1.0/$metadata#organization`,
        value: [project(organization, select ?? PROPS)],
      });
    },
  },
];
