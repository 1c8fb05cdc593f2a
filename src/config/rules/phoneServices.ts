import { findRange } from "../numberRanges";
import type { FieldPath } from "../diagnostics";
import type { LoadedYaml } from "../load";
import type { Department } from "../schema/department";
import { RESOURCE_ACCOUNT_SKU } from "../schema/phoneServices";
import type { CallTargetDefinition, DepartmentPhoneServices } from "../schema/phoneServices";
import type { Tenant } from "../schema/tenant";
import type { Rule, RuleContext } from "./context";
import { domainOf, place, suggestion } from "./wording";

const msg = {
  upnPrefix: (upn: string, department: string) =>
    `resource account ${upn} must be named ra-${department}-…@… — the prefix keeps one department from taking another's account; rename it`,
  upnDomain: (upn: string, domains: string) =>
    `resource account ${upn} is not in a verified domain (${domains}) — use an address in organization.verifiedDomains`,
  upnTaken: (upn: string, at: string) =>
    `${upn} is already used at ${at} — a resource account needs its own user principal name`,
  duplicateName: (kind: string, name: string, at: string) =>
    `${kind} '${name}' is already declared at ${at} — names are unique within a department`,
  missing: (kind: string, name: string, hint: string) =>
    `${kind} '${name}' is not one of this department's (${hint}) — declare it under phoneServices, or fix the name`,
  unknownSchedule: (name: string, hint: string) =>
    `schedule '${name}' is not in tenant.yaml phoneSchedules.schedules (${hint}) — ask the platform team to add it, or use weekly hours`,
  unknownCalendar: (name: string, hint: string) =>
    `holiday calendar '${name}' is not in tenant.yaml phoneSchedules.holidayCalendars (${hint}) — ask the platform team to add it, or fix the name`,
  afterHoursWithoutHours: () =>
    "afterHours has no effect without businessHours — add businessHours, or remove afterHours",
  numberNotOwn: (number: string, department: string) =>
    `${number} is not in a range department '${department}' lists in numberRanges — use one of its own numbers`,
  numberTaken: (number: string, at: string) =>
    `${number} is already assigned at ${at} — a number belongs to one user or resource account; choose a free one`,
  otherDepartmentsPerson: (upn: string, other: string) =>
    `${upn} is a person of department '${other}' (its numbers file) — a department's phone services may only reach its own people; use a call queue, or ask '${other}'`,
  unknownPerson: (upn: string, department: string) =>
    `${upn} is in no row of numbers/${department}.csv — calls reach only a person this definition gives a Teams number (so the apply can find and voice-enable them); add a row for them, or route to a call queue`,
  loop: (path: string) =>
    `calls go round in a loop (${path}) and never leave — end it: send one of these elsewhere, to voicemail, or disconnect`,
  queueToItself: (queue: string, field: string) =>
    `call queue '${queue}' sends its ${field} calls back to itself, so they never leave — forward them elsewhere, to voicemail, or disconnect`,
  noAgents: (queue: string, department: string) =>
    `call queue '${queue}' takes its agents from the department group, but '${department}' has headcount 0, so nobody answers — name agents, or give the department people`,
  needsAccount: (kind: "callQueue" | "autoAttendant", name: string) =>
    `a queue's overflow or timeout reaches ${kind === "callQueue" ? "a call queue" : "an auto attendant"} only through a resource account, and none answers for '${name}' — add a resource account with answers: { ${kind}: ${name} }`,
  needsTarget: (action: string) => `action ${action} needs a target in 'to' — add one`,
  seats: (demanded: number, seats: number) =>
    `the departments declare ${demanded} resource accounts, but ${seats} ${RESOURCE_ACCOUNT_SKU} seats are owned — buy more, or raise seats in licensing.skus`,
  noSeats: (demanded: number) =>
    `the departments declare ${demanded} resource accounts, but the licence catalogue has no ${RESOURCE_ACCOUNT_SKU} — add it to licensing.skus with the seats the city owns`,
  badDate: (date: string) => `${date} is not a date in the calendar — use YYYY-MM-DD with a real day`,
  duplicateDate: (date: string, at: string) =>
    `${date} is already an entry at ${at} — keep one entry per day`,
  overlap: (day: string, a: string, b: string) =>
    `${day}: ${a} and ${b} overlap — merge them into one range, or make them follow each other`,
  duplicateTenantName: (kind: string, name: string, at: string) =>
    `${kind} '${name}' is already declared at ${at} — names are unique`,
};

export const phoneServicesRule: Rule = {
  info: {
    id: "phone-services",
    summary:
      "A department's phone services reach only its own objects, numbers and people; every target, schedule and calendar exists; " +
      "no call is sent nowhere; resource accounts fit the seats owned; holiday dates are real and schedules do not overlap.",
    errors: [
      {
        when: "a resource account's UPN lacks the `ra-<department>-` prefix",
        example: msg.upnPrefix("linea@capital.example", "centro"),
      },
      {
        when: "a resource account's UPN is outside the verified domains",
        example: msg.upnDomain("ra-centro-x@gmail.com", "'capital.example'"),
      },
      {
        when: "a resource account's UPN is used twice",
        example: msg.upnTaken("ra-centro-x@capital.example", "departments/centro.yaml:30"),
      },
      {
        when: "two attendants or two queues of a department share a name",
        example: msg.duplicateName("call queue", "atencion", "departments/centro.yaml:40"),
      },
      {
        when: "a target, an operator or an account's `answers` names an attendant or queue the department does not have",
        example: msg.missing("call queue", "atencion", "did you mean 'atención'?"),
      },
      {
        when: "business hours name a shared schedule tenant.yaml does not have",
        example: msg.unknownSchedule("horario", "declared: 'horario-juntas'"),
      },
      {
        when: "holidays name a calendar tenant.yaml does not have",
        example: msg.unknownCalendar("madrid-2026", "did you mean 'madrid-2027'?"),
      },
      { when: "afterHours without businessHours", example: msg.afterHoursWithoutHours() },
      {
        when: "a resource account's number is outside the department's ranges",
        example: msg.numberNotOwn("+34915540199", "usera"),
      },
      {
        when: "a resource account's number is already a user's or another account's",
        example: msg.numberTaken("+34915540199", "numbers/centro.csv:12"),
      },
      {
        when: "a target or agent is a person of another department",
        example: msg.otherDepartmentsPerson("ana@capital.example", "salud"),
      },
      {
        when: "a target or agent is nobody in the department's numbers file",
        example: msg.unknownPerson("nadie@capital.example", "centro"),
      },
      {
        when: "queue exits and attendants' automatic options pass calls round a loop",
        example: msg.loop(
          "call queue 'informacion' overflow → call queue 'cita-previa' timeout → call queue 'informacion'",
        ),
      },
      {
        when: "a queue's overflow or timeout forwards to the queue itself",
        example: msg.queueToItself("atencion", "overflow"),
      },
      {
        when: "a queue takes the department group as agents and the department has headcount 0",
        example: msg.noAgents("atencion", "pleno"),
      },
      {
        when: "a queue exit forwards to an attendant or queue no resource account answers for",
        example: msg.needsAccount("callQueue", "informacion"),
      },
      { when: "a queue exit that needs a target has none", example: msg.needsTarget("forward") },
      { when: "the resource accounts exceed the seats owned", example: msg.seats(160, 150) },
      { when: "resource accounts are declared and the catalogue lacks the SKU", example: msg.noSeats(27) },
      { when: "a holiday date is not a real date", example: msg.badDate("2027-02-30") },
      { when: "a calendar lists a day twice", example: msg.duplicateDate("2027-05-15", "tenant.yaml:1320") },
      {
        when: "two ranges of a day overlap, in a shared schedule or an attendant's own weekly hours",
        example: msg.overlap("monday", "08:30-14:00", "13:00-20:00"),
      },
      {
        when: "two calendars or two schedules share a name",
        example: msg.duplicateTenantName("schedule", "horario-juntas", "tenant.yaml:1330"),
      },
    ],
  },
  check: checkPhoneServices,
};

function checkPhoneServices(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (tenant) checkTenantSchedules(ctx, tenant);

  // Who holds which number and which UPN, across every numbers file (users) and department (accounts).
  const numberAt = new Map<string, string>();
  const personOf = new Map<string, string>();
  for (const file of ctx.loaded.numbers) {
    for (const row of file.rows) {
      if (row.value.number && !numberAt.has(row.value.number))
        numberAt.set(row.value.number, `${file.file}:${row.line}`);
      if (row.value.userPrincipalName)
        personOf.set(row.value.userPrincipalName.toLowerCase(), file.department);
    }
  }
  const upnAt = new Map<string, string>();
  let accounts = 0;
  for (const source of ctx.loaded.departments) {
    const services = source.value.phoneServices;
    if (!services) continue;
    accounts += services.resourceAccounts.length;
    checkDepartment(ctx, source, services, tenant?.value, { numberAt, personOf, upnAt });
  }

  if (tenant && accounts > 0) {
    const skus = tenant.value.licensing.skus;
    const i = skus.findIndex((s) => s.partNumber === RESOURCE_ACCOUNT_SKU);
    if (i < 0) ctx.at(tenant, ["licensing", "skus"], msg.noSeats(accounts));
    else if (accounts > skus[i].seats)
      ctx.at(tenant, ["licensing", "skus", i, "seats"], msg.seats(accounts, skus[i].seats));
  }
}

interface Holders {
  numberAt: Map<string, string>;
  personOf: Map<string, string>;
  upnAt: Map<string, string>;
}

function checkDepartment(
  ctx: RuleContext,
  source: LoadedYaml<Department>,
  services: DepartmentPhoneServices,
  tenant: Tenant | undefined,
  holders: Holders,
): void {
  const department = source.value;
  const at = (path: FieldPath, message: string) => ctx.at(source, ["phoneServices", ...path], message);
  const named = (list: { name: string }[], field: string, kind: string) => {
    const seen = new Map<string, number>();
    list.forEach((o, i) => {
      const first = seen.get(o.name);
      if (first !== undefined)
        at(
          [field, i, "name"],
          msg.duplicateName(kind, o.name, place(source, ["phoneServices", field, first, "name"])),
        );
      else seen.set(o.name, i);
    });
    return [...seen.keys()];
  };
  const attendants = named(services.autoAttendants, "autoAttendants", "auto attendant");
  const queues = named(services.callQueues, "callQueues", "call queue");
  const answered = new Set(
    services.resourceAccounts.map((r) =>
      "autoAttendant" in r.answers
        ? `autoAttendant:${r.answers.autoAttendant}`
        : `callQueue:${r.answers.callQueue}`,
    ),
  );

  const person = (upn: string, path: FieldPath) => {
    const other = holders.personOf.get(upn.toLowerCase());
    if (other === undefined) at(path, msg.unknownPerson(upn, department.id));
    else if (other !== department.id) at(path, msg.otherDepartmentsPerson(upn, other));
  };
  const target = (t: CallTargetDefinition, path: FieldPath) => {
    if ("callQueue" in t && !queues.includes(t.callQueue))
      at([...path, "callQueue"], msg.missing("call queue", t.callQueue, suggestion(t.callQueue, queues)));
    if ("autoAttendant" in t && !attendants.includes(t.autoAttendant))
      at(
        [...path, "autoAttendant"],
        msg.missing("auto attendant", t.autoAttendant, suggestion(t.autoAttendant, attendants)),
      );
    if ("user" in t) person(t.user, [...path, "user"]);
  };
  const menu = (options: { to?: CallTargetDefinition }[] | undefined, path: FieldPath) =>
    (options ?? []).forEach((o, k) => o.to && target(o.to, [...path, "menu", "options", k, "to"]));

  const schedules = (tenant?.phoneSchedules.schedules ?? []).map((s) => s.name);
  const calendars = (tenant?.phoneSchedules.holidayCalendars ?? []).map((c) => c.name);
  services.autoAttendants.forEach((a, i) => {
    const base: FieldPath = ["autoAttendants", i];
    menu(a.menu?.options, base);
    if (a.operator) target(a.operator, [...base, "operator"]);
    if (
      a.businessHours &&
      "schedule" in a.businessHours &&
      tenant &&
      !schedules.includes(a.businessHours.schedule)
    )
      at(
        [...base, "businessHours", "schedule"],
        msg.unknownSchedule(a.businessHours.schedule, suggestion(a.businessHours.schedule, schedules)),
      );
    if (a.businessHours && "weekly" in a.businessHours)
      for (const [day, ranges] of Object.entries(a.businessHours.weekly)) {
        const overlap = firstOverlap(ranges ?? []);
        if (overlap) at([...base, "businessHours", "weekly", day], msg.overlap(day, overlap[0], overlap[1]));
      }
    if (a.afterHours && !a.businessHours) at([...base, "afterHours"], msg.afterHoursWithoutHours());
    if (a.afterHours) menu(a.afterHours.menu?.options, [...base, "afterHours"]);
    a.holidays.forEach((h, j) => {
      if (tenant && !calendars.includes(h.calendar))
        at(
          [...base, "holidays", j, "calendar"],
          msg.unknownCalendar(h.calendar, suggestion(h.calendar, calendars)),
        );
      menu(h.menu?.options, [...base, "holidays", j]);
    });
  });

  services.callQueues.forEach((q, i) => {
    const base: FieldPath = ["callQueues", i];
    if (q.agents === "department" && department.headcount === 0)
      at([...base, "agents"], msg.noAgents(q.name, department.id));
    if (typeof q.agents === "object" && "users" in q.agents)
      q.agents.users.forEach((u, k) => person(u, [...base, "agents", "users", k]));
    for (const exit of ["overflow", "timeout"] as const) {
      const e = q[exit];
      if (e.action !== "disconnect" && !e.to) {
        at([...base, exit, "action"], msg.needsTarget(e.action));
        continue;
      }
      if (!e.to) continue;
      target(e.to, [...base, exit, "to"]);
      if ("callQueue" in e.to && e.to.callQueue === q.name)
        at([...base, exit, "to"], msg.queueToItself(q.name, exit));
      for (const kind of ["callQueue", "autoAttendant"] as const) {
        const name = kind in e.to ? (e.to as Record<string, string>)[kind] : undefined;
        if (
          name &&
          (kind === "callQueue" ? queues : attendants).includes(name) &&
          !answered.has(`${kind}:${name}`)
        )
          at([...base, exit, "to"], msg.needsAccount(kind, name));
      }
    }
  });

  for (const loop of callLoops(services)) at(loop.path, msg.loop(loop.words));

  const domains = tenant?.organization.verifiedDomains.map((d) => d.toLowerCase()) ?? [];
  services.resourceAccounts.forEach((r, i) => {
    const base: FieldPath = ["resourceAccounts", i];
    const upn = r.userPrincipalName.toLowerCase();
    if (!upn.startsWith(`ra-${department.id}-`))
      at([...base, "userPrincipalName"], msg.upnPrefix(r.userPrincipalName, department.id));
    if (tenant && !domains.includes(domainOf(upn)))
      at(
        [...base, "userPrincipalName"],
        msg.upnDomain(r.userPrincipalName, domains.map((d) => `'${d}'`).join(", ")),
      );
    const taken = holders.upnAt.get(upn);
    if (taken) at([...base, "userPrincipalName"], msg.upnTaken(r.userPrincipalName, taken));
    else holders.upnAt.set(upn, place(source, ["phoneServices", ...base, "userPrincipalName"]));
    if ("autoAttendant" in r.answers && !attendants.includes(r.answers.autoAttendant))
      at(
        [...base, "answers", "autoAttendant"],
        msg.missing(
          "auto attendant",
          r.answers.autoAttendant,
          suggestion(r.answers.autoAttendant, attendants),
        ),
      );
    if ("callQueue" in r.answers && !queues.includes(r.answers.callQueue))
      at(
        [...base, "answers", "callQueue"],
        msg.missing("call queue", r.answers.callQueue, suggestion(r.answers.callQueue, queues)),
      );
    if (r.number === undefined) return;
    const ranges = (tenant?.numberRanges ?? []).filter((x) => department.numberRanges.includes(x.id));
    if (tenant && !findRange(ranges, r.number))
      at([...base, "number"], msg.numberNotOwn(r.number, department.id));
    const held = holders.numberAt.get(r.number);
    if (held) at([...base, "number"], msg.numberTaken(r.number, held));
    else holders.numberAt.set(r.number, place(source, ["phoneServices", ...base, "number"]));
  });
}

function checkTenantSchedules(ctx: RuleContext, tenant: LoadedYaml<Tenant>): void {
  const { holidayCalendars, schedules } = tenant.value.phoneSchedules;
  const unique = (list: { name: string }[], field: string, kind: string) => {
    const seen = new Map<string, number>();
    list.forEach((o, i) => {
      const first = seen.get(o.name);
      if (first !== undefined)
        ctx.at(
          tenant,
          ["phoneSchedules", field, i, "name"],
          msg.duplicateTenantName(kind, o.name, place(tenant, ["phoneSchedules", field, first, "name"])),
        );
      else seen.set(o.name, i);
    });
  };
  unique(holidayCalendars, "holidayCalendars", "holiday calendar");
  unique(schedules, "schedules", "schedule");
  holidayCalendars.forEach((c, i) => {
    const seen = new Map<string, number>();
    c.entries.forEach((e, j) => {
      const path: FieldPath = ["phoneSchedules", "holidayCalendars", i, "entries", j, "date"];
      if (!isRealDate(e.date)) ctx.at(tenant, path, msg.badDate(e.date));
      const first = seen.get(e.date);
      if (first !== undefined)
        ctx.at(
          tenant,
          path,
          msg.duplicateDate(
            e.date,
            place(tenant, ["phoneSchedules", "holidayCalendars", i, "entries", first, "date"]),
          ),
        );
      else seen.set(e.date, j);
    });
  });
  schedules.forEach((s, i) => {
    for (const [day, ranges] of Object.entries(s.weekly)) {
      const overlap = firstOverlap(ranges ?? []);
      if (overlap)
        ctx.at(
          tenant,
          ["phoneSchedules", "schedules", i, "weekly", day],
          msg.overlap(day, overlap[0], overlap[1]),
        );
    }
  });
}

/** `2027-02-30` is not: the date must survive a round trip through the calendar. */
export function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The first two ranges (`HH:MM-HH:MM`) of a day that overlap, in start order; touching ranges do not. */
export function firstOverlap(ranges: readonly string[]): [string, string] | undefined {
  const sorted = [...ranges].sort();
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].slice(0, 5) < sorted[k - 1].slice(6)) return [sorted[k - 1], sorted[k]];
  }
  return undefined;
}

/** One way calls pass on without anyone answering: a queue's overflow or timeout, an attendant's `automatic` option. */
interface CallEdge {
  from: string;
  to: string;
  /** Where the edge is written, under `phoneServices`. */
  path: FieldPath;
  /** "overflow", "timeout", "automatic option". */
  how: string;
}

const nodeOf = (t: CallTargetDefinition | undefined): string | undefined =>
  !t
    ? undefined
    : "callQueue" in t
      ? `call queue '${t.callQueue}'`
      : "autoAttendant" in t
        ? `auto attendant '${t.autoAttendant}'`
        : undefined;

function callEdges(services: DepartmentPhoneServices): CallEdge[] {
  const edges: CallEdge[] = [];
  services.callQueues.forEach((q, i) => {
    for (const exit of ["overflow", "timeout"] as const) {
      const to = nodeOf(q[exit].to);
      // A queue into itself has its own message (queueToItself).
      if (to && q[exit].action === "forward" && to !== nodeOf({ callQueue: q.name }))
        edges.push({ from: `call queue '${q.name}'`, to, path: ["callQueues", i, exit, "to"], how: exit });
    }
  });
  services.autoAttendants.forEach((a, i) => {
    type Options = { key: string; to?: CallTargetDefinition }[] | undefined;
    const flows: [FieldPath, Options][] = [
      [["autoAttendants", i], a.menu?.options],
      [["autoAttendants", i, "afterHours"], a.afterHours?.menu?.options],
      ...a.holidays.map((h, j): [FieldPath, Options] => [
        ["autoAttendants", i, "holidays", j],
        h.menu?.options,
      ]),
    ];
    for (const [base, options] of flows)
      (options ?? []).forEach((o, k) => {
        const to = nodeOf(o.to);
        if (to && o.key === "automatic")
          edges.push({
            from: `auto attendant '${a.name}'`,
            to,
            path: [...base, "menu", "options", k, "to"],
            how: "automatic option",
          });
      });
  });
  return edges;
}

/**
 * Loops calls go round without anyone answering them: queues whose exits forward to each other, attendants whose
 * `automatic` option passes the call straight on. Every edge on a loop is in one finding: at the first edge (in
 * file order) not yet in a finding, the shortest way back to it, spelt out.
 */
export function callLoops(services: DepartmentPhoneServices): { path: FieldPath; words: string }[] {
  const edges = callEdges(services);
  /** The fewest edges from `from` to `goal`, or undefined when calls from `from` never get there. */
  const route = (from: string, goal: string): CallEdge[] | undefined => {
    const via = new Map<string, CallEdge | null>([[from, null]]);
    const todo = [from];
    while (todo.length > 0) {
      const n = todo.shift()!;
      if (n === goal) {
        const path: CallEdge[] = [];
        for (let e = via.get(n); e; e = via.get(e.from)) path.unshift(e);
        return path;
      }
      for (const e of edges)
        if (e.from === n && !via.has(e.to)) {
          via.set(e.to, e);
          todo.push(e.to);
        }
    }
    return undefined;
  };
  const found: { path: FieldPath; words: string }[] = [];
  const reported = new Set<CallEdge>();
  for (const start of edges) {
    if (reported.has(start)) continue;
    const back = route(start.to, start.from);
    if (!back) continue;
    const loop = [start, ...back];
    for (const e of loop) reported.add(e);
    found.push({
      path: start.path,
      words: [...loop.map((e) => `${e.from} ${e.how}`), start.from].join(" → "),
    });
  }
  return found;
}
