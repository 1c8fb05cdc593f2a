import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { formatDiagnostic } from "../../src/config/diagnostics";
import { validateDefinition } from "../../src/config/validate";
import type { NumbersIo } from "../../src/numbers/context";
import { writeAllOrNothing } from "../../src/numbers/files";
import { runAllocate, type AllocateOptions } from "../../src/numbers/runAllocate";
import { runRelease, type ReleaseOptions } from "../../src/numbers/runRelease";
import { DefinitionFixture } from "../helpers/definitionFixture";

const ROOT = join(__dirname, "..", "..");
const CSV = "numbers/culture.csv";
const ORIGINAL = readFileSync(join(ROOT, "tests/fixtures/minimal", CSV), "utf8");

let fixture: DefinitionFixture;
beforeEach(() => (fixture = new DefinitionFixture()));
afterEach(() => fixture.remove());

/** Runs a command in-process with `users` as the --users file (or stdin when `stdin` is set). */
function run<O extends { users: string }>(
  command: (opts: O, io: NumbersIo) => number,
  opts: Omit<O, "dir" | "users" | "format"> & { format?: "text" | "json" },
  users: string,
): { code: number; out: string; err: string } {
  const file = fixture.path("users.txt");
  writeFileSync(file, users);
  let out = "";
  let err = "";
  const io: NumbersIo = { out: (s) => (out += s), err: (s) => (err += s), stdin: () => users };
  const code = command({ format: "text", ...opts, dir: fixture.dir, users: file } as unknown as O, io);
  return { code, out: out.replaceAll(fixture.dir + "/", ""), err: err.replaceAll(fixture.dir + "/", "") };
}

const allocate = (users: string, opts: Partial<AllocateOptions> = {}) =>
  run(runAllocate, { department: "culture", today: "2026-06-01", ...opts }, users);
const release = (users: string, opts: Partial<ReleaseOptions> = {}) =>
  run(runRelease, { department: "culture", today: "2026-06-01", ...opts }, users);

const valid = (today = "2026-06-01") =>
  validateDefinition(fixture.dir, fixture.dir, { today }).diagnostics.map(formatDiagnostic);

describe("tenant numbers allocate", () => {
  it("appends the lowest free numbers, keeps the file's rows, and the definition stays valid", () => {
    const first = allocate("luis@villa.example\nmarta@villa.example\n");
    expect(first).toEqual({
      code: 0,
      err: "",
      out:
        "Allocated 2 number(s) to department 'culture' in numbers/culture.csv:\n" +
        "  luis@villa.example   +34915550000  range main  primary  town-hall-p0\n" +
        "  marta@villa.example  +34915550003  range main  primary  town-hall-p0\n",
    });
    expect(fixture.read(CSV)).toBe(
      ORIGINAL +
        "luis@villa.example,+34915550000,town-hall-p0,primary\nmarta@villa.example,+34915550003,town-hall-p0,primary\n",
    );
    expect(valid()).toEqual([]);
  });

  it("never hands out a resource account's public number", () => {
    // The lowest free number, +34915550000, is the culture line's (phone services); the next free one is given.
    writeFileSync(
      fixture.path("departments/culture.yaml"),
      fixture.read("departments/culture.yaml") +
        "phoneServices:\n  resourceAccounts:\n    - userPrincipalName: ra-culture-line@villa.example\n" +
        '      displayName: Línea de Cultura\n      answers: { callQueue: desk }\n      number: "+34915550000"\n' +
        "  callQueues:\n    - name: desk\n      agents: department\n",
    );
    writeFileSync(
      fixture.path("tenant.yaml"),
      fixture
        .read("tenant.yaml")
        .replace("  skus:\n", "  skus:\n    - partNumber: PHONESYSTEM_VIRTUALUSER\n      seats: 5\n"),
    );
    expect(allocate("luis@villa.example\n")).toMatchObject({ code: 0, err: "" });
    expect(fixture.read(CSV)).toContain("luis@villa.example,+34915550003,");
    expect(valid()).toEqual([]);
  });

  it("a second run with the same users allocates nothing and leaves the file alone", () => {
    allocate("luis@villa.example\n");
    const after = fixture.read(CSV);
    expect(allocate("luis@villa.example\n")).toEqual({
      code: 0,
      err: "",
      out:
        "No new numbers for department 'culture'; numbers/culture.csv is unchanged.\n" +
        "Left unchanged (1):\n" +
        `  ${fixture.path("users.txt").replace(fixture.dir + "/", "")}:1: luis@villa.example already has primary number +34915550000 (${CSV}:4); left unchanged\n`,
    });
    expect(fixture.read(CSV)).toBe(after);
  });

  it("--dry-run prints the same plan and writes nothing; --format json says what was written", () => {
    expect(allocate("luis@villa.example\n", { dryRun: true }).out).toBe(
      "Would allocate 1 number(s) to department 'culture' in numbers/culture.csv:\n" +
        "  luis@villa.example  +34915550000  range main  primary  town-hall-p0\n" +
        "Nothing was written (--dry-run).\n",
    );
    expect(fixture.read(CSV)).toBe(ORIGINAL);
    const json = JSON.parse(
      allocate("userPrincipalName,category\nluis@villa.example,private\n", { format: "json" }).out,
    );
    expect(json).toEqual({
      department: "culture",
      file: "numbers/culture.csv",
      today: "2026-06-01",
      dryRun: false,
      written: true,
      allocations: [
        {
          userPrincipalName: "luis@villa.example",
          number: "+34915550000",
          range: "main",
          category: "private",
          emergencyLocation: "town-hall-p0",
          input: "users.txt:2",
        },
      ],
      skipped: [],
    });
  });

  it("bad input fails with file:line for every bad line, and writes nothing", () => {
    const result = allocate("luis@villa.example\nluis\nmarta@villa.exmaple\n", { location: "town-hall-p0" });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      "users.txt:2: 'luis' is not a user principal name — write one such as ana@city.example (one per line, or a CSV with a userPrincipalName column)\n" +
        "users.txt:3: marta@villa.exmaple is not in a verified domain (did you mean 'villa.example'?) — a user principal name must end in one of organization.verifiedDomains\n" +
        "\n2 problem(s) in users.txt; nothing was allocated.\n",
    );
    expect(fixture.read(CSV)).toBe(ORIGINAL);
  });

  it("fails without writing when the ranges are exhausted, saying how many are free", () => {
    fixture.edit("tenant.yaml", 'end: "+34915559999"', 'end: "+34915550003"');
    const result = allocate("a1@villa.example\na2@villa.example\na3@villa.example\n");
    expect(result).toEqual({
      code: 1,
      out: "",
      err: "department 'culture': only 2 free number(s) left in 'main' (+34915550000–+34915550003) but 3 user(s) need one — nothing was allocated; add a range to the department's numberRanges, or allocate to fewer users\n",
    });
    expect(fixture.read(CSV)).toBe(ORIGINAL);
  });

  it("refuses to start from an invalid definition", () => {
    fixture.write(CSV, ORIGINAL + "eva@villa.example,+34915550001,town-hall-p0,primary\n");
    const result = allocate("luis@villa.example\n");
    expect(result.code).toBe(1);
    expect(result.err).toContain("numbers/culture.csv:4:19: number: +34915550001 is already assigned");
    expect(result.err).toContain("fix these 1 problem(s) first; nothing was changed.");
  });

  it("usage errors exit 2: unknown department, location or date", async () => {
    const users = fixture.path("users.txt");
    writeFileSync(users, "luis@villa.example\n");
    const args = ["numbers", "allocate", "--dir", fixture.dir, "--users", users];
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation((_chunk: unknown, cb?: unknown) => {
      if (typeof cb === "function") (cb as () => void)();
      return true;
    });
    try {
      expect(await main([...args, "--department", "cultur"])).toBe(2);
      expect(await main([...args, "--department", "culture", "--location", "nowhere"])).toBe(2);
      expect(await main([...args, "--department", "culture", "--today", "2026-13-01"])).toBe(2);
      expect(await main(["numbers", "allocate", "--dir", fixture.dir, "--department", "culture"])).toBe(2);
      const said = stderr.mock.calls.map((c) => String(c[0])).join("");
      expect(said).toContain("--department cultur: no departments/cultur.yaml in");
      expect(said).toContain("(did you mean 'culture'?)");
      expect(said).toContain("--location nowhere: no such emergency location (declared: 'town-hall-p0')");
      expect(said).toContain("--today 2026-13-01: is not a day of the calendar");
    } finally {
      stderr.mockRestore();
    }
    expect(fixture.read(CSV)).toBe(ORIGINAL);
  });

  it("reads users from stdin with --users - (through bin/tenant.js)", () => {
    const child = spawnSync(
      process.execPath,
      [
        join(ROOT, "bin", "tenant.js"),
        "numbers",
        "allocate",
        "--dir",
        fixture.dir,
        "--department",
        "culture",
        "--users",
        "-",
        "--today",
        "2026-06-01",
      ],
      { input: "luis@villa.example\n", encoding: "utf8", cwd: ROOT },
    );
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(child.stdout).toContain("  luis@villa.example  +34915550000  range main  primary  town-hall-p0\n");
    expect(fixture.read(CSV)).toBe(ORIGINAL + "luis@villa.example,+34915550000,town-hall-p0,primary\n");
  });
});

describe("tenant numbers release", () => {
  it("moves the numbers to the ledger and intentionalRemovals, and allocate keeps them out until quarantine ends", () => {
    expect(release("pedro@villa.example\n")).toEqual({
      code: 0,
      err: "",
      out:
        "Released 1 number(s) of department 'culture' (in quarantine; free again on 2026-08-30):\n" +
        "  pedro@villa.example  +34915550002  primary\n" +
        "Changed: numbers/culture.csv (rows removed), numbers/released.csv (rows added), departments/culture.yaml (intentionalRemovals.numbers; remove them again once deployed).\n",
    });
    expect(fixture.read(CSV)).toBe(
      ORIGINAL.replace("pedro@villa.example,+34915550002,town-hall-p0,primary\n", ""),
    );
    expect(fixture.read("numbers/released.csv")).toBe(
      "number,releasedOn,department,userPrincipalName\n+34915550002,2026-06-01,culture,pedro@villa.example\n",
    );
    expect(fixture.read("departments/culture.yaml")).toMatch(
      /\nintentionalRemovals:\n {2}numbers:\n {4}- "\+34915550002"\n$/,
    );
    expect(valid()).toEqual([]);

    // 0000 and 0003 are free; 0002 is skipped while in quarantine (the last day is 2026-08-29).
    expect(allocate("a1@villa.example\na2@villa.example\n", { today: "2026-08-29" }).out).toContain(
      "  a2@villa.example  +34915550003  range main",
    );
    expect(allocate("a3@villa.example\n", { today: "2026-08-29" }).out).toContain("+34915550004");
    const again = allocate("a4@villa.example\n", { today: "2026-08-30" }).out;
    expect(again).toContain("  a4@villa.example  +34915550002  range main");
    // Assigned again, the number is no longer removed on purpose: its approval goes with it.
    expect(again).toMatch(
      /Also changed: \S*culture\.yaml \(intentionalRemovals\.numbers: \+34915550002 assigned again\)\.\n$/,
    );
    expect(fixture.read("departments/culture.yaml")).not.toContain("intentionalRemovals");
    expect(valid("2026-08-30")).toEqual([]);
  });

  it("--dry-run writes nothing; --format json lists the numbers and when they are free again", () => {
    expect(release("pedro@villa.example\n", { dryRun: true, format: "json" })).toEqual({
      code: 0,
      err: "",
      out:
        JSON.stringify(
          {
            department: "culture",
            today: "2026-06-01",
            freeAgainOn: "2026-08-30",
            dryRun: true,
            written: false,
            files: [],
            released: [
              { userPrincipalName: "pedro@villa.example", number: "+34915550002", category: "primary" },
            ],
          },
          null,
          2,
        ) + "\n",
    });
    expect(fixture.read(CSV)).toBe(ORIGINAL);
    expect(existsSync(fixture.path("numbers/released.csv"))).toBe(false);
  });

  it("a user without a number in the department fails at its input line, and nothing changes", () => {
    const result = release("pedro@villa.example\nnadie@villa.example\n");
    expect(result).toEqual({
      code: 1,
      out: "",
      err:
        "users.txt:2: nadie@villa.example has no number in numbers/culture.csv — check the name, or release it from the department whose file lists it\n" +
        "\n1 problem(s) in users.txt; nothing was released.\n",
    });
    expect(fixture.read(CSV)).toBe(ORIGINAL);
    expect(existsSync(fixture.path("numbers/released.csv"))).toBe(false);
  });
});

describe("writeAllOrNothing", () => {
  it("puts every file back (and removes new ones) when the check fails", () => {
    const a = fixture.path(CSV);
    const b = fixture.path("numbers/released.csv");
    const seen: string[] = [];
    const result = writeAllOrNothing(
      new Map([
        [a, "changed\n"],
        [b, "new\n"],
      ]),
      () => {
        seen.push(readFileSync(a, "utf8"), readFileSync(b, "utf8"));
        return { ok: false, value: 3 };
      },
    );
    expect(result).toEqual({ ok: false, value: 3 });
    expect(seen).toEqual(["changed\n", "new\n"]);
    expect(readFileSync(a, "utf8")).toBe(ORIGINAL);
    expect(existsSync(b)).toBe(false);
  });
});
