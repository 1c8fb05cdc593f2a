import { compareLevels, rankRisks, sectionLevel } from "../../src/plan/risk";
import type { Risk } from "../../src/plan/model";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { departmentSummary, numberEntry, resourceChange } from "./helpers/summary";

const RG = "azure-native:resources:ResourceGroup";
const VNET = "azure-native:network:VirtualNetwork";
const GROUP = "azuread:index/group:Group";

/** The level and message of each risk, in the order a reviewer reads them. */
const read = (risks: readonly Risk[]) => risks.map((r) => `${r.level}: ${r.message}`);

describe("rankRisks: what each change risks", () => {
  it("deletions are one high risk per section, listing three names and how many more", () => {
    const changes = ["a", "b", "c", "d", "e"].map((n) => resourceChange("delete", GROUP, n));
    const [risk] = rankRisks([departmentSummary({ changes })]);
    expect(risk).toEqual({
      level: "high",
      kind: "delete",
      department: "culture",
      message: "culture: 5 resources deleted (Group a, Group b, Group c and 2 more)",
      urn: undefined, // several deletions: no single resource to point at
    });
  });

  it("a single deletion points at its resource", () => {
    const risks = rankRisks([departmentSummary({ changes: [resourceChange("delete", GROUP, "a")] })]);
    expect(risks.map((r) => [r.message, r.urn])).toEqual([
      ["culture: 1 resource deleted (Group a)", "urn:a"],
    ]);
  });

  it("each likely replacement is its own high risk, with why", () => {
    const changes = [
      resourceChange("replace", GROUP, "a", { replaceReasons: ["mailNickname"] }),
      resourceChange("replace", GROUP, "b", { replaceReasons: ["provider", "securityEnabled"] }),
    ];
    expect(read(rankRisks([departmentSummary({ changes })]))).toEqual([
      "high: culture: Group a is likely replaced (mailNickname)",
      "high: culture: Group b is likely replaced (provider, securityEnabled)",
    ]);
  });

  it.each([
    ["create", "medium: culture: emergency calling — EmergencyAddress town-hall created"],
    ["update", "high: culture: emergency calling — EmergencyAddress town-hall changed"],
  ] as const)("an emergency resource's %s", (op, line) => {
    const changes = [resourceChange(op, RESOURCE_TYPES.emergencyAddress, "town-hall")];
    expect(read(rankRisks([departmentSummary({ changes })]))).toEqual([line]);
  });

  it("a deleted emergency resource is a deletion, not also an emergency change", () => {
    const changes = [resourceChange("delete", RESOURCE_TYPES.emergencyAddress, "town-hall")];
    expect(rankRisks([departmentSummary({ changes })]).map((r) => r.kind)).toEqual(["delete"]);
  });

  it("numbers: released, emergency location changed, moved", () => {
    const risks = rankRisks([
      departmentSummary({
        department: undefined,
        numbers: [
          { kind: "removed", entry: numberEntry("+34915550001", "ana@villa.example") },
          {
            kind: "updated",
            from: numberEntry("+34915550002", "pedro@villa.example", "town-hall-p0"),
            to: numberEntry("+34915550002", "pedro@villa.example", "annex-p1"),
            fields: ["emergencyLocation"],
          },
          {
            kind: "updated",
            from: numberEntry("+34915550003", "eva@villa.example"),
            to: { ...numberEntry("+34915550003", "eva@villa.example"), category: "shared" },
            fields: ["category"],
          },
          {
            kind: "renumbered",
            user: "luis@villa.example",
            from: numberEntry("+34915550004", "luis@villa.example"),
            to: numberEntry("+34915550005", "luis@villa.example"),
          },
        ],
      }),
    ]);
    expect(read(risks)).toEqual([
      "high: tenant-wide: 1 number released (+34915550001 ana@villa.example)",
      "high: tenant-wide: emergency location of 1 number changed (+34915550002 town-hall-p0 → annex-p1)",
      "medium: tenant-wide: 1 number moved (a user's number or a number's user changed)",
    ]);
  });

  it("licences: fewer seats (a removed SKU says so), plans switched off; more seats are no risk", () => {
    const licences = [
      { sku: "SPE_E5", before: 40, after: 38, plansDisabled: [], plansEnabled: [] },
      { sku: "MCOEV", before: 40, after: 0, plansDisabled: [], plansEnabled: [] },
      { sku: "SPE_E3", before: 1000, after: 1200, plansDisabled: ["YAMMER_ENTERPRISE"], plansEnabled: [] },
    ];
    expect(read(rankRisks([departmentSummary({ licences })]))).toEqual([
      "high: culture: SPE_E5 −2 seats",
      "high: culture: MCOEV −40 seats (SKU removed)",
      "medium: culture: SPE_E3 switches off YAMMER_ENTERPRISE",
    ]);
  });

  it("policy grants: emergency ones are high; a new department's and position-only moves are none", () => {
    const policies = [
      {
        policyType: "TeamsCallingPolicy",
        before: { policyName: "Standard", rank: 10, position: 1 },
        after: { policyName: "Restricted", rank: 10, position: 1 },
      },
      {
        policyType: "TeamsEmergencyCallingPolicy",
        before: { policyName: "Emergency", rank: 10, position: 1 },
      },
      {
        // Another department came or went: same policy, same rank, only Teams' position moved.
        policyType: "TeamsVoiceRoutingPolicy",
        before: { policyName: "Spain", rank: 10, position: 2 },
        after: { policyName: "Spain", rank: 10, position: 1 },
      },
    ];
    expect(read(rankRisks([departmentSummary({ policies })]))).toEqual([
      "high: culture: TeamsEmergencyCallingPolicy Emergency → (none)",
      "medium: culture: TeamsCallingPolicy Standard → Restricted",
    ]);
    expect(rankRisks([departmentSummary({ status: "new", policies })])).toEqual([]);
  });

  describe("a department's own rank change keeping its policy", () => {
    const moved = (policyName: string) =>
      departmentSummary({
        department: "arganzuela",
        policies: [
          {
            policyType: "TeamsEmergencyCallingPolicy",
            before: { policyName, rank: 20, position: 30 },
            after: { policyName, rank: 2, position: 2 },
          },
        ],
      });
    const passed = (department: string, policyName: string) =>
      departmentSummary({
        department,
        policies: [
          {
            policyType: "TeamsEmergencyCallingPolicy",
            before: { policyName, rank: 10, position: 6 },
            after: { policyName, rank: 10, position: 7 },
          },
        ],
      });

    it("is no risk when every department it passes grants the same policy: nobody's policy changes", () => {
      expect(rankRisks([moved("Avisos"), passed("barajas", "Avisos"), passed("centro", "Avisos")])).toEqual(
        [],
      );
    });

    it("is a risk naming the policies it now comes before when a passed department grants another one", () => {
      const risks = rankRisks([
        moved("Avisos"),
        passed("barajas", "Avisos"),
        passed("bomberos", "Seguridad"),
        passed("samur", "Seguridad"),
      ]);
      expect(read(risks)).toEqual([
        "high: arganzuela: TeamsEmergencyCallingPolicy Avisos rank 20 → 2 now comes before Seguridad (bomberos, samur): people also in those get Avisos",
      ]);
    });
  });

  it("many medium risks of one kind merge into one line naming each section once", () => {
    const grant = (n: number) => ({
      policyType: `TeamsCallingPolicy${n}`,
      before: { policyName: "Standard", rank: 10, position: 1 },
      after: { policyName: "Restricted", rank: 10, position: 1 },
    });
    const sections = ["a", "b", "c", "d", "e", "f"].map((department) =>
      departmentSummary({ department, policies: [grant(1), grant(2)] }),
    );
    expect(read(rankRisks(sections))).toEqual([
      "medium: policy grants changed in 6 sections: a, b, c and 3 more",
    ]);
  });

  it.each([
    ["a lower amount", { amountAfter: 400 }, "medium: culture: budget culture 500 → 400"],
    [
      "a contact removed",
      { contactsRemoved: ["ana@villa.example"] },
      "medium: culture: budget culture 500 → 500, alerts no longer reach ana@villa.example",
    ],
    ["other thresholds", { thresholdsAfter: [90] }, "medium: culture: budget culture 500 → 500"],
    ["a higher amount", { amountAfter: 600 }, undefined],
    ["a contact added", { contactsAdded: ["eva@villa.example"] }, undefined],
    ["a new budget", { amountBefore: undefined }, undefined],
  ])("a budget with %s", (_name, change, line) => {
    const budget = {
      name: "culture",
      amountBefore: 500,
      amountAfter: 500,
      thresholdsBefore: [80, 100],
      thresholdsAfter: [80, 100],
      contactsAdded: [],
      contactsRemoved: [],
      ...change,
    };
    expect(read(rankRisks([departmentSummary({ budgets: [budget] })]))).toEqual(line ? [line] : []);
  });
});

describe("rankRisks: a destroyed landing zone", () => {
  it("a removed department names what goes and how to do it on purpose", () => {
    const changes = [
      resourceChange("delete", RG, "rg-culture"),
      resourceChange("delete", VNET, "vnet-culture"),
    ];
    const risks = rankRisks([departmentSummary({ status: "removed", changes })]);
    expect(risks[0]).toEqual({
      level: "high",
      kind: "landing-zone-destroyed",
      department: "culture",
      message:
        'culture: landing zone destroyed because the department is removed or renamed — ResourceGroup rg-culture, VirtualNetwork vnet-culture, and every resource inside the resource group, including any the department created itself. They are protected: `pulumi up` stops until they are released on purpose (docs/running-for-real.md, "Retiring or moving a department")',
      urn: "urn:rg-culture",
    });
  });

  it("a region move says from where to where", () => {
    const rg = resourceChange("replace", RG, "rg-culture", {
      properties: [{ path: "location", old: "spaincentral", new: "westeurope", replaces: true }],
      replaceReasons: ["location"],
    });
    const [risk] = rankRisks([departmentSummary({ changes: [rg] })]);
    expect(risk.message).toMatch(
      /^culture: landing zone destroyed because its region changes spaincentral → westeurope — ResourceGroup rg-culture, and every/,
    );
  });

  it.each([
    [
      "the tenant-wide section",
      departmentSummary({ department: undefined, changes: [resourceChange("delete", RG, "rg")] }),
    ],
    [
      "a deleted subnet alone",
      departmentSummary({ changes: [resourceChange("delete", "azure-native:network:Subnet", "s")] }),
    ],
  ])("%s destroys no landing zone", (_name, summary) => {
    expect(rankRisks([summary]).map((r) => r.kind)).not.toContain("landing-zone-destroyed");
  });
});

describe("rankRisks: order and merging", () => {
  it("high risks first, then in section order, risks from the definitions leading their level", () => {
    const fromDefinitions: Risk[] = [{ level: "medium", kind: "definition", message: "definition note" }];
    const risks = rankRisks(
      [
        departmentSummary({
          department: "culture",
          licences: [{ sku: "SPE_E5", before: 1, after: 1, plansDisabled: ["X"], plansEnabled: [] }],
        }),
        departmentSummary({ department: "mobility", changes: [resourceChange("delete", GROUP, "g")] }),
      ],
      fromDefinitions,
    );
    expect(read(risks)).toEqual([
      "high: mobility: 1 resource deleted (Group g)",
      "medium: definition note",
      "medium: culture: SPE_E5 switches off X",
    ]);
  });

  const moved = (department: string) =>
    departmentSummary({
      department,
      numbers: [
        {
          kind: "reassigned",
          number: "+34915550001",
          from: numberEntry("+34915550001", "a@villa.example"),
          to: numberEntry("+34915550001", "b@villa.example"),
        },
      ],
    });

  it("five medium risks of one kind stay separate", () => {
    const risks = rankRisks(["a", "b", "c", "d", "e"].map(moved));
    expect(risks.map((r) => r.department)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("six medium risks of one kind become one line naming the sections", () => {
    expect(rankRisks(["a", "b", "c", "d", "e", "f"].map(moved))).toEqual([
      { level: "medium", kind: "number-moved", message: "numbers moved in 6 sections: a, b, c and 3 more" },
    ]);
  });

  it("high risks are never merged", () => {
    const deleting = (d: string) =>
      departmentSummary({ department: d, changes: [resourceChange("delete", GROUP, d)] });
    expect(rankRisks(["a", "b", "c", "d", "e", "f"].map(deleting))).toHaveLength(6);
  });
});

describe("sectionLevel and compareLevels", () => {
  const risks: Risk[] = [
    { level: "medium", kind: "budget", department: "culture", message: "" },
    { level: "high", kind: "delete", department: "culture", message: "" },
    { level: "medium", kind: "budget", department: "mobility", message: "" },
    { level: "high", kind: "delete", message: "" },
  ];
  it.each([
    ["culture", "high"],
    ["mobility", "medium"],
    ["parks", "low"],
    [undefined, "high"],
  ] as const)("the section %s is %s", (department, level) =>
    expect(sectionLevel(risks, department)).toBe(level),
  );
  it("orders high before medium before low", () => {
    const levels = ["low", "high", "medium"] as const;
    expect([...levels].sort(compareLevels)).toEqual(["high", "medium", "low"]);
  });
});
