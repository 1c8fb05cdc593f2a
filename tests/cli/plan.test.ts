import * as pulumi from "@pulumi/pulumi";
import { runValidate } from "../../src/cli/commands/validate";
import type { PlanJson } from "../../src/plan/format/json";
import { DefinitionFixture, MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { runTenant } from "../helpers/tenantCli";

const tenant = (...argv: string[]) => runTenant(argv);

describe("tenant plan --format json", () => {
  let plan: PlanJson;
  beforeAll(async () => {
    const { code, out } = await tenant("plan", "--dir", MINIMAL_FIXTURE, "--format", "json");
    expect(code).toBe(0);
    plan = JSON.parse(out) as PlanJson;
  });

  const names = (type: string) => plan.resources.filter((r) => r.type === type).map((r) => r.name);

  it.each(["culture", "mobility"])("lists everything department %s gets", (id) => {
    expect(names("azure-native:resources:ResourceGroup")).toContain(`rg-vp-${id}`);
    expect(names("azure-native:network:VirtualNetwork")).toContain(`vnet-vp-${id}-spaincentral`);
    expect(names("azure-native:network:VirtualNetworkPeering")).toEqual(
      expect.arrayContaining([`peer-vp-${id}-to-hub`, `peer-vp-hub-to-${id}`]),
    );
    expect(names("azure-native:consumption:Budget")).toContain(`budget-vp-${id}`);
    expect(names("azure-native:authorization:PimRoleEligibilitySchedule")).toContain(
      `el-vp-${id}-contributor`,
    );
    expect(names("azuread:index/group:Group")).toEqual(
      expect.arrayContaining([`grp-vp-${id}`, `grp-vp-${id}-admins`]),
    );
  });

  it("prints the whole graph in the documented shape", () => {
    for (const r of plan.resources) {
      expect(Object.keys(r)).toEqual([
        "urn",
        "type",
        "name",
        "parent",
        "provider",
        "protect",
        "retainOnDelete",
        "inputs",
      ]);
      expect(r.urn).toMatch(new RegExp(`::${r.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    }
    expect(plan.resources.filter((r) => r.parent === null).map((r) => r.type)).toEqual([
      "pulumi:pulumi:Stack",
    ]);
    expect(plan.resources.find((r) => r.name === "budget-vp-culture")?.inputs).toMatchObject({ amount: 500 });
  });
});

describe("tenant plan (text)", () => {
  it("prints counts per resource type, then per department", async () => {
    const { code, out } = await tenant("plan", "--dir", MINIMAL_FIXTURE);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Plan for Villa Pequeña — stack minimal, layers landingZone, identity, m365, teamsVoice$/m,
    );
    expect(out).toMatch(/^ {2}azure-native:network:VirtualNetworkPeering +4$/m);
    expect(out).toMatch(/^ {2}azuread:index\/group:Group +4$/m);
    expect(out.indexOf("resource type")).toBeLessThan(out.indexOf("department"));
    // Per subscription, the management group that governs it.
    expect(out).toMatch(/^ {2}7a000000-0000-4000-8000-00000000c0c0 +vp-corp +\d+ {2}culture, mobility$/m);
    // The management subscription: the workspace and its neighbours, now with the monitoring agent's identity and
    // the three data collection rules the ALZ monitoring assignments deploy with.
    expect(out).toMatch(/^ {2}7a000000-0000-4000-8000-000000000001 +vp-platform +8 {2}platform$/m);
    expect(out.indexOf("management group")).toBeLessThan(out.indexOf("department "));
    expect(out).toMatch(
      /^ {2}culture +11 {2}Budget, Group ×2, GroupLicenses, GroupPolicyAssignments, NumberAssignments, PimRoleEligibilitySchedule, ResourceGroup, VirtualNetwork, VirtualNetworkPeering ×2$/m,
    );
  });

  it("--layers renders only those layers, reading the rest from a platform stack", async () => {
    const { code, out } = await tenant(
      "plan",
      "--dir",
      MINIMAL_FIXTURE,
      "--layers",
      "identity",
      "--platform-stack",
      "city/tenant/platform",
    );
    expect(code).toBe(0);
    expect(out).toContain("layers identity");
    expect(out).toContain("read from city/tenant/platform:");
    expect(out).not.toContain("azure-native:network");
  });
});

describe("tenant plan on an invalid definition", () => {
  it("prints exactly what validate prints, exits 1 and registers nothing", async () => {
    const fixture = new DefinitionFixture().edit(
      "departments/culture.yaml",
      "monthlyAmount: 500",
      "monthlyAmount: 0",
    );
    const setMocks = jest.spyOn(pulumi.runtime, "setMocks");
    try {
      const { code, out } = await tenant("plan", "--dir", fixture.dir);
      let expected = "";
      expect(runValidate({ dir: fixture.dir, format: "text" }, (s) => (expected += s))).toBe(1);
      expect(code).toBe(1);
      expect(out).toBe(expected);
      expect(out).toContain("budget.monthlyAmount");
      expect(setMocks).not.toHaveBeenCalled();
    } finally {
      setMocks.mockRestore();
      fixture.remove();
    }
  });
});

describe("tenant plan usage errors exit 2", () => {
  it.each([
    [["plan"], "say which definition to use"],
    [
      ["plan", "--dir", MINIMAL_FIXTURE, "--layers", "identity,network"],
      "unknown layer 'network' in --layers",
    ],
    [["plan", "--stack", "x", "--dir", MINIMAL_FIXTURE], "give either --stack or --dir"],
    [["plan", "--dir", MINIMAL_FIXTURE, "--format", "yaml"], "argument 'yaml' is invalid"],
  ])("%j", async (argv, message) => {
    const { code, err } = await tenant(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
