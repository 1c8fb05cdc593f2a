import { namedLocationsRule } from "../../../src/config/rules/namedLocations";
import { problemsAfter, ruleProblemsAfter, type RuleCase } from "../helpers/validate";
import { IDENTITY, withIdentity } from "./helpers/identity";

/** Two named locations (lines 100 to 107), with `ranges` as the first one's ipRanges. */
const locations = (ranges: string, extra = "") =>
  withIdentity(
    IDENTITY(
      "  namedLocations:\n" +
        "    - id: red-municipal\n" +
        "      displayName: Red municipal\n" +
        `      ipRanges: ${ranges}\n` +
        "      trusted: true\n" +
        "    - id: espana\n" +
        "      displayName: España\n" +
        "      countries: [ES, PT]\n" +
        extra,
    ),
  );

describe("named-locations", () => {
  const cases: RuleCase[] = [
    { name: "an IP and a country location", edits: [locations("[84.20.10.0/24, 10.0.0.0/8]")], errors: [] },
    {
      name: "host bits set, a bad octet, a prefix wider than /8, a range twice",
      edits: [locations("[84.20.10.1/24, 84.260.0.0/16, 10.0.0.0/7, 84.20.0.0/16, 84.20.0.0/16]")],
      errors: [
        "tenant.yaml:103:18: identity.namedLocations[0].ipRanges[0]: '84.20.10.1/24' has host bits set — write the network address 84.20.10.0/24",
        "tenant.yaml:103:33: identity.namedLocations[0].ipRanges[1]: '84.260.0.0/16' is not a valid IPv4 address block — write four numbers 0 to 255 without leading zeros, such as 10.20.0.0/16",
        "tenant.yaml:103:48: identity.namedLocations[0].ipRanges[2]: '10.0.0.0/7' is wider than /8, which Entra refuses in a named location — list narrower blocks",
        "tenant.yaml:103:74: identity.namedLocations[0].ipRanges[4]: '84.20.0.0/16' is already listed at tenant.yaml:103 — list each range once",
      ],
    },
    {
      name: "both kinds in one location, a trusted country location, a repeated id",
      edits: [
        locations(
          "[84.20.10.0/24]",
          "      trusted: true\n    - id: espana\n      displayName: Otra\n      ipRanges: [84.21.0.0/16]\n      countries: [FR]\n",
        ),
      ],
      errors: [
        "tenant.yaml:108:16: identity.namedLocations[1].trusted: named location 'espana' lists countries, and only IP locations can be trusted — remove trusted or use ipRanges",
        "tenant.yaml:109:7: identity.namedLocations[2]: named location 'espana' needs exactly one of ipRanges (the city's networks) or countries — split it into two locations",
        "tenant.yaml:109:11: identity.namedLocations[2].id: named location id 'espana' is already used at tenant.yaml:105 — give each location its own id",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(namedLocationsRule, change)).toEqual(errors),
  );

  it("a country that is not an ISO 3166-1 code fails the schema with the existing country check", () => {
    const problems = problemsAfter({
      edits: [locations("[84.20.10.0/24]"), ["tenant.yaml", "[ES, PT]", "[ES, UK]"]],
    });
    expect(problems).toEqual([
      'tenant.yaml:107:23: identity.namedLocations[1].countries[1]: "UK" is not an officially assigned ISO 3166-1 alpha-2 country code (that country\'s code is GB); Teams and Microsoft 365 refuse it — correct the value',
    ]);
  });
});
