import { lookalikeProblem } from "../../src/config/lookalikes";
import { problemsAfter, type RuleCase } from "./helpers/validate";

const CULTURE = "departments/culture.yaml";
const NUMBERS = "numbers/culture.csv";

describe("a look-alike character names itself, its code point and where it is", () => {
  const cases: RuleCase[] = [
    {
      name: "a Cyrillic е in a department id",
      edits: [[CULTURE, "id: culture", "id: culturе"]],
      errors: [
        "departments/culture.yaml:2:5: id: 'cultur\u0435' has U+0435 CYRILLIC SMALL LETTER IE (\u0435) at character 7, which looks like the Latin 'e' but makes a different name — retype it with 'e'",
      ],
    },
    {
      name: "a Cyrillic е in a display name (cеntro)",
      edits: [[CULTURE, "displayName: Cultura", "displayName: C\u0435ntro"]],
      errors: [
        "departments/culture.yaml:3:14: displayName: 'C\u0435ntro' has U+0435 CYRILLIC SMALL LETTER IE (\u0435) at character 2, which looks like the Latin 'e' but makes a different name — retype it with 'e'",
      ],
    },
    {
      name: "a Greek Ο in a membership value",
      edits: [[CULTURE, "values: [Cultura]", "values: [\u039Fcio]"]],
      errors: [
        "departments/culture.yaml:8:12: membership.values[0]: '\u039Fcio' has U+039F GREEK CAPITAL LETTER OMICRON (\u039F) at character 1, which looks like the Latin 'O' but makes a different name — retype it with 'O'",
      ],
    },
    {
      name: "a zero-width space in an owner",
      edits: [[CULTURE, "owners: [ana@villa.example]", "owners: [an\u200Ba@villa.example]"]],
      errors: [
        "departments/culture.yaml:5:10: owners[0]: 'an\u200Ba@villa.example' has the invisible character U+200B ZERO WIDTH SPACE at character 3, which makes it a different name than it looks — delete it (retype the value)",
        // The owner still loads, so the verified-domains rule judges it too: Entra would refuse the name anyway.
        "departments/culture.yaml:5:10: owners[0]: owner an\u200Ba@villa.example is not a user principal name Entra ID accepts, so the deployment's user lookup would fail — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'",
      ],
    },
    {
      name: "a Cyrillic а in a user principal name of a numbers file",
      edits: [[NUMBERS, "ana@villa.example,", "\u0430na@villa.example,"]],
      errors: [
        "numbers/culture.csv:2:1: userPrincipalName: '\u0430na@villa.example' has U+0430 CYRILLIC SMALL LETTER A (\u0430) at character 1, which looks like the Latin 'a' but makes a different name — retype it with 'a'",
        // The row still loads, so the UPN rule judges it too: Entra would refuse the name anyway.
        "numbers/culture.csv:2:1: userPrincipalName: \u0430na@villa.example is not a well-formed user principal name — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("what is not a look-alike", () => {
  it.each([
    ["Spanish accents and ñ", "Pequeña Agrupación Sección"],
    ["a name written wholly in Cyrillic", "Київ"],
    ["a name written wholly in Greek", "Αθήνα"],
    ["plain ASCII", "centro-1"],
  ])("%s", (_name, value) => expect(lookalikeProblem(value)).toBeUndefined());

  it("full-width letters count even alone", () => {
    expect(lookalikeProblem("\uFF43entro")).toContain("U+FF43 FULLWIDTH LATIN SMALL LETTER C");
  });
});
