import { problemsAfter, type RuleCase } from "../helpers/validate";

const T = "tenant.yaml";
const CULTURE = "departments/culture.yaml";
const MOBILITY = "departments/mobility.yaml";
const NUMBERS = "numbers/culture.csv";
const HEADER = "userPrincipalName,number,emergencyLocation,category\n";

/** A second building with its own location, after the first. */
const ANNEX = [
  T,
  "        name: Planta baja\n",
  '        name: Planta baja\n  - id: annex\n    companyName: Ayuntamiento\n    houseNumber: "2"\n    streetName: Calle Mayor\n    city: Villa Pequeña\n    postalCode: "28001"\n    countryOrRegion: ES\n    latitude: 40.4169\n    longitude: -3.7035\n    locations:\n      - id: annex-p1\n        name: Planta 1\n',
] as const;

/** Appends a range after `main` (the last block of tenant.yaml). */
const range = (id: string, start: string, end: string) =>
  [
    T,
    '    end: "+34915559999"\n',
    `    end: "+34915559999"\n  - id: ${id}\n    type: callingPlan\n    start: "${start}"\n    end: "${end}"\n`,
  ] as const;

describe("emergency-addresses", () => {
  const cases: RuleCase[] = [
    { name: "two buildings with distinct ids and locations are valid", edits: [ANNEX], errors: [] },
    {
      name: "a duplicate address id",
      edits: [ANNEX, [T, "  - id: annex\n", "  - id: town-hall\n"]],
      errors: [
        "tenant.yaml:89:9: emergencyAddresses[1].id: emergency address id 'town-hall' is already used at tenant.yaml:77 — give each building its own id",
      ],
    },
    {
      name: "a location id repeated under another address",
      edits: [ANNEX, [T, "      - id: annex-p1\n", "      - id: town-hall-p0\n"]],
      errors: [
        "tenant.yaml:99:13: emergencyAddresses[1].locations[0].id: emergency location id 'town-hall-p0' is already used at tenant.yaml:87 — location ids are unique across all addresses, because the numbers files name only the location",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("number-ranges", () => {
  const cases: RuleCase[] = [
    {
      name: "an adjacent range is valid",
      edits: [range("annex", "+34915560000", "+34915569999")],
      errors: [],
    },
    {
      name: "a duplicate range id",
      edits: [range("main", "+34915560000", "+34915569999")],
      errors: [
        "tenant.yaml:94:9: numberRanges[1].id: range id 'main' is already used at tenant.yaml:90 — give each number range its own id",
      ],
    },
    {
      name: "an end that is not a valid number",
      edits: [range("annex", "+34915560000", "+34015569999")],
      errors: [
        "tenant.yaml:97:10: numberRanges[1].end: +34015569999 is not a valid ES number: no number of that length starts with these digits — check the digits after +34",
      ],
    },
    {
      name: "an end with a digit too many",
      edits: [[T, 'end: "+34915559999"', 'end: "+349155599990"']],
      errors: [
        "tenant.yaml:93:10: numberRanges[0].end: +349155599990 has too many digits for ES (+34) — check for an extra digit",
      ],
    },
    {
      // Spanish numbers all have nine digits, so only a country without a known plan reaches this check.
      name: "ends of different lengths",
      edits: [
        [T, "country: ES", "country: AQ"],
        [T, 'end: "+34915559999"', 'end: "+3491555999"'],
      ],
      errors: [
        "tenant.yaml:7:12: organization.country: 'AQ' has no known telephone numbering plan — use the ISO 3166-1 alpha-2 code of the organisation's country, such as ES",
        "tenant.yaml:93:10: numberRanges[0].end: end +3491555999 has 10 digits but start +34915550000 has 11 — write both ends with the same number of digits",
      ],
    },
    {
      name: "an end before the start",
      edits: [range("annex", "+34915569999", "+34915560000")],
      errors: [
        "tenant.yaml:97:10: numberRanges[1].end: end +34915560000 comes before start +34915569999 — swap them or correct the end",
      ],
    },
    {
      name: "overlapping ranges",
      edits: [range("annex", "+34915559000", "+34915569999")],
      errors: [
        "tenant.yaml:96:12: numberRanges[1].start: range 'annex' overlaps range 'main' (tenant.yaml:92) — each number must belong to one range; narrow one of them",
      ],
    },
    {
      name: "a department naming an undeclared range",
      edits: [[MOBILITY, "network:", "numberRanges: [mian]\nnetwork:"]],
      errors: [
        "departments/mobility.yaml:13:16: numberRanges[0]: number range 'mian' does not exist (did you mean 'main'?) — name a range declared under numberRanges in tenant.yaml",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("phone-numbers", () => {
  const cases: RuleCase[] = [
    {
      name: "numbers in the department's ranges, one a mobile number, are valid",
      edits: [
        range("mobiles", "+34600000000", "+34600000999"),
        [CULTURE, "numberRanges: [main]", "numberRanges: [main, mobiles]"],
      ],
      write: {
        [NUMBERS]: `${HEADER}ana@villa.example,+34915550001,town-hall-p0,primary\nana@villa.example,+34600000001,town-hall-p0,alternate\n`,
      },
      errors: [],
    },
    {
      name: "a number with a prefix Spain does not use",
      write: { [NUMBERS]: `${HEADER}ana@villa.example,+34015550001,town-hall-p0,primary\n` },
      errors: [
        "numbers/culture.csv:2:19: number: +34015550001 is not a valid ES number: no number of that length starts with these digits — check the digits after +34",
      ],
    },
    {
      name: "a number one digit short",
      write: { [NUMBERS]: `${HEADER}ana@villa.example,+3491555000,town-hall-p0,primary\n` },
      errors: [
        "numbers/culture.csv:2:19: number: +3491555000 has too few digits for ES (+34) — check for a missing digit",
      ],
    },
    {
      name: "a number of another country",
      write: { [NUMBERS]: `${HEADER}ana@villa.example,+33142685300,town-hall-p0,primary\n` },
      errors: [
        "numbers/culture.csv:2:19: number: +33142685300 is a number of FR, not of ES (the organisation's country, calling code +34) — use a +34 number",
      ],
    },
    {
      name: "a country without a numbering plan",
      edits: [[T, "country: ES", "country: AQ"]],
      errors: [
        "tenant.yaml:7:12: organization.country: 'AQ' has no known telephone numbering plan — use the ISO 3166-1 alpha-2 code of the organisation's country, such as ES",
      ],
    },
    {
      name: "a number in another department's range",
      edits: [
        range("mobility", "+34914800000", "+34914809999"),
        [MOBILITY, "network:", "numberRanges: [mobility]\nnetwork:"],
      ],
      write: { [NUMBERS]: `${HEADER}ana@villa.example,+34914800012,town-hall-p0,primary\n` },
      errors: [
        "numbers/culture.csv:2:19: number: +34914800012 is in range 'mobility' (+34914800000–+34914809999), which belongs to 'mobility', not to 'culture' — use a number from culture's own ranges, or move the row to the right file",
      ],
    },
    {
      name: "a number in a declared range the department does not list",
      edits: [range("reserve", "+34914800000", "+34914809999")],
      write: { [NUMBERS]: `${HEADER}ana@villa.example,+34914800012,town-hall-p0,primary\n` },
      errors: [
        "numbers/culture.csv:2:19: number: +34914800012 is in range 'reserve' (+34914800000–+34914809999), which 'culture' does not list in numberRanges — add the range to departments/culture.yaml or use a number from its ranges",
      ],
    },
    {
      name: "a number in no declared range",
      write: { [NUMBERS]: `${HEADER}ana@villa.example,+34914800012,town-hall-p0,primary\n` },
      errors: [
        "numbers/culture.csv:2:19: number: +34914800012 is in no declared range — use a number from culture's ranges ('main' (+34915550000–+34915559999)), or declare its range in tenant.yaml",
      ],
    },
    {
      name: "a number of a department that lists no range",
      write: { "numbers/mobility.csv": `${HEADER}luis@villa.example,+34914800012,town-hall-p0,primary\n` },
      errors: [
        "numbers/mobility.csv:2:20: number: +34914800012 cannot be assigned: department 'mobility' lists no numberRanges — add the range it comes from to departments/mobility.yaml",
      ],
    },
    {
      name: "a number in another department's range, in a department that lists none",
      write: { "numbers/mobility.csv": `${HEADER}luis@villa.example,+34915550003,town-hall-p0,primary\n` },
      errors: [
        "numbers/mobility.csv:2:20: number: +34915550003 is in range 'main' (+34915550000–+34915559999), which belongs to 'culture', not to 'mobility' — use a number from mobility's own ranges, or move the row to the right file",
      ],
    },
    {
      name: "a number assigned twice: in the same file and in another (whose department wrongly shares the range)",
      edits: [[MOBILITY, "network:", "numberRanges: [main]\nnetwork:"]],
      write: {
        [NUMBERS]: `${HEADER}ana@villa.example,+34915550001,town-hall-p0,primary\npedro@villa.example,+34915550001,town-hall-p0,primary\n`,
        "numbers/mobility.csv": `${HEADER}luis@villa.example,+34915550001,town-hall-p0,primary\n`,
      },
      errors: [
        "departments/mobility.yaml:13:16: numberRanges[0]: number range 'main' is already claimed by departments/culture.yaml:17 — each range belongs to one department: ask the platform team for a range of your own in tenant.yaml",
        "numbers/culture.csv:3:21: number: +34915550001 is already assigned to ana@villa.example at numbers/culture.csv:2 — a number belongs to one user; remove one of the rows",
        "numbers/mobility.csv:2:20: number: +34915550001 is already assigned to ana@villa.example at numbers/culture.csv:2 — a number belongs to one user; remove one of the rows",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("number-assignments", () => {
  const cases: RuleCase[] = [
    {
      name: "a user with one primary and other categories, at a second building, is valid",
      edits: [ANNEX],
      write: {
        [NUMBERS]: `${HEADER}ana@villa.example,+34915550001,town-hall-p0,primary\nAna@Villa.Example,+34915550002,annex-p1,private\nana@villa.example,+34915550003,annex-p1,alternate\n`,
      },
      errors: [],
    },
    {
      name: "a second primary number across files, with the UPN in another case",
      edits: [
        range("mobility-dr", "+34600000000", "+34600000999"),
        [MOBILITY, "network:", "numberRanges: [mobility-dr]\nnetwork:"],
      ],
      write: { "numbers/mobility.csv": `${HEADER}ANA@villa.example,+34600000003,town-hall-p0,primary\n` },
      errors: [
        "numbers/mobility.csv:2:45: category: ANA@villa.example already has a primary number at numbers/culture.csv:2 — a user has one primary number; make this one 'alternate' or 'private'",
      ],
    },
    {
      name: "a second private number for the same user (Teams refuses it)",
      write: {
        [NUMBERS]: `${HEADER}ana@villa.example,+34915550001,town-hall-p0,primary\nana@villa.example,+34915550002,town-hall-p0,private\nana@villa.example,+34915550003,town-hall-p0,private\n`,
      },
      errors: [
        "numbers/culture.csv:4:45: category: ana@villa.example already has a private number at numbers/culture.csv:3 — Teams gives a user one number per category; make this one another category or remove one",
      ],
    },
    {
      name: "an emergency location that does not exist",
      write: { [NUMBERS]: `${HEADER}ana@villa.example,+34915550001,town-hall-p1,primary\n` },
      errors: [
        "numbers/culture.csv:2:32: emergencyLocation: emergency location 'town-hall-p1' does not exist (did you mean 'town-hall-p0'?) — use a location id from emergencyAddresses[].locations in tenant.yaml",
      ],
    },
    {
      name: "a UPN outside the verified domains",
      write: { [NUMBERS]: `${HEADER}ana@vila.example,+34915550001,town-hall-p0,primary\n` },
      errors: [
        "numbers/culture.csv:2:1: userPrincipalName: ana@vila.example is not in a verified domain (did you mean 'villa.example'?) — a user principal name must end in one of organization.verifiedDomains",
      ],
    },
    {
      name: "a malformed UPN",
      write: { [NUMBERS]: `${HEADER}ana..gil@villa.example,+34915550001,town-hall-p0,primary\n` },
      errors: [
        "numbers/culture.csv:2:1: userPrincipalName: ana..gil@villa.example is not a well-formed user principal name — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});
