import { assignmentsRule, UPN_LOCAL } from "../../../src/config/rules/assignments";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// number-assignments alone. numbers/culture.csv: ana +34915550001 (line 2), pedro +34915550002 (line 3),
// both primary at town-hall-p0.
const CSV = "numbers/culture.csv";
const PEDRO = "pedro@villa.example,+34915550002,town-hall-p0,primary";
const pedroRow = (row: string): RuleCase["edits"] => [[CSV, PEDRO, row]];
const mobilityRow = (row: string) => ({
  "numbers/mobility.csv": `userPrincipalName,number,emergencyLocation,category\n${row}\n`,
});

describe("UPN_LOCAL: the part of a user principal name before '@'", () => {
  it.each(["ana", "ana.garcia", "o'brien", "ana_g-2", "a!#^~", "a".repeat(64)])("%j is accepted", (local) =>
    expect(UPN_LOCAL.test(local)).toBe(true),
  );
  it.each(["", ".ana", "ana.", "ana..garcia", "ana garcia", "ana+tag", "añá", "a".repeat(65)])(
    "%j is refused",
    (local) => expect(UPN_LOCAL.test(local)).toBe(false),
  );
});

describe("number-assignments", () => {
  const cases: RuleCase[] = [
    { name: "the fixture's assignments", errors: [] },
    {
      // Entra ID matches user principal names without case, across every numbers file.
      name: "a second primary number for one user, written in another case, in another file",
      write: mobilityRow("ANA@villa.example,+34915550003,town-hall-p0,primary"),
      errors: [
        "numbers/mobility.csv:2:45: category: ANA@villa.example already has a primary number at numbers/culture.csv:2 — a user has one primary number; make this one 'alternate' or 'private'",
      ],
    },
    {
      name: "a primary and an alternate number for one user",
      edits: pedroRow("ana@villa.example,+34915550002,town-hall-p0,alternate"),
      errors: [],
    },
    {
      name: "two alternate numbers for one user ('an alternate', as English has it)",
      edits: [
        [CSV, "town-hall-p0,primary\npedro", "town-hall-p0,alternate\npedro"],
        ...pedroRow("ana@villa.example,+34915550002,town-hall-p0,alternate")!,
      ],
      errors: [
        "numbers/culture.csv:3:45: category: ana@villa.example already has an alternate number at numbers/culture.csv:2 — Teams gives a user one number per category; make this one another category or remove one",
      ],
    },
    {
      name: "a verified domain written in capitals is verified",
      edits: pedroRow("pedro@VILLA.EXAMPLE,+34915550002,town-hall-p0,primary"),
      errors: [],
    },
    {
      name: "an unverified domain suggests the verified one",
      edits: pedroRow("pedro@vila.example,+34915550002,town-hall-p0,primary"),
      errors: [
        "numbers/culture.csv:3:1: userPrincipalName: pedro@vila.example is not in a verified domain (did you mean 'villa.example'?) — a user principal name must end in one of organization.verifiedDomains",
      ],
    },
    {
      name: "a malformed user principal name",
      edits: pedroRow("pedro..gil@villa.example,+34915550002,town-hall-p0,primary"),
      errors: [
        "numbers/culture.csv:3:1: userPrincipalName: pedro..gil@villa.example is not a well-formed user principal name — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'",
      ],
    },
    {
      name: "an emergency location that does not exist",
      edits: pedroRow("pedro@villa.example,+34915550002,town-hall-p1,primary"),
      errors: [
        "numbers/culture.csv:3:34: emergencyLocation: emergency location 'town-hall-p1' does not exist (did you mean 'town-hall-p0'?) — use a location id from emergencyAddresses[].locations in tenant.yaml",
      ],
    },
    {
      // Locations and domains live in tenant.yaml; the numbers files alone still show a second primary.
      name: "without a readable tenant.yaml only what the numbers files show is reported",
      edits: [
        ["tenant.yaml", "organization:", "organization: [\n"],
        ...pedroRow("ana@elsewhere.example,+34915550002,nowhere,primary")!,
      ],
      write: mobilityRow("ana@villa.example,+34915550003,town-hall-p0,primary"),
      errors: [
        "numbers/mobility.csv:2:45: category: ana@villa.example already has a primary number at numbers/culture.csv:2 — a user has one primary number; make this one 'alternate' or 'private'",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(assignmentsRule, change)).toEqual(errors),
  );
});
