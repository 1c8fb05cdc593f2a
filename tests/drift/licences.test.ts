import type { TenantDefinition } from "../../src/config/definition";
import { validateDefinition } from "../../src/config/validate";
import { compareLicences } from "../../src/drift/licences";
import { indexLive } from "../../src/drift/liveIndex";
import type { LiveTenant } from "../../src/live/snapshot";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { cleanLive, IDS } from "./helpers/liveFixture";

// compareLicences alone, on mobility: SPE_E5 with YAMMER_ENTERPRISE switched off (tests/fixtures/minimal).
let definition: TenantDefinition;
beforeAll(() => {
  const result = validateDefinition(MINIMAL_FIXTURE);
  expect(result.diagnostics).toEqual([]);
  definition = result.definition!;
});

function licenceDrift(change: (live: LiveTenant) => void, departmentId = "mobility") {
  const live = cleanLive();
  change(live);
  const department = definition.departments.find((d) => d.id === departmentId)!;
  const group = live.groups.find((g) => g.displayName === `grp-vp-${departmentId}`)!;
  return compareLicences(definition, department, group, indexLive(definition, live)).map(
    ({ kind, subject, expected, actual, message }) => ({ kind, subject, expected, actual, message }),
  );
}

const mobilityE5 = (live: LiveTenant) => live.groups.find((g) => g.id === IDS.mobility)!.assignedLicenses[0];

describe("compareLicences", () => {
  it("the group as `pulumi up` leaves it", () => expect(licenceDrift(() => {})).toEqual([]));

  it("disabled plans compare by id, without case or repeats", () => {
    expect(
      licenceDrift((live) => {
        mobilityE5(live).disabledPlanIds = [IDS.YAMMER.toUpperCase(), IDS.YAMMER];
        mobilityE5(live).disabledPlanNames = ["YAMMER_ENTERPRISE"];
      }),
    ).toEqual([]);
  });

  it("a plan switched off that the SKU no longer lists is shown by id", () => {
    const unknownPlan = "00000000-0000-4000-8000-00000000dead";
    expect(
      licenceDrift((live) => {
        mobilityE5(live).disabledPlanIds = [IDS.YAMMER, unknownPlan];
        mobilityE5(live).disabledPlanNames = ["YAMMER_ENTERPRISE"]; // the unknown id has no name
      }),
    ).toEqual([
      {
        kind: "licence-disabled-plans",
        subject: "grp-vp-mobility SPE_E5",
        expected: "YAMMER_ENTERPRISE",
        actual: `${unknownPlan}, ${IDS.YAMMER}`,
        message: "group grp-vp-mobility has SPE_E5 with other plans switched off than the definition",
      },
    ]);
  });

  it("every plan switched on where the definition switches one off", () => {
    expect(
      licenceDrift((live) => {
        mobilityE5(live).disabledPlanIds = [];
        mobilityE5(live).disabledPlanNames = [];
      }),
    ).toEqual([
      {
        kind: "licence-disabled-plans",
        subject: "grp-vp-mobility SPE_E5",
        expected: "YAMMER_ENTERPRISE",
        actual: "none",
        message: "group grp-vp-mobility has SPE_E5 with other plans switched off than the definition",
      },
    ]);
  });

  it("an extra licence of a SKU the tenant no longer lists is named by its id", () => {
    const gone = "5B631642-BD26-49FE-BD20-1DAAA972EF80";
    expect(
      licenceDrift((live) =>
        live.groups
          .find((g) => g.id === IDS.mobility)!
          .assignedLicenses.push({ skuId: gone, disabledPlanIds: [], disabledPlanNames: [] }),
      ),
    ).toEqual([
      {
        kind: "licence-extra",
        subject: `grp-vp-mobility ${gone.toLowerCase()}`,
        expected: null,
        actual: `${gone.toLowerCase()} (disabled plans: none)`,
        message: `group grp-vp-mobility has ${gone.toLowerCase()}, which the definition does not assign`,
      },
    ]);
  });

  it("a SKU the tenant no longer sells cannot be compared, and its live licence is not called extra", () => {
    const entries = licenceDrift((live) => {
      live.skus = live.skus.filter((s) => s.skuPartNumber !== "SPE_E5");
    });
    expect(entries.map((e) => [e.kind, e.subject])).toEqual([["licence-unresolvable", "grp-vp-mobility"]]);
    expect(entries[0].message).toMatch(/SPE_E5.*; drift cannot compare it$/);
  });

  it("a department without licences has no GroupLicenses resource, so its group's licences are not compared", () => {
    const withoutLicences = {
      ...definition.departments.find((d) => d.id === "mobility")!,
      licences: [],
    };
    const live = cleanLive();
    const group = live.groups.find((g) => g.id === IDS.mobility)!;
    expect(compareLicences(definition, withoutLicences, group, indexLive(definition, live))).toEqual([]);
  });
});
