import { formatDiagnostic } from "../../../src/config/diagnostics";
import { validateDefinition } from "../../../src/config/validate";
import { DefinitionFixture } from "../../helpers/definitionFixture";
import { numberedAccountEdits } from "../helpers/numberedAccount";

const LEDGER = "numbers/released.csv";
const HEADER = "number,releasedOn,department,userPrincipalName\n";
const TODAY = "2026-06-01";

/** Validates a copy of the minimal fixture with `files` written, judged on `today`. */
function problems(
  files: Record<string, string>,
  edits: readonly (readonly [string, string, string])[] = [],
  today = TODAY,
): string[] {
  const fixture = new DefinitionFixture();
  try {
    for (const [file, text] of Object.entries(files)) fixture.write(file, text);
    for (const [file, from, to] of edits) fixture.edit(file, from, to);
    return validateDefinition(fixture.dir, fixture.dir, { today }).diagnostics.map(formatDiagnostic);
  } finally {
    fixture.remove();
  }
}

describe("released-numbers", () => {
  it.each([
    [
      "a ledger with an empty user and a past release is valid",
      `${HEADER}+34915550100,2026-01-05,culture,\n`,
    ],
    [
      "a number whose quarantine ended may be assigned again",
      `${HEADER}+34915550001,2026-03-03,culture,old@villa.example\n`,
    ],
  ])("%s", (_name, ledger) => expect(problems({ [LEDGER]: ledger })).toEqual([]));

  it("a number still in quarantine must not be assigned: names both places and the first free day", () => {
    expect(
      problems({
        [LEDGER]: `${HEADER}+34915550009,2026-01-01,culture,\n+34915550002,2026-03-04,culture,old@villa.example\n`,
      }),
    ).toEqual([
      "numbers/culture.csv:3:21: number: +34915550002 was released on 2026-03-04 (numbers/released.csv:3) and is in quarantine until 2026-06-01 — assign it again on 2026-06-02 or later, or pick a free number with 'npx tenant numbers allocate'",
    ]);
  });

  it("a resource account's public number is held to the same quarantine", () => {
    expect(
      problems({ [LEDGER]: `${HEADER}+34915550100,2026-05-20,culture,\n` }, numberedAccountEdits),
    ).toEqual([
      "departments/culture.yaml:28:15: phoneServices.resourceAccounts[0].number: +34915550100 was released on 2026-05-20 (numbers/released.csv:2) and is in quarantine until 2026-08-17 — assign it again on 2026-08-18 or later, or pick a free number with 'npx tenant numbers allocate'",
    ]);
  });

  it("numbering.quarantineDays sets the length of quarantine", () => {
    const ledger = { [LEDGER]: `${HEADER}+34915550002,2026-05-01,culture,\n` };
    const days = (n: number): [string, string, string] => [
      "tenant.yaml",
      "numberRanges:\n",
      `numbering:\n  quarantineDays: ${n}\nnumberRanges:\n`,
    ];
    expect(problems(ledger, [days(31)])).toEqual([]);
    expect(problems(ledger, [days(32)])).toEqual([
      "numbers/culture.csv:3:21: number: +34915550002 was released on 2026-05-01 (numbers/released.csv:2) and is in quarantine until 2026-06-01 — assign it again on 2026-06-02 or later, or pick a free number with 'npx tenant numbers allocate'",
    ]);
  });

  it("a release in the future and a number outside every range are reported at the ledger row", () => {
    expect(
      problems({ [LEDGER]: `${HEADER}+34915550100,2026-06-02,culture,\n+34917000012,2026-01-01,culture,\n` }),
    ).toEqual([
      "numbers/released.csv:2:14: releasedOn: 2026-06-02 is in the future (today is 2026-06-01) — write the day the number was actually released",
      "numbers/released.csv:3:1: number: +34917000012 is in no declared range — only numbers of the city's ranges can be released; correct the number or remove the row",
    ]);
  });

  it("ledger rows are checked against their schema: dates of the calendar, e-mail or empty user", () => {
    expect(problems({ [LEDGER]: `${HEADER}+34915550100,2026-02-30,culture,ana\n` })).toEqual([
      'numbers/released.csv:2:14: releasedOn: "2026-02-30" is not a day of the calendar (check the day and the month) — correct the value',
      'numbers/released.csv:2:33: userPrincipalName: "ana" must be an e-mail address or user principal name such as ana@city.example — correct the value',
    ]);
  });

  it("the ledger is not a department's numbers file, and no department may be called 'released'", () => {
    const released = problems({}, [["departments/mobility.yaml", "id: mobility", "id: released"]]);
    expect(released).toContain(
      "departments/mobility.yaml:2:5: id: department id 'released' is reserved: numbers/released.csv is the released-numbers ledger — choose another id",
    );
  });
});
