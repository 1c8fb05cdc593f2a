import { join } from "node:path";
import { EXIT } from "../exitCodes";
import { NUMBERS_DIR } from "../config/load";
import { addDays, todayIso } from "../config/quarantine";
import { RELEASED_COLUMNS, RELEASED_FILE } from "../config/schema/releasedNumbers";
import { checkToday, openTarget, readUsers, revalidate, type NumbersIo, type NumbersTarget } from "./context";
import { appendCsvRows, removeLines } from "./csvText";
import { readIfExists, writeAllOrNothing } from "./files";
import { planRelease, type ReleasedRow } from "./release";
import { parseUsersInput } from "./usersInput";
import { addIntentionalRemovals } from "./yamlRemovals";

export interface ReleaseOptions {
  dir: string;
  department: string;
  users: string;
  today?: string;
  dryRun?: boolean;
  format: "text" | "json";
}

/**
 * `tenant numbers release`: takes every number of the listed users out of the department's file, records each in
 * numbers/released.csv (quarantine starts on `today`) and in the department's intentionalRemovals.numbers (so
 * the policy pack lets the removal through). 0 done, 1 failed and nothing written; usage errors throw.
 */
export function runRelease(opts: ReleaseOptions, io: NumbersIo): number {
  const today = opts.today === undefined ? todayIso() : checkToday(opts.today);
  const input = readUsers(opts.users, io);
  const target = openTarget(opts.dir, opts.department, today, io);
  if (!target) return EXIT.invalid;
  const parsed = parseUsersInput(input.text);
  const file = target.loaded.numbers.find((f) => f.department === target.department.id);
  const plan = planRelease(file?.rows ?? [], parsed.users, target.display(target.numbersPath));
  const problems = [...parsed.problems, ...plan.problems].sort((a, b) => a.line - b.line);
  if (problems.length > 0) {
    for (const p of problems) io.err(`${input.name}:${p.line}: ${p.message}\n`);
    io.err(`\n${problems.length} problem(s) in ${input.name}; nothing was released.\n`);
    return EXIT.invalid;
  }
  const ledgerPath = join(target.dir, NUMBERS_DIR, RELEASED_FILE);
  const write = plan.released.length > 0 && !opts.dryRun;
  if (write) {
    const changes = new Map<string, string>([
      [
        target.numbersPath,
        removeLines(readIfExists(target.numbersPath) ?? "", new Set(plan.released.map((r) => r.line))),
      ],
      [
        ledgerPath,
        appendCsvRows(
          readIfExists(ledgerPath),
          RELEASED_COLUMNS,
          plan.released.map((r) => ({
            number: r.number,
            releasedOn: today,
            department: target.department.id,
            userPrincipalName: r.userPrincipalName,
          })),
        ),
      ],
      [
        target.departmentPath,
        addIntentionalRemovals(
          readIfExists(target.departmentPath) ?? "",
          plan.released.map((r) => r.number),
        ),
      ],
    ]);
    const done = writeAllOrNothing(changes, () => revalidate(target, io));
    if (!done.ok) {
      io.err(
        `\nthe definition would not be valid after this release (${done.value} problem(s)); no file was changed.\n`,
      );
      return EXIT.invalid;
    }
  }
  const freeOn = addDays(today, target.definition.tenant.numbering.quarantineDays);
  io.out(
    opts.format === "json"
      ? JSON.stringify(
          releaseJson(target, ledgerPath, plan.released, freeOn, opts.dryRun === true, write),
          null,
          2,
        ) + "\n"
      : releaseText(target, ledgerPath, plan.released, freeOn, opts.dryRun === true),
  );
  return EXIT.ok;
}

function releaseText(
  target: NumbersTarget,
  ledgerPath: string,
  released: readonly ReleasedRow[],
  freeOn: string,
  dryRun: boolean,
): string {
  if (released.length === 0) return `Nothing to release for department '${target.department.id}'.\n`;
  const width = Math.max(...released.map((r) => r.userPrincipalName.length));
  const lines = [
    `${dryRun ? "Would release" : "Released"} ${released.length} number(s) of department '${target.department.id}' (in quarantine; free again on ${freeOn}):`,
    ...released.map((r) => `  ${r.userPrincipalName.padEnd(width)}  ${r.number}  ${r.category}`),
    dryRun
      ? "Nothing was written (--dry-run)."
      : `Changed: ${target.display(target.numbersPath)} (rows removed), ${target.display(ledgerPath)} (rows added), ${target.display(target.departmentPath)} (intentionalRemovals.numbers; remove them again once deployed).`,
  ];
  return lines.join("\n") + "\n";
}

function releaseJson(
  target: NumbersTarget,
  ledgerPath: string,
  released: readonly ReleasedRow[],
  freeOn: string,
  dryRun: boolean,
  written: boolean,
) {
  return {
    department: target.department.id,
    today: target.today,
    freeAgainOn: freeOn,
    dryRun,
    written,
    files: written
      ? [target.numbersPath, ledgerPath, target.departmentPath].map((p) => target.display(p))
      : [],
    released: released.map((r) => ({
      userPrincipalName: r.userPrincipalName,
      number: r.number,
      category: r.category,
    })),
  };
}
