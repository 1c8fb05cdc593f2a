import { departmentSchema } from "../../../src/config/schema/department";
import { ISO_3166_ALPHA2 } from "../../../src/config/schema/iso3166";
import { organizationSchema } from "../../../src/config/schema/organization";
import { departmentAdminGroupName, NAME_LIMITS } from "../../../src/naming";
import { departmentTags, tagProblems } from "../../../src/tags";
import { problemsAfter, type RuleCase } from "../helpers/validate";

/**
 * Values Azure, Entra ID or Teams would refuse, refused by `validate` instead (schema level). Each case cites the
 * limit it tests in src/config/schema/*.ts; here we assert what a user sees.
 */
const T = "tenant.yaml";

describe("service limits (schema)", () => {
  const cases: RuleCase[] = [
    {
      name: "a country code ISO does not assign (the UK's is GB)",
      edits: [[T, "  country: ES", "  country: UK"]],
      errors: [
        'tenant.yaml:7:12: organization.country: "UK" is not an officially assigned ISO 3166-1 alpha-2 country code (that country\'s code is GB); Teams and Microsoft 365 refuse it — correct the value',
      ],
    },
    {
      name: "a user-assigned code as usage location and as an emergency address's country",
      edits: [
        [T, "defaultUsageLocation: ES", "defaultUsageLocation: XK"],
        [T, "countryOrRegion: ES", "countryOrRegion: EU"],
      ],
      errors: [
        'tenant.yaml:8:25: organization.defaultUsageLocation: "XK" is not an officially assigned ISO 3166-1 alpha-2 country code; Teams and Microsoft 365 refuse it — correct the value',
        'tenant.yaml:83:22: emergencyAddresses[0].countryOrRegion: "EU" is not an officially assigned ISO 3166-1 alpha-2 country code; Teams and Microsoft 365 refuse it — correct the value',
      ],
    },
    {
      name: "verified domains: a 64-character label, and a 49-character name (a UPN allows 48 after '@', so 48 passes)",
      edits: [
        [
          T,
          "verifiedDomains: [villa.example]",
          `verifiedDomains: [villa.example, ${"a".repeat(64)}.example, ${"b".repeat(41)}.example, ${"c".repeat(40)}.example]`,
        ],
      ],
      errors: [
        `tenant.yaml:6:36: organization.verifiedDomains[1]: "${"a".repeat(56)}... is longer than 48 characters, the most Entra ID allows after '@' in a user principal name — correct the value`,
        `tenant.yaml:6:36: organization.verifiedDomains[1]: "${"a".repeat(56)}... is not a DNS name: each part between dots is at most 63 characters — correct the value`,
        `tenant.yaml:6:110: organization.verifiedDomains[2]: "${"b".repeat(41)}.example" is longer than 48 characters, the most Entra ID allows after '@' in a user principal name — correct the value`,
      ],
    },
    {
      name: "a management group id ending in a period",
      edits: [[T, "    - id: vp-corp\n", "    - id: vp-corp.\n"]],
      errors: [
        "tenant.yaml:22:11: landingZone.managementGroups[3].id: \"vp-corp.\" must be a management group id: up to 90 letters, digits, '-', '_', '.', '(' and ')', not ending in '.' — correct the value",
      ],
    },
    {
      name: "subnet names: a digit may start one, '-' may not end one",
      edits: [
        [
          T,
          "      - name: GatewaySubnet\n",
          "      - name: 1-web_\n        addressPrefix: 10.20.1.0/26\n      - name: GatewaySubnet-\n",
        ],
      ],
      errors: [
        "tenant.yaml:34:15: landingZone.hub.subnets[1].name: \"GatewaySubnet-\" must be a subnet name such as GatewaySubnet: 1 to 80 letters, digits, '_', '.' and '-', starting with a letter or digit and ending with a letter, digit or '_' — correct the value",
      ],
    },
    {
      name: "a dial plan simple name of 49 allowed characters, a 1040-character description and a 1-digit dial mask are valid",
      edits: [
        [
          T,
          "    - name: ES-Villa\n",
          `    - name: ES-Villa\n      simpleName: "(${"S".repeat(46)}.)"\n      description: ${"d".repeat(1040)}\n`,
        ],
        [T, "pstnUsages: [Local]\n  voiceRoutes", "pstnUsages: [Local, Emergency]\n  voiceRoutes"],
        [
          T,
          "      pstnUsages: [Local]\n      priority: 1",
          "      pstnUsages: [Local, Emergency]\n      priority: 1",
        ],
        [
          T,
          "emergencyAddresses:\n",
          '  emergencyCallRoutingPolicies:\n    - name: Emergencias\n      emergencyNumbers:\n        - emergencyDialString: "112"\n          emergencyDialMask: ["1", "0123456789"]\n          onlinePstnUsage: Emergency\nemergencyAddresses:\n',
        ],
      ],
      errors: [],
    },
    {
      name: "a dial plan simple name too long or with a space, a longer description, an 11-digit dial mask",
      edits: [
        [
          T,
          "    - name: ES-Villa\n",
          `    - name: ES-Villa\n      simpleName: ${"S".repeat(50)}\n      description: ${"d".repeat(1041)}\n    - name: ES-Otra\n      simpleName: Villa Pequeña\n`,
        ],
        [T, "pstnUsages: [Local]\n  voiceRoutes", "pstnUsages: [Local, Emergency]\n  voiceRoutes"],
        [
          T,
          "      pstnUsages: [Local]\n      priority: 1",
          "      pstnUsages: [Local, Emergency]\n      priority: 1",
        ],
        [
          T,
          "emergencyAddresses:\n",
          '  emergencyCallRoutingPolicies:\n    - name: Emergencias\n      emergencyNumbers:\n        - emergencyDialString: "112"\n          emergencyDialMask: ["01234567890"]\n          onlinePstnUsage: Emergency\nemergencyAddresses:\n',
        ],
      ],
      errors: [
        "tenant.yaml:71:19: teamsVoice.dialPlans[0].simpleName: \"SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS\" must be 1 to 49 characters of letters, digits, '-', '.', '(' and ')' (a Teams limit) — correct the value",
        "tenant.yaml:72:20: teamsVoice.dialPlans[0].description: is longer than 1040 characters — shorten it",
        "tenant.yaml:74:19: teamsVoice.dialPlans[1].simpleName: \"Villa Pequeña\" must be 1 to 49 characters of letters, digits, '-', '.', '(' and ')' (a Teams limit) — correct the value",
        'tenant.yaml:84:31: teamsVoice.emergencyCallRoutingPolicies[0].emergencyNumbers[0].emergencyDialMask[0]: "01234567890" must be 1 to 10 digits, such as 911 — correct the value',
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));

  it("lets no department id or cost centre make a tag or group name Azure or Entra ID would refuse", () => {
    // The longest values the schemas accept; names and tags are built from them, never from free text.
    const id = "d".repeat(24);
    const costCenter = "C".repeat(20);
    const shortName = "s".repeat(8);
    expect(departmentSchema.shape.id.safeParse(id).success).toBe(true);
    expect(departmentSchema.shape.id.safeParse(`${id}d`).success).toBe(false);
    expect(departmentSchema.shape.costCenter.safeParse(costCenter).success).toBe(true);
    expect(departmentSchema.shape.costCenter.safeParse(`${costCenter}C`).success).toBe(false);
    expect(organizationSchema.shape.shortName.safeParse(shortName).success).toBe(true);
    expect(tagProblems(departmentTags("e".repeat(40), { id, costCenter }))).toEqual([]);
    const group = departmentAdminGroupName(shortName, id);
    expect(group.length).toBeLessThanOrEqual(NAME_LIMITS.entraGroupDisplayName);
    expect(group).toBe(`grp-${shortName}-${id}-admins`);
  });

  it("knows the 249 officially assigned ISO 3166-1 alpha-2 codes, each a region the runtime can name", () => {
    const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    expect(ISO_3166_ALPHA2.size).toBe(249);
    for (const code of ISO_3166_ALPHA2) expect([code, names.of(code)]).toEqual([code, expect.any(String)]);
  });
});
