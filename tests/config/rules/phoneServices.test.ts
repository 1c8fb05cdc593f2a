import { phoneServicesRule } from "../../../src/config/rules/phoneServices";
import { callLoops, firstOverlap, isRealDate } from "../../../src/config/rules/phoneServices";
import { departmentPhoneServicesSchema } from "../../../src/config/schema/phoneServices";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// phone-services alone: a department's attendants, queues and resource accounts, and tenant.yaml's schedules.
const CULTURE = "departments/culture.yaml";
const MOBILITY = "departments/mobility.yaml";
const TENANT = "tenant.yaml";
const LAST_CULTURE_LINE = "  contacts: [ana@villa.example]";
const LAST_TENANT_LINE = 'end: "+34915559999"';

const SERVICES = `
phoneServices:
  resourceAccounts:
    - userPrincipalName: ra-culture-line@villa.example
      displayName: Línea de Cultura
      answers: { autoAttendant: line }
      number: "+34915550100"
  autoAttendants:
    - name: line
      language: es-ES
      greeting: Bienvenido
      menu:
        options:
          - { key: "1", to: { callQueue: desk } }
      businessHours: { schedule: office }
      afterHours: { greeting: Cerrado }
      holidays:
        - { calendar: villa-2027, greeting: Festivo }
  callQueues:
    - name: desk
      agents: department
`;
const SCHEDULES = `
phoneSchedules:
  holidayCalendars:
    - name: villa-2027
      entries:
        - { date: 2027-05-15, name: San Isidro }
  schedules:
    - name: office
      weekly:
        monday: [09:00-14:00]
`;
/** The department's services (line 23 on), the tenant's schedules, and 2 resource-account seats. */
const BASE: RuleCase["edits"] = [
  [CULTURE, LAST_CULTURE_LINE, LAST_CULTURE_LINE + SERVICES],
  [TENANT, LAST_TENANT_LINE, LAST_TENANT_LINE + SCHEDULES],
  [TENANT, "  skus:\n", "  skus:\n    - partNumber: PHONESYSTEM_VIRTUALUSER\n      seats: 2\n"],
];
const edit = (file: string, from: string, to: string): RuleCase["edits"] => [...BASE!, [file, from, to]];

describe("phone-services", () => {
  const cases: RuleCase[] = [
    { name: "no phone services at all", errors: [] },
    { name: "a valid set", edits: BASE, errors: [] },
    {
      name: "a resource account without the department's prefix",
      edits: edit(CULTURE, "ra-culture-line@", "line@"),
      errors: [
        "departments/culture.yaml:25:26: phoneServices.resourceAccounts[0].userPrincipalName: resource account line@villa.example must be named ra-culture-…@… — the prefix keeps one department from taking another's account; rename it",
      ],
    },
    {
      name: "a resource account outside the verified domains",
      edits: edit(CULTURE, "ra-culture-line@villa.example", "ra-culture-line@gmail.com"),
      errors: [
        "departments/culture.yaml:25:26: phoneServices.resourceAccounts[0].userPrincipalName: resource account ra-culture-line@gmail.com is not in a verified domain ('villa.example') — use an address in organization.verifiedDomains",
      ],
    },
    {
      name: "a number outside the department's ranges",
      edits: edit(CULTURE, '"+34915550100"', '"+34917000100"'),
      errors: [
        "departments/culture.yaml:28:15: phoneServices.resourceAccounts[0].number: +34917000100 is not in a range department 'culture' lists in numberRanges — use one of its own numbers",
      ],
    },
    {
      name: "a number a user already has",
      edits: edit(CULTURE, '"+34915550100"', '"+34915550001"'),
      errors: [
        "departments/culture.yaml:28:15: phoneServices.resourceAccounts[0].number: +34915550001 is already assigned at numbers/culture.csv:2 — a number belongs to one user or resource account; choose a free one",
      ],
    },
    {
      name: "a menu option to a queue the department does not have, with a suggestion",
      edits: edit(CULTURE, "callQueue: desk } }", "callQueue: dsk } }"),
      errors: [
        "departments/culture.yaml:35:42: phoneServices.autoAttendants[0].menu.options[0].to.callQueue: call queue 'dsk' is not one of this department's (did you mean 'desk'?) — declare it under phoneServices, or fix the name",
      ],
    },
    {
      name: "business hours from a schedule tenant.yaml does not have",
      edits: edit(CULTURE, "schedule: office", "schedule: oficina"),
      errors: [
        "departments/culture.yaml:36:34: phoneServices.autoAttendants[0].businessHours.schedule: schedule 'oficina' is not in tenant.yaml phoneSchedules.schedules (declared: 'office') — ask the platform team to add it, or use weekly hours",
      ],
    },
    {
      name: "holidays from a calendar tenant.yaml does not have",
      edits: edit(CULTURE, "calendar: villa-2027", "calendar: villa-2026"),
      errors: [
        "departments/culture.yaml:39:23: phoneServices.autoAttendants[0].holidays[0].calendar: holiday calendar 'villa-2026' is not in tenant.yaml phoneSchedules.holidayCalendars (did you mean 'villa-2027'?) — ask the platform team to add it, or fix the name",
      ],
    },
    {
      name: "after hours without business hours",
      edits: edit(CULTURE, "      businessHours: { schedule: office }\n", ""),
      errors: [
        "departments/culture.yaml:36:19: phoneServices.autoAttendants[0].afterHours: afterHours has no effect without businessHours — add businessHours, or remove afterHours",
      ],
    },
    {
      name: "a queue that overflows into itself, with no account to reach it by",
      edits: edit(
        CULTURE,
        "      agents: department\n",
        "      agents: department\n      overflow: { threshold: 10, action: forward, to: { callQueue: desk } }\n",
      ),
      errors: [
        "departments/culture.yaml:43:55: phoneServices.callQueues[0].overflow.to: a queue's overflow or timeout reaches a call queue only through a resource account, and none answers for 'desk' — add a resource account with answers: { callQueue: desk }",
        "departments/culture.yaml:43:55: phoneServices.callQueues[0].overflow.to: call queue 'desk' sends its overflow calls back to itself, so they never leave — forward them elsewhere, to voicemail, or disconnect",
      ],
    },
    {
      name: "a forward without a target",
      edits: edit(
        CULTURE,
        "      agents: department\n",
        "      agents: department\n      timeout: { seconds: 60, action: forward }\n",
      ),
      errors: [
        "departments/culture.yaml:43:39: phoneServices.callQueues[0].timeout.action: action forward needs a target in 'to' — add one",
      ],
    },
    {
      name: "a queue of the department group when the department has nobody",
      edits: edit(CULTURE, "headcount: 40", "headcount: 0"),
      errors: [
        "departments/culture.yaml:42:15: phoneServices.callQueues[0].agents: call queue 'desk' takes its agents from the department group, but 'culture' has headcount 0, so nobody answers — name agents, or give the department people",
      ],
    },
    {
      name: "another department's person as an operator",
      edits: [
        ...BASE!,
        [
          MOBILITY,
          "  contacts: [luis@villa.example]",
          "  contacts: [luis@villa.example]\nphoneServices:\n  autoAttendants:\n    - name: line\n      language: es-ES\n      operator: { user: ana@villa.example }\n",
        ],
      ],
      errors: [
        "departments/mobility.yaml:22:25: phoneServices.autoAttendants[0].operator.user: ana@villa.example is a person of department 'culture' (its numbers file) — a department's phone services may only reach its own people; use a call queue, or ask 'culture'",
      ],
    },
    {
      name: "a person in no numbers file as operator and as agent",
      edits: [
        ...BASE!,
        [
          CULTURE,
          "      greeting: Bienvenido\n",
          "      greeting: Bienvenido\n      operator: { user: nadie@villa.example }\n",
        ],
        [
          CULTURE,
          "      agents: department\n",
          "      agents: { users: [ana@villa.example, nadie@villa.example] }\n",
        ],
      ],
      errors: [
        "departments/culture.yaml:33:25: phoneServices.autoAttendants[0].operator.user: nadie@villa.example is in no row of numbers/culture.csv — calls reach only a person this definition gives a Teams number (so the apply can find and voice-enable them); add a row for them, or route to a call queue",
        "departments/culture.yaml:43:44: phoneServices.callQueues[0].agents.users[1]: nadie@villa.example is in no row of numbers/culture.csv — calls reach only a person this definition gives a Teams number (so the apply can find and voice-enable them); add a row for them, or route to a call queue",
      ],
    },
    {
      name: "two queues that overflow and time out into each other",
      edits: [
        ...edit(
          CULTURE,
          "      agents: department\n",
          "      agents: department\n      overflow: { threshold: 10, action: forward, to: { callQueue: desk2 } }\n" +
            "    - name: desk2\n      agents: department\n      timeout: { seconds: 60, action: forward, to: { callQueue: desk } }\n",
        )!,
        [
          CULTURE,
          "  autoAttendants:\n",
          "    - userPrincipalName: ra-culture-desk@villa.example\n      displayName: Mostrador\n      answers: { callQueue: desk }\n" +
            "    - userPrincipalName: ra-culture-desk2@villa.example\n      displayName: Mostrador 2\n      answers: { callQueue: desk2 }\n  autoAttendants:\n",
        ],
        [TENANT, "PHONESYSTEM_VIRTUALUSER\n      seats: 2", "PHONESYSTEM_VIRTUALUSER\n      seats: 3"],
      ],
      errors: [
        "departments/culture.yaml:49:55: phoneServices.callQueues[0].overflow.to: calls go round in a loop (call queue 'desk' overflow → call queue 'desk2' timeout → call queue 'desk') and never leave — end it: send one of these elsewhere, to voicemail, or disconnect",
      ],
    },
    {
      name: "attendants whose automatic options pass calls to each other, and overlapping own hours",
      edits: [
        ...BASE!,
        [
          CULTURE,
          '          - { key: "1", to: { callQueue: desk } }',
          "          - { key: automatic, to: { autoAttendant: relay } }",
        ],
        [
          CULTURE,
          "  callQueues:\n",
          "    - name: relay\n      language: es-ES\n      businessHours: { weekly: { friday: [08:00-15:00, 14:30-20:00] } }\n" +
            "      menu:\n        options:\n          - { key: automatic, to: { autoAttendant: line } }\n  callQueues:\n",
        ],
      ],
      errors: [
        "departments/culture.yaml:35:35: phoneServices.autoAttendants[0].menu.options[0].to: calls go round in a loop (auto attendant 'line' automatic option → auto attendant 'relay' automatic option → auto attendant 'line') and never leave — end it: send one of these elsewhere, to voicemail, or disconnect",
        "departments/culture.yaml:42:42: phoneServices.autoAttendants[1].businessHours.weekly.friday: friday: 08:00-15:00 and 14:30-20:00 overlap — merge them into one range, or make them follow each other",
      ],
    },
    {
      name: "more resource accounts than seats",
      edits: edit(
        TENANT,
        "PHONESYSTEM_VIRTUALUSER\n      seats: 2",
        "PHONESYSTEM_VIRTUALUSER\n      seats: 0",
      ),
      errors: [
        "tenant.yaml:46:14: licensing.skus[0].seats: the departments declare 1 resource accounts, but 0 PHONESYSTEM_VIRTUALUSER seats are owned — buy more, or raise seats in licensing.skus",
      ],
    },
    {
      name: "a holiday that is not a date, a day listed twice, overlapping hours and a schedule declared twice",
      edits: [
        ...BASE!,
        [
          TENANT,
          "        - { date: 2027-05-15, name: San Isidro }",
          "        - { date: 2027-02-30, name: Nunca }\n        - { date: 2027-02-30, name: Otra vez }",
        ],
        [
          TENANT,
          "monday: [09:00-14:00]",
          "monday: [09:00-14:00, 13:00-20:00]\n    - name: office\n      weekly: {}",
        ],
      ],
      errors: [
        "tenant.yaml:100:19: phoneSchedules.holidayCalendars[0].entries[0].date: 2027-02-30 is not a date in the calendar — use YYYY-MM-DD with a real day",
        "tenant.yaml:101:19: phoneSchedules.holidayCalendars[0].entries[1].date: 2027-02-30 is already an entry at tenant.yaml:100 — keep one entry per day",
        "tenant.yaml:101:19: phoneSchedules.holidayCalendars[0].entries[1].date: 2027-02-30 is not a date in the calendar — use YYYY-MM-DD with a real day",
        "tenant.yaml:105:17: phoneSchedules.schedules[0].weekly.monday: monday: 09:00-14:00 and 13:00-20:00 overlap — merge them into one range, or make them follow each other",
        "tenant.yaml:106:13: phoneSchedules.schedules[1].name: schedule 'office' is already declared at tenant.yaml:103 — names are unique",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(phoneServicesRule, change)).toEqual(errors),
  );
});

describe("phone-services helpers", () => {
  it("takes a date only if the calendar has it", () => {
    expect(isRealDate("2027-05-15")).toBe(true);
    expect(isRealDate("2027-02-29")).toBe(false);
    expect(isRealDate("2028-02-29")).toBe(true);
  });
  it("finds overlapping ranges, not touching ones", () => {
    expect(firstOverlap(["14:00-20:00", "09:00-14:00"])).toBeUndefined();
    expect(firstOverlap(["13:00-20:00", "09:00-14:00"])).toEqual(["09:00-14:00", "13:00-20:00"]);
  });
  it("spells each loop the shortest way round; a loop inside another is its own finding; a way into a loop is none", () => {
    const forward = (callQueue: string) => ({ action: "forward", to: { callQueue } });
    const services = departmentPhoneServicesSchema.parse({
      callQueues: [
        { name: "qa", agents: "department", overflow: forward("qb") },
        { name: "qb", agents: "department", overflow: forward("qc") },
        { name: "qc", agents: "department", overflow: forward("qb"), timeout: forward("qa") },
        { name: "qd", agents: "department", overflow: forward("qa") },
      ],
    });
    expect(callLoops(services)).toEqual([
      {
        path: ["callQueues", 0, "overflow", "to"],
        words:
          "call queue 'qa' overflow → call queue 'qb' overflow → call queue 'qc' timeout → call queue 'qa'",
      },
      {
        path: ["callQueues", 2, "overflow", "to"],
        words: "call queue 'qc' overflow → call queue 'qb' overflow → call queue 'qc'",
      },
    ]);
  });
});
