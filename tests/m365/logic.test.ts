/** Table tests of the pure licensing logic: resolution, delta, seats, error summary, check, diff, polling. */
import { isEmptyDelta, licenceDelta } from "../../src/m365/licensing/delta";
import { desiredLicences } from "../../src/m365/licensing/desired";
import { diffGroupLicenses } from "../../src/m365/licensing/diff";
import {
  errorReason,
  formatLicenceErrorReport,
  summarizeLicenceErrors,
} from "../../src/m365/licensing/errors";
import { processingStateOf } from "../../src/m365/licensing/graphCalls";
import { checkInputs, UNKNOWN_VALUE } from "../../src/m365/licensing/inputs";
import { waitForProcessing } from "../../src/m365/licensing/processing";
import { describeAssigned, resolveLicences } from "../../src/m365/licensing/resolve";
import { formatSeatShortage, seatNeeds, seatShortages } from "../../src/m365/licensing/seats";
import type { ResolvedLicence, SubscribedSku } from "../../src/m365/licensing/types";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
const EV = "e43b5b99-8dfb-405f-9987-dc307f34bcbd";
const YAMMER = "7547a3fe-08ee-4ccb-b430-5077c5041653";
const SWAY = "a23b959c-7ce8-4e57-9140-b90eb88a9e97";
const GROUP = "aaaaaaaa-0000-4000-8000-000000000001";

const SKUS: SubscribedSku[] = [
  {
    skuId: E5.toUpperCase(),
    skuPartNumber: "SPE_E5",
    appliesTo: "User",
    capabilityStatus: "Enabled",
    consumedUnits: 90,
    prepaidUnits: { enabled: 100 },
    servicePlans: [
      { servicePlanId: YAMMER, servicePlanName: "YAMMER_ENTERPRISE" },
      { servicePlanId: SWAY, servicePlanName: "SWAY" },
    ],
  },
  {
    skuId: EV,
    skuPartNumber: "MCOEV",
    appliesTo: "User",
    capabilityStatus: "Warning",
    consumedUnits: 0,
    prepaidUnits: { enabled: 5 },
    servicePlans: [],
  },
  {
    skuId: "bbbbbbbb-0000-4000-8000-000000000001",
    skuPartNumber: "CASUSPENDED",
    capabilityStatus: "Suspended",
  },
  { skuId: "bbbbbbbb-0000-4000-8000-000000000002", skuPartNumber: "COMPANYWIDE", appliesTo: "Company" },
];

const e5 = (plans: string[] = []): ResolvedLicence => ({
  skuPartNumber: "SPE_E5",
  skuId: E5,
  disabledPlans: [],
  disabledPlanIds: plans,
});
const ev: ResolvedLicence = { skuPartNumber: "MCOEV", skuId: EV, disabledPlans: [], disabledPlanIds: [] };

describe("resolveLicences", () => {
  it.each([
    [
      "part number and plans by name",
      [{ skuPartNumber: "SPE_E5", disabledPlans: ["SWAY", "YAMMER_ENTERPRISE"], seatsOwned: 1 }],
      [
        {
          skuPartNumber: "SPE_E5",
          skuId: E5,
          disabledPlans: ["SWAY", "YAMMER_ENTERPRISE"],
          disabledPlanIds: [SWAY, YAMMER].sort(),
        },
      ],
      [],
    ],
    [
      "case-insensitive fallback",
      [{ skuPartNumber: "spe_e5", disabledPlans: ["sway"], seatsOwned: 1 }],
      [{ skuPartNumber: "SPE_E5", skuId: E5, disabledPlans: ["sway"], disabledPlanIds: [SWAY] }],
      [],
    ],
    [
      "a SKU in grace period (Warning) still resolves",
      [{ skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 1 }],
      [ev],
      [],
    ],
    [
      "an unknown SKU",
      [{ skuPartNumber: "SPE_E3", disabledPlans: [], seatsOwned: 1 }],
      [],
      [
        "SKU SPE_E3 is not subscribed in this tenant (subscribedSkus has CASUSPENDED, COMPANYWIDE, MCOEV, SPE_E5)",
      ],
    ],
    [
      "an unknown plan",
      [{ skuPartNumber: "SPE_E5", disabledPlans: ["KAIZALA"], seatsOwned: 1 }],
      [{ ...e5(), disabledPlans: ["KAIZALA"] }],
      ["service plan KAIZALA is not part of SKU SPE_E5 in this tenant (it has SWAY, YAMMER_ENTERPRISE)"],
    ],
    [
      "a suspended SKU",
      [{ skuPartNumber: "CASUSPENDED", disabledPlans: [], seatsOwned: 1 }],
      [],
      ["SKU CASUSPENDED is Suspended in this tenant; renew or reactivate the subscription"],
    ],
    [
      "a company-wide SKU",
      [{ skuPartNumber: "COMPANYWIDE", disabledPlans: [], seatsOwned: 1 }],
      [],
      ["SKU COMPANYWIDE applies to Company, not to users; it cannot be assigned"],
    ],
  ])("%s", (_name, licences, resolved, problems) => {
    const result = resolveLicences(licences, SKUS);
    expect(result.problems).toEqual(problems);
    expect(result.resolved).toEqual(resolved.map((r) => ({ ...r, disabledPlans: r.disabledPlans })));
  });

  it("describes assigned licences back in part numbers and plan names, keeping unknown ids", () => {
    expect(
      describeAssigned(
        [
          { skuId: E5, disabledPlans: [YAMMER.toUpperCase()] },
          { skuId: "CCCC", disabledPlans: [] },
        ],
        SKUS,
      ),
    ).toEqual([
      { skuPartNumber: "cccc", skuId: "cccc", disabledPlans: [], disabledPlanIds: [] },
      { skuPartNumber: "SPE_E5", skuId: E5, disabledPlans: ["YAMMER_ENTERPRISE"], disabledPlanIds: [YAMMER] },
    ]);
  });
});

describe("licenceDelta", () => {
  it.each([
    [
      "nothing assigned yet",
      [],
      [e5(), ev],
      {
        addLicenses: [
          { skuId: E5, disabledPlans: [] },
          { skuId: EV, disabledPlans: [] },
        ],
        removeLicenses: [],
      },
    ],
    [
      "identical, any case and order",
      [{ skuId: E5.toUpperCase(), disabledPlans: [SWAY, YAMMER] }],
      [e5([YAMMER, SWAY])],
      { addLicenses: [], removeLicenses: [] },
    ],
    [
      "changed plans re-send the SKU whole",
      [
        { skuId: E5, disabledPlans: [YAMMER] },
        { skuId: EV, disabledPlans: [] },
      ],
      [e5([SWAY]), ev],
      { addLicenses: [{ skuId: E5, disabledPlans: [SWAY] }], removeLicenses: [] },
    ],
    [
      "a dropped SKU is removed",
      [
        { skuId: E5, disabledPlans: [] },
        { skuId: EV, disabledPlans: [] },
      ],
      [e5()],
      { addLicenses: [], removeLicenses: [EV] },
    ],
    ["everything dropped", [{ skuId: E5, disabledPlans: [] }], [], { addLicenses: [], removeLicenses: [E5] }],
  ])("%s", (_name, current, desired, expected) => {
    expect(licenceDelta(current, desired)).toEqual(expected);
  });

  it("knows an empty delta", () => {
    expect(isEmptyDelta({ addLicenses: [], removeLicenses: [] })).toBe(true);
    expect(isEmptyDelta({ addLicenses: [], removeLicenses: [E5] })).toBe(false);
  });
});

describe("seats", () => {
  const members = [
    { id: "u1", assignedLicenses: [{ skuId: E5, disabledPlans: [] }] },
    { id: "u2", assignedLicenses: [] },
    { id: "u3" },
  ];
  it("counts members who do not hold the SKU against enabled − consumed", () => {
    const needs = seatNeeds(
      [
        { skuId: E5, disabledPlans: [] },
        { skuId: EV, disabledPlans: [] },
      ],
      members,
      SKUS,
    );
    expect(needs).toEqual([
      { skuPartNumber: "SPE_E5", skuId: E5, needed: 2, free: 10, enabled: 100, consumed: 90 },
      { skuPartNumber: "MCOEV", skuId: EV, needed: 3, free: 5, enabled: 5, consumed: 0 },
    ]);
    expect(seatShortages(needs)).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}` }));
    const short = seatShortages(seatNeeds([{ skuId: E5, disabledPlans: [] }], many, SKUS));
    expect(formatSeatShortage("culture", short, new Map([["SPE_E5", 100]]))).toBe(
      "not enough licences for department culture; nothing was assigned:\n" +
        "  SPE_E5: 12 seats needed, 10 free (100 enabled, 90 consumed)\n" +
        "Buy seats (or free them elsewhere), or take the SKU off the department, then run again.",
    );
  });
});

describe("licence errors", () => {
  it.each([
    [{ state: "Active", error: "None" }, undefined],
    [{ state: "Active", error: null }, undefined],
    [{ state: "Error", error: "CountViolation" }, "CountViolation"],
    [{ state: "Error", error: "Others" }, "Other"],
    [{ state: "ActiveWithError", error: null }, "Other"],
  ])("%j → %s", (state, reason) => {
    expect(errorReason(state)).toBe(reason);
  });

  it("groups this group's failures by reason and SKU, ignoring other sources", () => {
    const member = (id: string, error: string, skuId = E5, group = GROUP) => ({
      id,
      userPrincipalName: `${id}@city.example`,
      licenseAssignmentStates: [{ skuId, assignedByGroup: group, state: "Error", error }],
    });
    const report = summarizeLicenceErrors(
      GROUP,
      [
        member("a", "CountViolation"),
        member("b", "CountViolation", EV),
        member("c", "MutuallyExclusiveViolation"),
        member("d", "CountViolation", E5, "other-group"),
      ],
      (id) => (id === E5 ? "SPE_E5" : "MCOEV"),
      7,
    );
    expect(report.byReason).toEqual([
      {
        reason: "CountViolation",
        members: 2,
        skus: { SPE_E5: 1, MCOEV: 1 },
        examples: ["a@city.example", "b@city.example"],
      },
      { reason: "MutuallyExclusiveViolation", members: 1, skus: { SPE_E5: 1 }, examples: ["c@city.example"] },
    ]);
    expect(formatLicenceErrorReport("culture", GROUP, report)).toBe(
      [
        `7 member(s) of department culture (group ${GROUP}) have licence errors:`,
        "  CountViolation: 2 member(s) (MCOEV 1, SPE_E5 1) — not enough seats: buy seats or free them, then run again; e.g. a@city.example, b@city.example",
        "  MutuallyExclusiveViolation: 1 member(s) (SPE_E5 1) — a service plan conflicts with another licence the user holds; e.g. c@city.example",
        "  (reasons read for the first 4 of 7 members)",
      ].join("\n"),
    );
  });
});

describe("check", () => {
  const good = {
    department: "culture",
    groupId: GROUP,
    headcount: 40,
    licences: [
      { skuPartNumber: "SPE_E5", disabledPlans: ["Z_PLAN", "A_PLAN", "A_PLAN"], seatsOwned: 100 },
      { skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 10 },
    ],
  };
  it("normalises order and duplicates", () => {
    const { inputs, failures } = checkInputs(good);
    expect(failures).toEqual([]);
    expect(inputs.licences).toEqual([
      { skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 10 },
      { skuPartNumber: "SPE_E5", disabledPlans: ["A_PLAN", "Z_PLAN"], seatsOwned: 100 },
    ]);
  });
  it("accepts an unknown group id during preview", () => {
    expect(checkInputs({ ...good, groupId: UNKNOWN_VALUE }).failures).toEqual([]);
  });
  it.each([
    [{ department: "" }, "department", "must be the department id, a non-empty string"],
    [
      { groupId: "grp-culture" },
      "groupId",
      'must be the object id (a GUID) of the department\'s Entra group, got "grp-culture"',
    ],
    [{ headcount: -1 }, "headcount", "must be a whole number >= 0, got -1"],
    [{ licences: "SPE_E5" }, "licences", "must be a list of {skuPartNumber, disabledPlans, seatsOwned}"],
    [
      { licences: [{ skuPartNumber: "E5 plan", disabledPlans: [], seatsOwned: 1 }] },
      "licences[0].skuPartNumber",
      'must be a SKU part number such as SPE_E5, got "E5 plan"',
    ],
    [
      {
        licences: [
          { skuPartNumber: "SPE_E5", disabledPlans: [], seatsOwned: 1 },
          { skuPartNumber: "spe_e5", disabledPlans: [], seatsOwned: 1 },
        ],
      },
      "licences[1].skuPartNumber",
      "SKU spe_e5 is listed twice; list each SKU once",
    ],
    [
      { licences: [{ skuPartNumber: "SPE_E5", disabledPlans: "SWAY", seatsOwned: 1 }] },
      "licences[0].disabledPlans",
      "must be a list of service-plan names such as YAMMER_ENTERPRISE",
    ],
    [
      { licences: [{ skuPartNumber: "SPE_E5", disabledPlans: [], seatsOwned: 1.5 }] },
      "licences[0].seatsOwned",
      "must be a whole number >= 0, got 1.5",
    ],
  ])("%j fails on %s", (change, property, reason) => {
    expect(checkInputs({ ...good, ...change }).failures).toEqual([{ property, reason }]);
  });
});

describe("diff", () => {
  const olds = {
    department: "culture",
    groupId: GROUP,
    headcount: 40,
    licences: [
      { skuPartNumber: "SPE_E5", disabledPlans: ["A", "B"], seatsOwned: 100 },
      { skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 10 },
    ],
    resolved: [],
    __provider: "old code",
  };
  it.each([
    [
      "identical, reordered, new provider code",
      {
        ...olds,
        licences: [{ ...olds.licences[1] }, { ...olds.licences[0], disabledPlans: ["B", "A"] }],
        __provider: "new code",
      },
      { changes: false, replaces: [], changed: [] },
    ],
    [
      "a plan switched off",
      { ...olds, licences: [{ ...olds.licences[0], disabledPlans: ["A"] }, olds.licences[1]] },
      { changes: true, replaces: [], changed: ["licences"] },
    ],
    ["headcount", { ...olds, headcount: 41 }, { changes: true, replaces: [], changed: ["headcount"] }],
    [
      "another group replaces",
      { ...olds, groupId: "aaaaaaaa-0000-4000-8000-000000000002" },
      { changes: true, replaces: ["groupId"], changed: ["groupId"] },
    ],
    [
      "the same group in other case does not",
      { ...olds, groupId: GROUP.toUpperCase() },
      { changes: false, replaces: [], changed: [] },
    ],
    [
      "an unknown group may be another one",
      { ...olds, groupId: UNKNOWN_VALUE },
      { changes: true, replaces: ["groupId"], changed: ["groupId"] },
    ],
  ])("%s", (_name, news, expected) => {
    expect(diffGroupLicenses(olds, news)).toEqual(expected);
  });
});

describe("waitForProcessing", () => {
  const poll = (states: (string | undefined)[], timeoutMs = 60_000) => {
    const sleeps: number[] = [];
    let i = 0;
    return waitForProcessing(async () => states[Math.min(i++, states.length - 1)], {
      timeoutMs,
      initialDelayMs: 1_000,
      maxDelayMs: 4_000,
      factor: 2,
      sleep: async (ms) => void sleeps.push(ms),
    }).then((outcome) => ({ ...outcome, sleeps }));
  };
  it("reads at once, then backs off up to the ceiling", async () => {
    expect(
      await poll([
        "QueuedForProcessing",
        "ProcessingInProgress",
        "ProcessingInProgress",
        "ProcessingInProgress",
        "ProcessingComplete",
      ]),
    ).toEqual({
      state: "ProcessingComplete",
      complete: true,
      waitedMs: 11_000,
      polls: 5,
      sleeps: [1_000, 2_000, 4_000, 4_000],
    });
    expect((await poll(["ProcessingComplete"])).sleeps).toEqual([]);
  });
  it("stops at the bound", async () => {
    expect(await poll(["ProcessingInProgress"], 5_000)).toEqual({
      state: "ProcessingInProgress",
      complete: false,
      waitedMs: 5_000,
      polls: 4,
      sleeps: [1_000, 2_000, 2_000],
    });
  });
  it.each([
    [{ state: "ProcessingComplete" }, "ProcessingComplete"],
    ["QueuedForProcessing", "QueuedForProcessing"],
    [null, undefined],
  ])("reads licenseProcessingState %j", (wire, state) => {
    expect(processingStateOf(wire)).toBe(state);
  });
});

describe("desiredLicences", () => {
  it("joins the catalogue's disabled plans with the department's, sorted, and the seats owned", () => {
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    const withCatalogue = {
      ...definition,
      tenant: {
        ...definition.tenant,
        licensing: {
          skus: definition.tenant.licensing.skus.map((s) =>
            s.partNumber === "SPE_E5" ? { ...s, disabledPlans: ["SWAY"] } : s,
          ),
        },
      },
    };
    const mobility = definition.departments.find((d) => d.id === "mobility")!;
    expect(desiredLicences(withCatalogue, mobility)).toEqual({
      department: "mobility",
      headcount: 30,
      licences: [{ skuPartNumber: "SPE_E5", disabledPlans: ["SWAY", "YAMMER_ENTERPRISE"], seatsOwned: 100 }],
    });
  });

  it("carries the SKUs removed on purpose, so a department without numbers can drop its last licence", () => {
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    const mobility = definition.departments.find((d) => d.id === "mobility")!;
    const retiring = { ...mobility, licences: [], intentionalRemovals: { numbers: [], skus: ["SPE_E5"] } };
    expect(desiredLicences(definition, retiring)).toEqual({
      department: "mobility",
      headcount: 30,
      licences: [],
      intentionalRemovals: { numbers: [], skus: ["SPE_E5"] },
    });
  });
});
