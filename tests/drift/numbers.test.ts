import type { TenantDefinition } from "../../src/config/definition";
import { validateDefinition } from "../../src/config/validate";
import { indexLive } from "../../src/drift/liveIndex";
import { compareNumbers } from "../../src/drift/numbers";
import type { LiveTenant } from "../../src/live/snapshot";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { cleanLive, IDS } from "./helpers/liveFixture";

// compareNumbers alone, for culture: ana +34915550001 and pedro +34915550002, both primary at town-hall-p0,
// in range 'main'. The live inventory also holds +34915550000 and +34915550003, unassigned.
let definition: TenantDefinition;
beforeAll(() => {
  const result = validateDefinition(MINIMAL_FIXTURE);
  expect(result.diagnostics).toEqual([]);
  definition = result.definition!;
});

function numberDrift(change: (live: LiveTenant) => void, defined = ["+34915550001", "+34915550002"]) {
  const live = cleanLive();
  change(live);
  const culture = definition.departments.find((d) => d.id === "culture")!;
  return compareNumbers(definition, culture, indexLive(definition, live), new Set(defined)).map(
    ({ kind, subject, expected, actual, message }) => ({ kind, subject, expected, actual, message }),
  );
}

const inventory = (live: LiveTenant, tel: string) => live.numbers.find((n) => n.telephoneNumber === tel)!;

describe("compareNumbers", () => {
  it("the numbers as `pulumi up` leaves them", () => expect(numberDrift(() => {})).toEqual([]));

  it("a LIS location the definition does not know is shown by its id", () => {
    expect(numberDrift((live) => (inventory(live, "+34915550002").locationId = "lis-unknown"))).toEqual([
      {
        kind: "number-location",
        subject: "+34915550002",
        expected: "town-hall-p0",
        actual: "LIS location lis-unknown",
        message:
          "+34915550002 (pedro@villa.example) has emergency location LIS location lis-unknown; the definition says town-hall-p0",
      },
    ]);
  });

  it("no location at all reads 'none'", () => {
    const [entry] = numberDrift((live) => (inventory(live, "+34915550002").locationId = null));
    expect([entry.kind, entry.actual, entry.message]).toEqual([
      "number-location",
      null,
      "+34915550002 (pedro@villa.example) has emergency location none; the definition says town-hall-p0",
    ]);
  });

  it("without a category in the inventory, the user's configuration says it", () => {
    const entries = numberDrift((live) => {
      inventory(live, "+34915550002").assignmentCategory = null;
      live.userConfigurations.find((c) => c.id === IDS.pedro)!.telephoneNumbers[0].assignmentCategory =
        "private";
    });
    expect(entries.map((e) => [e.kind, e.expected, e.actual])).toEqual([
      ["number-category", "primary", "private"],
    ]);
  });

  it("with no category anywhere, the category is not judged", () => {
    const entries = numberDrift((live) => {
      inventory(live, "+34915550002").assignmentCategory = null;
      live.userConfigurations = live.userConfigurations.filter((c) => c.id !== IDS.pedro);
    });
    expect(entries).toEqual([]);
  });

  it("a holder the tenant's users do not include is named by id", () => {
    const stranger = "99999999-0000-4000-8000-000000000000";
    const [entry] = numberDrift((live) => (inventory(live, "+34915550002").assignmentTargetId = stranger));
    expect([entry.kind, entry.expected]).toEqual(["number-other-user", "pedro@villa.example"]);
    expect(entry.actual).toContain(stranger);
  });

  it("a number of culture's range held live is drift only when no department's file has it", () => {
    const assignToLuis = (live: LiveTenant) => {
      Object.assign(inventory(live, "+34915550003"), {
        assignmentStatus: "userAssigned",
        assignmentTargetId: IDS.luis,
        assignmentCategory: "primary",
      });
    };
    expect(numberDrift(assignToLuis)).toEqual([
      {
        kind: "number-not-in-definition",
        subject: "+34915550003",
        expected: null,
        actual: "luis@villa.example",
        message:
          "+34915550003 of a culture range is assigned to luis@villa.example but is in no numbers file",
      },
    ]);
    // Another department's file has it: the phone-numbers rule, not drift, judges whose range it is.
    expect(numberDrift(assignToLuis, ["+34915550001", "+34915550002", "+34915550003"])).toEqual([]);
  });
});
