import { closeSync, openSync, symlinkSync, writeSync } from "node:fs";
import { MAX_FILE_BYTES } from "../../src/config/sourceFile";
import { problemsAfter, type RuleCase } from "./helpers/validate";

const T = "tenant.yaml";
const CULTURE = "departments/culture.yaml";
const MOBILITY = "departments/mobility.yaml";
const NUMBERS = "numbers/culture.csv";
const HEADER = "userPrincipalName,number,emergencyLocation,category\n";
const ROW = "ana@villa.example,+34915550001,town-hall-p0,primary\n";

describe("files that cannot be read as a definition", () => {
  const cases: RuleCase[] = [
    {
      name: "broken YAML: an unclosed bracket",
      edits: [[CULTURE, "owners: [ana@villa.example]", "owners: [ana@villa.example"]],
      errors: [
        "departments/culture.yaml:6:1: (file): invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] — fix the syntax here (indentation, a missing ':' or an unclosed quote or bracket)",
      ],
    },
    {
      name: "broken YAML: a tab-less bad indent",
      edits: [[CULTURE, "  values: [Cultura]", "    values: [Cultura]"]],
      errors: [
        "departments/culture.yaml:7:14: (file): invalid YAML: Implicit keys need to be on a single line — fix the syntax here (indentation, a missing ':' or an unclosed quote or bracket)",
        "departments/culture.yaml:7:14: (file): invalid YAML: Nested mappings are not allowed in compact mappings — fix the syntax here (indentation, a missing ':' or an unclosed quote or bracket)",
      ],
    },
    {
      name: "a duplicate key",
      edits: [[CULTURE, "headcount: 40", "headcount: 40\nheadcount: 41"]],
      errors: [
        "departments/culture.yaml:10:1: (file): this key appears twice in the same mapping — keep one of them (YAML would silently use only one)",
      ],
    },
    {
      name: "a YAML file that is a list, not a mapping",
      write: { [MOBILITY]: "- id: mobility\n" },
      errors: [
        "departments/mobility.yaml:1:1: (file): the file must be a YAML mapping of fields (key: value) — see docs/config-reference.md for its fields",
      ],
    },
    {
      name: "a CSV with a missing column",
      write: { [NUMBERS]: "userPrincipalName,number,category\nana@villa.example,+34915550001,primary\n" },
      errors: [
        "numbers/culture.csv:1:1: header.emergencyLocation: missing column 'emergencyLocation' — the first line must be: userPrincipalName,number,emergencyLocation,category",
      ],
    },
    {
      name: "a CSV with an extra column",
      write: { [NUMBERS]: `userPrincipalName,number,emergencyLocation,category,notes\n${ROW}` },
      errors: [
        "numbers/culture.csv:1:53: header.notes: unknown column 'notes' — the columns are: userPrincipalName,number,emergencyLocation,category",
      ],
    },
    {
      name: "a CSV with a repeated column",
      write: { [NUMBERS]: `userPrincipalName,number,number,emergencyLocation,category\n${ROW}` },
      errors: ["numbers/culture.csv:1:26: header.number: column 'number' appears twice — keep one"],
    },
    {
      name: "a CSV with a stray quote",
      write: { [NUMBERS]: `${HEADER}${ROW}pedro@villa.example,+349155"50002,town-hall-p0,primary\n` },
      errors: [
        'numbers/culture.csv:3:1: (file): a quote appears inside an unquoted field — put quotes only around whole fields and double a quote inside one ("")',
      ],
    },
    {
      name: "a CSV with an unclosed quote",
      write: { [NUMBERS]: `${HEADER}${ROW}"pedro@villa.example,+34915550002,town-hall-p0,primary\n` },
      errors: [
        'numbers/culture.csv:3:1: (file): a quoted field is never closed — put quotes only around whole fields and double a quote inside one ("")',
      ],
    },
    {
      name: "CSV rows with too few and too many fields: every such row is reported",
      write: {
        [NUMBERS]: `${HEADER}ana@villa.example,+34915550001,primary\n${ROW}pedro@villa.example,+34915550002,town-hall-p0,primary,x\n`,
      },
      errors: [
        "numbers/culture.csv:2:1: row 2: has 3 fields, the header has 4 — write one value per column, separated by commas",
        "numbers/culture.csv:4:1: row 4: has 5 fields, the header has 4 — write one value per column, separated by commas",
      ],
    },
    {
      name: "a CSV with quoted fields and spaces is fine, and a bad value is anchored at its column",
      write: {
        [NUMBERS]: `${HEADER}"ana@villa.example", +34915550001 ,town-hall-p0,primary\npedro@villa.example,+34 91 555 00 02,town-hall-p0,main\n`,
      },
      errors: [
        "numbers/culture.csv:3:21: number: \"+34 91 555 00 02\" must be an E.164 number: '+', the country code and 7 to 14 more digits, no spaces — correct the value",
        'numbers/culture.csv:3:51: category: "main" is not allowed — use one of: primary, private, alternate',
      ],
    },
    {
      name: "an empty file",
      write: { [MOBILITY]: "" },
      errors: ["departments/mobility.yaml:1:1: (file): file is empty — add its content or delete the file"],
    },
    {
      name: "a file of blank lines and spaces",
      write: { [NUMBERS]: "\n   \n" },
      errors: ["numbers/culture.csv:1:1: (file): file is empty — add its content or delete the file"],
    },
    {
      name: "a file that is not UTF-8 (latin1)",
      write: { [MOBILITY]: Buffer.from("id: mobility\ndisplayName: Movilidad Pequeña\n", "latin1") },
      errors: [
        "departments/mobility.yaml:2:29: (file): file is not valid UTF-8 — save it as UTF-8 (for example: iconv -f latin1 -t utf-8 FILE > FILE.utf8)",
      ],
    },
    {
      name: "a UTF-8 byte-order mark is accepted",
      write: { [NUMBERS]: `\uFEFF${HEADER}${ROW}` },
      errors: [],
    },
    {
      name: "an unknown key suggests the closest",
      edits: [[CULTURE, "headcount: 40", "headcont: 40"]],
      errors: [
        "departments/culture.yaml:2:1: headcount: required field is missing — add 'headcount' (a number)",
        "departments/culture.yaml:9:1: headcont: unknown field 'headcont' — remove it or correct the spelling (did you mean 'headcount'?)",
      ],
    },
    {
      name: "an unknown key with no close match lists the allowed keys",
      edits: [[T, "  logRetentionDays: 90", "  logRetentionDays: 90\n  colour: blue"]],
      errors: [
        "tenant.yaml:35:3: landingZone.colour: unknown field 'colour' — remove it or correct the spelling (allowed here: managementGroups, primaryRegion, allowedRegions, addressPlan, hub, logRetentionDays, platformSubscriptions, defender, propagationWaitSeconds, serviceHealthAlerts, departmentSubscriptions)",
      ],
    },
    {
      name: "a wrong type",
      edits: [[CULTURE, "headcount: 40", "headcount: forty"]],
      errors: [
        'departments/culture.yaml:9:12: headcount: expected a number, found string "forty" — write a number here',
      ],
    },
    {
      name: "a list where a scalar belongs",
      edits: [[CULTURE, "costCenter: CC-100", "costCenter: [CC-100]"]],
      errors: [
        "departments/culture.yaml:4:13: costCenter: expected a string, found a list — write a string here",
      ],
    },
    {
      name: "a missing required field",
      edits: [[CULTURE, "costCenter: CC-100\n", ""]],
      errors: [
        "departments/culture.yaml:2:1: costCenter: required field is missing — add 'costCenter' (a string)",
      ],
    },
    {
      name: "a value outside an enumeration",
      write: { [NUMBERS]: `${HEADER}ana@villa.example,+34915550001,town-hall-p0,main\n` },
      errors: [
        'numbers/culture.csv:2:45: category: "main" is not allowed — use one of: primary, private, alternate',
      ],
    },
    {
      name: "a .yml file in departments/",
      write: { "departments/parks.yml": "id: parks\n" },
      errors: [
        "departments/parks.yml:1:1: (file): unexpected file in departments/ — only *.yaml files belong here; rename it to end in .yaml or move it elsewhere",
      ],
    },
    {
      name: "a missing tenant.yaml",
      remove: [T],
      errors: [
        "tenant.yaml:1:1: (file): tenant.yaml is missing — every definition folder needs one (see docs/config-reference.md)",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("one run reports every problem", () => {
  it("reports broken YAML, a bad CSV, a non-UTF-8 file and a schema error together, sorted by file", () => {
    const lines = problemsAfter({
      edits: [[T, "  shortName: vp", "  shortName: vp\n  shortName: vp2"]],
      write: {
        [CULTURE]: Buffer.from("id: culture\ndisplayName: Cultura Pequeña\n", "latin1"),
        [NUMBERS]: `${HEADER}ana@villa.example,+34915550001\n`,
        "departments/parks.yaml": "id: parks\n",
      },
    });
    expect(lines).toEqual([
      "departments/culture.yaml:2:27: (file): file is not valid UTF-8 — save it as UTF-8 (for example: iconv -f latin1 -t utf-8 FILE > FILE.utf8)",
      "departments/parks.yaml:1:1: budget: required field is missing — add 'budget' (a mapping)",
      "departments/parks.yaml:1:1: costCenter: required field is missing — add 'costCenter' (a string)",
      "departments/parks.yaml:1:1: displayName: required field is missing — add 'displayName' (a string)",
      "departments/parks.yaml:1:1: headcount: required field is missing — add 'headcount' (a number)",
      "departments/parks.yaml:1:1: membership: required field is missing — add 'membership'",
      "departments/parks.yaml:1:1: network: required field is missing — add 'network' (a mapping)",
      "departments/parks.yaml:1:1: owners: required field is missing — add 'owners' (a list)",
      "numbers/culture.csv:2:1: row 2: has 2 fields, the header has 4 — write one value per column, separated by commas",
      "tenant.yaml:5:3: (file): this key appears twice in the same mapping — keep one of them (YAML would silently use only one)",
    ]);
  });
});

describe("the size limit", () => {
  it("refuses a file over 16 MB without reading it", () => {
    const lines = problemsAfter({
      prepare: (path) => {
        // A sparse file: only the size counts, and writing one byte past the limit is instant.
        const fd = openSync(path(NUMBERS), "w");
        writeSync(fd, "x", MAX_FILE_BYTES + 4 * 1024 * 1024);
        closeSync(fd);
      },
    });
    expect(lines).toEqual([
      "numbers/culture.csv:1:1: (file): file is 20.0 MB, over the 16 MB limit — split it (one file per department) or remove what does not belong",
    ]);
  });
});

describe("a file that cannot be opened", () => {
  it("reports a dangling link as a link, without following it, and still checks the other files", () => {
    const lines = problemsAfter({
      prepare: (path) => symlinkSync(path("departments/gone-elsewhere.yaml"), path("departments/ghost.yaml")),
    });
    expect(lines).toEqual([
      "departments/ghost.yaml:1:1: (file): this is a symbolic link, not a regular file — a definition folder holds only regular files and folders (links are never followed); replace it with the file itself",
    ]);
  });
});
