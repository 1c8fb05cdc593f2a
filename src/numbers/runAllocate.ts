import { readFileSync } from "node:fs";
import { EXIT, UsageError } from "../exitCodes";
import { domainOf, suggestion } from "../config/rules/wording";
import { phonePlan } from "../config/rules/phone";
import { NUMBER_COLUMNS } from "../config/schema/numbers";
import { allocateNumbers, type AllocateResult, type AllocationRequest } from "./allocate";
import { checkToday, openTarget, readUsers, revalidate, type NumbersIo, type NumbersTarget } from "./context";
import { appendCsvRows } from "./csvText";
import { readIfExists, writeAllOrNothing } from "./files";
import { parseUsersInput, type InputProblem } from "./usersInput";
import { dropIntentionalRemovals } from "./yamlRemovals";
import { todayIso } from "../config/quarantine";
import { place } from "../config/rules/wording";

export interface AllocateOptions {
  dir: string;
  department: string;
  users: string;
  location?: string;
  today?: string;
  dryRun?: boolean;
  format: "text" | "json";
}

/** `tenant numbers allocate`: 0 done (or nothing to do), 1 failed and nothing written; usage errors throw. */
export function runAllocate(opts: AllocateOptions, io: NumbersIo): number {
  const today = opts.today === undefined ? todayIso() : checkToday(opts.today);
  const input = readUsers(opts.users, io);
  const target = openTarget(opts.dir, opts.department, today, io);
  if (!target) return EXIT.invalid;
  const { tenant } = target.definition;
  const locations = tenant.emergencyAddresses.flatMap((a) => a.locations.map((l) => l.id));
  if (opts.location !== undefined && !locations.includes(opts.location)) {
    throw new UsageError(
      `--location ${opts.location}: no such emergency location (${suggestion(opts.location, locations)}) — use an id from emergencyAddresses[].locations in tenant.yaml`,
    );
  }

  const parsed = parseUsersInput(input.text);
  const problems: InputProblem[] = [...parsed.problems];
  const own = target.definition.numbers[target.department.id] ?? [];
  const fallback = opts.location ?? mostUsedLocation(own.map((a) => a.emergencyLocation));
  const domains = tenant.organization.verifiedDomains;
  const requests: AllocationRequest[] = [];
  for (const user of parsed.users) {
    const domain = domainOf(user.userPrincipalName);
    const location = user.emergencyLocation ?? fallback;
    if (!domains.includes(domain)) {
      problems.push({
        line: user.line,
        message: `${user.userPrincipalName} is not in a verified domain (${suggestion(domain, domains)}) — a user principal name must end in one of organization.verifiedDomains`,
      });
    } else if (location === undefined) {
      problems.push({
        line: user.line,
        message: `no emergency location for ${user.userPrincipalName}: department '${target.department.id}' has no numbers to take one from — give --location <id> or an emergencyLocation column`,
      });
    } else if (!locations.includes(location)) {
      problems.push({
        line: user.line,
        message: `emergency location '${location}' does not exist (${suggestion(location, locations)}) — use a location id from emergencyAddresses[].locations in tenant.yaml`,
      });
    } else {
      requests.push({
        userPrincipalName: user.userPrincipalName,
        emergencyLocation: location,
        category: user.category ?? "primary",
        line: user.line,
      });
    }
  }
  if (problems.length > 0) {
    for (const p of problems.sort((a, b) => a.line - b.line))
      io.err(`${input.name}:${p.line}: ${p.message}\n`);
    io.err(`\n${problems.length} problem(s) in ${input.name}; nothing was allocated.\n`);
    return EXIT.invalid;
  }

  const result = allocate(target, requests);
  if (result.error) {
    io.err(`department '${target.department.id}': ${result.error}\n`);
    return EXIT.invalid;
  }
  const write = result.allocations.length > 0 && !opts.dryRun;
  let note = "";
  if (write) {
    const before = readIfExists(target.numbersPath);
    const text = appendCsvRows(
      before,
      NUMBER_COLUMNS,
      result.allocations.map((a) => ({
        userPrincipalName: a.userPrincipalName,
        number: a.number,
        emergencyLocation: a.emergencyLocation,
        category: a.category,
      })),
    );
    const files = new Map([[target.numbersPath, text]]);
    // A number released earlier (listed as removed on purpose) that is assigned again is no longer removed.
    const marked = new Set(target.department.intentionalRemovals?.numbers ?? []);
    const reassigned = result.allocations.map((a) => a.number).filter((n) => marked.has(n));
    if (reassigned.length > 0) {
      files.set(
        target.departmentPath,
        dropIntentionalRemovals(readFileSync(target.departmentPath, "utf8"), reassigned),
      );
    }
    const done = writeAllOrNothing(files, () => revalidate(target, io));
    if (!done.ok) {
      io.err(
        `\nthe definition would not be valid with these numbers (${done.value} problem(s)); ${target.display(target.numbersPath)} was left as it was.\n`,
      );
      return EXIT.invalid;
    }
    if (reassigned.length > 0) {
      note = `Also changed: ${target.display(target.departmentPath)} (intentionalRemovals.numbers: ${reassigned.join(", ")} assigned again).\n`;
    }
  }
  io.out(
    opts.format === "json"
      ? JSON.stringify(allocationJson(target, input.name, result, opts.dryRun === true, write), null, 2) +
          "\n"
      : allocationText(target, input.name, result, opts.dryRun === true) + note,
  );
  return EXIT.ok;
}

function allocate(target: NumbersTarget, users: AllocationRequest[]): AllocateResult {
  const { tenant } = target.definition;
  const byId = new Map(tenant.numberRanges.map((r) => [r.id, r]));
  const ranges = target.department.numberRanges.flatMap((id) => byId.get(id) ?? []);
  const assigned = [
    ...target.loaded.numbers.flatMap((file) =>
      file.rows.map((row) => ({ ...row.value, where: `${file.file}:${row.line}` })),
    ),
    // Resource accounts' public numbers (phone services, issue #15) are as taken as any user's.
    ...target.loaded.departments.flatMap((source) =>
      (source.value.phoneServices?.resourceAccounts ?? []).flatMap((r, i) =>
        r.number === undefined
          ? []
          : [
              {
                number: r.number,
                userPrincipalName: r.userPrincipalName,
                category: "primary" as const,
                where: place(source, ["phoneServices", "resourceAccounts", i, "number"]),
              },
            ],
      ),
    ),
  ];
  const ledger = target.loaded.released;
  const released = (ledger?.rows ?? []).map((row) => ({
    number: row.value.number,
    releasedOn: row.value.releasedOn,
    where: `${ledger?.file}:${row.line}`,
  }));
  const plan = phonePlan(tenant.organization.country);
  return allocateNumbers({
    ranges,
    assigned,
    released,
    quarantineDays: tenant.numbering.quarantineDays,
    today: target.today,
    users,
    isValidNumber: plan ? (n) => plan.problem(n) === undefined : undefined,
  });
}

/** The location most of the department's numbers use (the first of equals), as the default for new ones. */
export function mostUsedLocation(locations: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const l of locations) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: string | undefined;
  for (const [l, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = l;
  return best;
}

function allocationText(
  target: NumbersTarget,
  inputName: string,
  r: AllocateResult,
  dryRun: boolean,
): string {
  const file = target.display(target.numbersPath);
  const lines: string[] = [];
  if (r.allocations.length === 0)
    lines.push(`No new numbers for department '${target.department.id}'; ${file} is unchanged.`);
  else {
    const verb = dryRun ? "Would allocate" : "Allocated";
    lines.push(
      `${verb} ${r.allocations.length} number(s) to department '${target.department.id}' in ${file}:`,
    );
    const width = Math.max(...r.allocations.map((a) => a.userPrincipalName.length));
    for (const a of r.allocations) {
      lines.push(
        `  ${a.userPrincipalName.padEnd(width)}  ${a.number}  range ${a.range}  ${a.category}  ${a.emergencyLocation}`,
      );
    }
  }
  if (r.skipped.length > 0) {
    lines.push(`Left unchanged (${r.skipped.length}):`);
    for (const s of r.skipped) lines.push(`  ${inputName}:${s.line}: ${s.userPrincipalName} ${s.reason}`);
  }
  if (dryRun && r.allocations.length > 0) lines.push("Nothing was written (--dry-run).");
  return lines.join("\n") + "\n";
}

function allocationJson(
  target: NumbersTarget,
  inputName: string,
  r: AllocateResult,
  dryRun: boolean,
  written: boolean,
) {
  return {
    department: target.department.id,
    file: target.display(target.numbersPath),
    today: target.today,
    dryRun,
    written,
    allocations: r.allocations.map((a) => ({
      userPrincipalName: a.userPrincipalName,
      number: a.number,
      range: a.range,
      category: a.category,
      emergencyLocation: a.emergencyLocation,
      input: `${inputName}:${a.line}`,
    })),
    skipped: r.skipped.map((s) => ({
      userPrincipalName: s.userPrincipalName,
      reason: s.reason,
      input: `${inputName}:${s.line}`,
    })),
  };
}
