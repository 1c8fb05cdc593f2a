import { parseCidr } from "./cidr";
import type { Rule, RuleContext } from "./context";
import { place } from "./wording";

/**
 * Entra takes IPv4 ranges of /8 or longer in an IP named location (azuread 6.9.1 `NamedLocationIp.ipRanges`:
 * "Each CIDR prefix must be /8 or larger").
 */
export const SHORTEST_PREFIX = 8;

const msg = {
  kind: (id: string) =>
    `named location '${id}' needs exactly one of ipRanges (the city's networks) or countries — split it into two locations`,
  shortPrefix: (cidr: string) =>
    `'${cidr}' is wider than /${SHORTEST_PREFIX}, which Entra refuses in a named location — list narrower blocks`,
  trustedCountries: (id: string) =>
    `named location '${id}' lists countries, and only IP locations can be trusted — remove trusted or use ipRanges`,
  duplicateId: (id: string, where: string) =>
    `named location id '${id}' is already used at ${where} — give each location its own id`,
  duplicateRange: (cidr: string, where: string) =>
    `'${cidr}' is already listed at ${where} — list each range once`,
};

export const namedLocationsRule: Rule = {
  info: {
    id: "named-locations",
    summary:
      "Every named location is either IP ranges (valid IPv4 network addresses, /8 or longer, each once) or countries, and ids are unique.",
    errors: [
      {
        when: "a location has both or neither of ipRanges and countries",
        example: msg.kind("red-municipal"),
      },
      { when: "a range is not a valid IPv4 network address", example: parseProblem("84.20.10.1/24") },
      { when: "a range is wider than /8", example: msg.shortPrefix("10.0.0.0/7") },
      { when: "a country location is marked trusted", example: msg.trustedCountries("espana") },
      { when: "two locations share an id", example: msg.duplicateId("espana", "tenant.yaml:80") },
      { when: "a range is listed twice", example: msg.duplicateRange("84.20.10.0/24", "tenant.yaml:82") },
    ],
  },
  check: checkNamedLocations,
};

function parseProblem(text: string): string {
  const parsed = parseCidr(text);
  return parsed.ok ? "" : parsed.problem;
}

function checkNamedLocations(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  const locations = tenant?.value.identity?.namedLocations;
  if (!tenant || !locations) return;
  const ids = new Map<string, number>();
  const ranges = new Map<string, (string | number)[]>();
  locations.forEach((location, i) => {
    const path = ["identity", "namedLocations", i];
    const same = ids.get(location.id);
    if (same !== undefined) {
      const where = place(tenant, ["identity", "namedLocations", same, "id"]);
      ctx.at(tenant, [...path, "id"], msg.duplicateId(location.id, where));
    } else ids.set(location.id, i);
    if ((location.ipRanges === undefined) === (location.countries === undefined)) {
      ctx.at(tenant, path, msg.kind(location.id));
    }
    if (location.countries && location.trusted) {
      ctx.at(tenant, [...path, "trusted"], msg.trustedCountries(location.id));
    }
    (location.ipRanges ?? []).forEach((text, j) => {
      const rangePath = [...path, "ipRanges", j];
      const parsed = parseCidr(text);
      if (!parsed.ok) return ctx.at(tenant, rangePath, parsed.problem);
      if (Number(text.split("/")[1]) < SHORTEST_PREFIX)
        return ctx.at(tenant, rangePath, msg.shortPrefix(text));
      const earlier = ranges.get(text);
      if (earlier) ctx.at(tenant, rangePath, msg.duplicateRange(text, place(tenant, earlier)));
      else ranges.set(text, rangePath);
    });
  });
}
