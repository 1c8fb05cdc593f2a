/**
 * compareTenant as tables: the minimal definition against a hand-written live tenant, clean and with one
 * thing broken per row. Every row asserts the exact entries (kind, department, subject, expected, actual).
 */
import { validateDefinition } from "../../src/config/validate";
import type { TenantDefinition } from "../../src/config/definition";
import { compareTenant } from "../../src/drift";
import type { LiveTenant } from "../../src/live/snapshot";
import { DefinitionFixture, MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { cleanLive, IDS } from "./helpers/liveFixture";

let definition: TenantDefinition;
beforeAll(() => {
  const result = validateDefinition(MINIMAL_FIXTURE);
  expect(result.diagnostics).toEqual([]);
  definition = result.definition!;
});

type Row = [string, (live: LiveTenant) => void, Record<string, unknown>[]];

const drift = (live: LiveTenant) =>
  compareTenant(definition, live).entries.map(({ area, kind, department, subject, expected, actual }) => ({
    area,
    kind,
    department,
    subject,
    expected,
    actual,
  }));

const group = (live: LiveTenant, name: string) => live.groups.find((g) => g.displayName === name)!;

test("a tenant as `pulumi up` leaves it has no drift", () => {
  expect(compareTenant(definition, cleanLive()).entries).toEqual([]);
});

const licenceRows: Row[] = [
  [
    "licence removed from a group",
    (live) => (group(live, "grp-vp-mobility").assignedLicenses = []),
    [
      {
        area: "licences",
        kind: "licence-missing",
        department: "mobility",
        subject: "grp-vp-mobility SPE_E5",
        expected: "SPE_E5 (disabled plans: YAMMER_ENTERPRISE)",
        actual: null,
      },
    ],
  ],
  [
    "a plan switched back on",
    (live) => {
      const l = group(live, "grp-vp-mobility").assignedLicenses[0];
      l.disabledPlanIds = [];
      l.disabledPlanNames = [];
    },
    [
      {
        area: "licences",
        kind: "licence-disabled-plans",
        department: "mobility",
        subject: "grp-vp-mobility SPE_E5",
        expected: "YAMMER_ENTERPRISE",
        actual: "none",
      },
    ],
  ],
  [
    "an extra SKU on a group",
    (live) =>
      group(live, "grp-vp-culture").assignedLicenses.push({
        skuId: IDS.MCOEV_SKU,
        skuPartNumber: "MCOEV",
        disabledPlanIds: [],
        disabledPlanNames: [],
      }),
    [
      {
        area: "licences",
        kind: "licence-extra",
        department: "culture",
        subject: "grp-vp-culture MCOEV",
        expected: null,
        actual: "MCOEV (disabled plans: none)",
      },
    ],
  ],
  [
    "the department group is gone",
    (live) => (live.groups = live.groups.filter((g) => g.displayName !== "grp-vp-mobility")),
    [
      {
        area: "groups",
        kind: "group-missing",
        department: "mobility",
        subject: "grp-vp-mobility",
        expected: "grp-vp-mobility",
        actual: null,
      },
    ],
  ],
];

const numberRows: Row[] = [
  [
    "a number moved to another user",
    (live) => {
      live.numbers[2].assignmentTargetId = IDS.luis;
      live.userConfigurations[1].telephoneNumbers = [];
    },
    [
      {
        area: "numbers",
        kind: "number-other-user",
        department: "culture",
        subject: "+34915550002",
        expected: "pedro@villa.example",
        actual: "luis@villa.example",
      },
    ],
  ],
  [
    "a number unassigned",
    (live) => {
      Object.assign(live.numbers[1], { assignmentStatus: "unassigned", assignmentTargetId: null });
      live.userConfigurations[0].telephoneNumbers = [];
    },
    [
      {
        area: "numbers",
        kind: "number-unassigned",
        department: "culture",
        subject: "+34915550001",
        expected: "ana@villa.example",
        actual: null,
      },
    ],
  ],
  [
    "a number the inventory does not have",
    (live) => {
      live.numbers = live.numbers.filter((n) => n.telephoneNumber !== "+34915550001");
      live.userConfigurations[0].telephoneNumbers = [];
    },
    [
      {
        area: "numbers",
        kind: "number-not-in-inventory",
        department: "culture",
        subject: "+34915550001",
        expected: "ana@villa.example",
        actual: null,
      },
    ],
  ],
  [
    "location and category changed",
    (live) =>
      Object.assign(live.numbers[1], { locationId: IDS.defaultLocation, assignmentCategory: "private" }),
    [
      {
        area: "numbers",
        kind: "number-category",
        department: "culture",
        subject: "+34915550001",
        expected: "primary",
        actual: "private",
      },
      {
        area: "numbers",
        kind: "number-location",
        department: "culture",
        subject: "+34915550001",
        expected: "town-hall-p0",
        actual: `LIS location ${IDS.defaultLocation}`,
      },
    ],
  ],
  [
    "a number of the department's range assigned outside the definition",
    (live) =>
      Object.assign(live.numbers[3], { assignmentStatus: "userAssigned", assignmentTargetId: IDS.ana }),
    [
      {
        area: "numbers",
        kind: "number-not-in-definition",
        department: "culture",
        subject: "+34915550003",
        expected: null,
        actual: "ana@villa.example",
      },
    ],
  ],
];

const assignmentRows: Row[] = [
  [
    "a group grant removed",
    (live) =>
      (live.teams.groupPolicyAssignments = live.teams.groupPolicyAssignments.filter(
        (a) => a.policyType !== "TenantDialPlan",
      )),
    [
      {
        area: "policyAssignments",
        kind: "assignment-missing",
        department: "culture",
        subject: "grp-vp-culture TenantDialPlan",
        expected: "ES-Villa (rank 10)",
        actual: null,
      },
    ],
  ],
  [
    "a group grant pointed at another policy",
    (live) => (live.teams.groupPolicyAssignments[1].policyName = "Global"),
    [
      {
        area: "policyAssignments",
        kind: "assignment-changed",
        department: "culture",
        subject: "grp-vp-culture TeamsCallingPolicy",
        expected: "Standard (rank 10)",
        actual: "Global (Teams position 1)",
      },
    ],
  ],
  [
    "a policy granted by hand to a department group",
    (live) =>
      live.teams.groupPolicyAssignments.push({
        groupId: IDS.mobility,
        policyType: "TeamsCallingPolicy",
        policyName: "Standard",
        rank: 2,
      }),
    [
      {
        area: "policyAssignments",
        kind: "assignment-extra",
        department: "mobility",
        subject: "grp-vp-mobility TeamsCallingPolicy",
        expected: null,
        actual: "Standard (Teams position 2)",
      },
    ],
  ],
  [
    "a per-user grant that overrides the group's",
    (live) =>
      (live.userConfigurations[0].effectivePolicyAssignments[0] = {
        policyType: "TeamsCallingPolicy",
        policyName: "Restricted",
        assignmentType: "direct",
      }),
    [
      {
        area: "policyAssignments",
        kind: "direct-grant-overrides-group",
        department: "culture",
        subject: "ana@villa.example",
        expected: "TeamsCallingPolicy Standard (through group grp-vp-culture)",
        actual: "TeamsCallingPolicy Restricted (granted directly)",
      },
    ],
  ],
];

const teamsRows: Row[] = [
  [
    "a policy setting changed (settings the definition does not set are ignored)",
    (live) => {
      const p = live.teams.policies.find((x) => x.name === "Standard")!;
      p.settings = { ...p.settings, AllowPrivateCalling: false, AllowCallGroups: false };
    },
    [
      {
        area: "teamsConfig",
        kind: "policy-settings",
        department: null,
        subject: "TeamsCallingPolicy:Standard",
        expected: '{"AllowPrivateCalling":true}',
        actual: '{"AllowPrivateCalling":false}',
      },
    ],
  ],
  [
    "a dial plan deleted is missing, with the whole definition as expected",
    (live) => (live.teams.policies = live.teams.policies.filter((p) => p.type !== "TenantDialPlan")),
    [
      {
        area: "teamsConfig",
        kind: "policy-missing",
        department: null,
        subject: "TenantDialPlan:ES-Villa",
        expected:
          '{"NormalizationRules":[{"IsInternalExtension":true,"Name":"Extension","Pattern":"^(\\\\d{4})$","Translation":"+3491555$1"}]}',
        actual: null,
      },
    ],
  ],
  [
    "a voice route's gateways changed and a PSTN usage removed",
    (live) => {
      live.teams.voiceRoutes[0].settings.OnlinePstnGatewayList = ["sbc9.villa.example"];
      live.teams.pstnUsages = ["International"];
    },
    [
      {
        area: "teamsConfig",
        kind: "pstn-usage-missing",
        department: null,
        subject: "Local",
        expected: "Local",
        actual: null,
      },
      {
        area: "teamsConfig",
        kind: "voice-route-settings",
        department: null,
        subject: "Spain",
        expected: '{"OnlinePstnGatewayList":["sbc1.villa.example"]}',
        actual: '{"OnlinePstnGatewayList":["sbc9.villa.example"]}',
      },
    ],
  ],
  [
    "an emergency address edited and its location renamed",
    (live) => {
      const a = live.teams.civicAddresses[0];
      a.fields = { ...a.fields, HouseNumber: "2" };
      a.locations[1].location = "Planta 1";
    },
    [
      {
        area: "teamsConfig",
        kind: "address-fields",
        department: null,
        subject: "town-hall",
        expected: '{"HouseNumber":"1"}',
        actual: '{"HouseNumber":"2"}',
      },
      {
        area: "teamsConfig",
        kind: "location-missing",
        department: null,
        subject: "town-hall-p0",
        expected: "Planta baja at town-hall",
        actual: null,
      },
      // Its numbers now point at a location the definition does not know.
      {
        area: "numbers",
        kind: "number-location",
        department: "culture",
        subject: "+34915550001",
        expected: "town-hall-p0",
        actual: `LIS location ${IDS.plantaBaja}`,
      },
      {
        area: "numbers",
        kind: "number-location",
        department: "culture",
        subject: "+34915550002",
        expected: "town-hall-p0",
        actual: `LIS location ${IDS.plantaBaja}`,
      },
    ],
  ],
];

describe.each([
  ["licences", licenceRows],
  ["numbers", numberRows],
  ["policy assignments", assignmentRows],
  ["Teams configuration", teamsRows],
])("%s", (_area, rows) => {
  test.each(rows)("%s", (_name, breakIt, expected) => {
    const live = cleanLive();
    breakIt(live);
    expect(drift(live)).toEqual(expected);
  });
});

test("rank order: a department the definition ranks higher but sitting below another is reported", () => {
  const fixture = new DefinitionFixture();
  try {
    fixture.edit(
      "departments/mobility.yaml",
      "network:",
      "teams:\n  callingPolicy: Standard\n  rank: 10\nnetwork:",
    );
    fixture.edit("departments/culture.yaml", "dialPlan: ES-Villa", "dialPlan: ES-Villa\n  rank: 20");
    const result = validateDefinition(fixture.dir);
    expect(result.diagnostics).toEqual([]);
    const live = cleanLive();
    // Live, culture (definition rank 20) is first and mobility (definition rank 10) second: inverted.
    live.teams.groupPolicyAssignments.push({
      groupId: IDS.mobility,
      policyType: "TeamsCallingPolicy",
      policyName: "Standard",
      rank: 2,
    });
    const entries = compareTenant(result.definition!, live).entries;
    expect(
      entries.map(({ kind, department, subject, expected, actual }) => ({
        kind,
        department,
        subject,
        expected,
        actual,
      })),
    ).toEqual([
      {
        kind: "assignment-rank",
        department: "mobility",
        subject: "grp-vp-mobility TeamsCallingPolicy",
        expected: "above grp-vp-culture (definition ranks 10 < 20)",
        actual: "Teams position 2, below grp-vp-culture at position 1",
      },
    ]);
    // Live ranks are positional: the same order at other numbers is no drift.
    live.teams.groupPolicyAssignments = live.teams.groupPolicyAssignments.map((a) =>
      a.policyType === "TeamsCallingPolicy" ? { ...a, rank: a.groupId === IDS.mobility ? 1 : 2 } : a,
    );
    expect(compareTenant(result.definition!, live).entries).toEqual([]);
  } finally {
    fixture.remove();
  }
});

test("entries are sorted: tenant-wide first, then department, area, subject", () => {
  const live = cleanLive();
  live.teams.pstnUsages = [];
  group(live, "grp-vp-mobility").assignedLicenses = [];
  live.numbers[2].assignmentTargetId = IDS.luis;
  live.userConfigurations[1].telephoneNumbers = [];
  expect(drift(live).map((e) => [e.department, e.area, e.subject])).toEqual([
    [null, "teamsConfig", "Local"],
    ["culture", "numbers", "+34915550002"],
    ["mobility", "licences", "grp-vp-mobility SPE_E5"],
  ]);
});
