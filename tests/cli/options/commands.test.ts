/** The rules each command's schema adds to the shared values (src/cli/options/<command>.ts). */
import { emulatorOptions } from "../../../src/cli/options/emulator";
import { DEPARTMENTS_BY, exportOptions } from "../../../src/cli/options/export";
import { generateOptions } from "../../../src/cli/options/generate";
import { nextBlockOptions } from "../../../src/cli/options/network";
import { allocateOptions, releaseOptions } from "../../../src/cli/options/numbers";
import { driftOptions } from "../../../src/cli/options/drift";
import { planOptions } from "../../../src/cli/options/plan";
import { validateOptions } from "../../../src/cli/options/validate";

const problemOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0].message;

describe("tenant emulator", () => {
  it("reads the command line's text as numbers, with the defaults of a bare `tenant emulator`", () => {
    expect(
      emulatorOptions.parse({ port: "8443", faultRate429: "0.25", retryAfter: "1.5", faultSeed: "7" }),
    ).toEqual({ port: 8443, faultRate429: 0.25, retryAfter: 1.5, faultSeed: 7, quota: "on" });
    expect(emulatorOptions.parse({})).toEqual({ port: 0, quota: "on" });
  });

  it.each([
    [{ port: "70000" }, "give a port from 0 to 65535 (0 = any free port)"],
    [{ port: "1.5" }, "give a port from 0 to 65535 (0 = any free port)"],
    [{ dropRate: "2" }, "give a rate between 0 and 1, e.g. 0.1"],
    [{ slowRate: "-0.1" }, "give a rate between 0 and 1, e.g. 0.1"],
    [{ slowMs: "-5" }, "give a number of 0 or more"],
    [{ faultSeed: "seven" }, "give a number of 0 or more"],
    [{ quota: "maybe" }, undefined],
  ])("%j: %s", (raw, message) => {
    const result = emulatorOptions.safeParse(raw);
    expect(result.success).toBe(false);
    if (message !== undefined) expect(problemOf(result)).toBe(message);
  });

  it("--applied needs --seed, and says how to call it", () => {
    expect(problemOf(emulatorOptions.safeParse({ applied: true }))).toBe(
      "--applied needs --seed <dir>: it applies that definition — e.g. tenant emulator --seed stacks/example --applied",
    );
    expect(emulatorOptions.safeParse({ applied: true, seed: "stacks/example" }).success).toBe(true);
  });
});

describe("tenant export", () => {
  it("needs --out, and groups by department unless told otherwise", () => {
    expect(problemOf(exportOptions.safeParse({}))).toBe(
      "export needs --out <dir>: the folder to write the definition to",
    );
    expect(problemOf(exportOptions.safeParse({ out: "" }))).toBe(
      "export needs --out <dir>: the folder to write the definition to",
    );
    expect(exportOptions.parse({ out: "x" })).toEqual({ out: "x", departmentsBy: "department" });
  });

  it("--departments-by is an attribute a department's membership can test", () => {
    for (const attribute of DEPARTMENTS_BY) {
      expect(exportOptions.parse({ out: "x", departmentsBy: attribute }).departmentsBy).toBe(attribute);
    }
    expect(problemOf(exportOptions.safeParse({ out: "x", departmentsBy: "manager" }))).toBe(
      `--departments-by manager is not an attribute a department's membership can test — use one of ${DEPARTMENTS_BY.join(", ")}`,
    );
  });

  it("--graph and --answer-timeout follow the shared rules", () => {
    expect(exportOptions.safeParse({ out: "x", graph: "http://h" }).success).toBe(false);
    expect(exportOptions.parse({ out: "x", answerTimeout: "3" }).answerTimeout).toBe(3);
  });
});

describe("tenant schemas / docs", () => {
  it.each([
    [{}, false],
    [{ write: true, check: true }, false],
    [{ write: true }, true],
    [{ check: true }, true],
  ])("%j: exactly one mode (%s)", (raw, ok) => {
    const result = generateOptions.safeParse(raw);
    expect(result.success).toBe(ok);
    if (!ok) expect(problemOf(result)).toBe("give exactly one of --write or --check");
  });
});

describe("tenant network next-block", () => {
  it("--prefix-length is written as digits, 0 to 32", () => {
    expect(nextBlockOptions.parse({ stack: "example", prefixLength: "24" })).toEqual({
      stack: "example",
      prefixLength: 24,
    });
    for (const bad of ["/24", "24.0", "33", "abc", "100"]) {
      expect(problemOf(nextBlockOptions.safeParse({ prefixLength: bad }))).toBe(
        "give a prefix length such as 24",
      );
    }
  });
});

describe("formats and definitions", () => {
  it("each command's --format has its own choices and default", () => {
    expect(validateOptions.parse({}).format).toBe("text");
    expect(planOptions.parse({}).format).toBe("text");
    expect(driftOptions.parse({}).format).toBe("markdown");
    expect(validateOptions.safeParse({ format: "markdown" }).success).toBe(false);
    expect(planOptions.parse({ format: "markdown" }).format).toBe("markdown");
    expect(driftOptions.safeParse({ format: "text" }).success).toBe(false);
  });

  it("--stack is checked on every command that takes it", () => {
    for (const schema of [validateOptions, planOptions, driftOptions, nextBlockOptions]) {
      expect(schema.safeParse({ stack: "../x" }).success).toBe(false);
    }
    const numbers = { department: "culture", users: "-", stack: "a/b" };
    expect(allocateOptions.safeParse(numbers).success).toBe(false);
    expect(releaseOptions.safeParse(numbers).success).toBe(false);
  });

  it("numbers: --department and --users are required; allocate alone takes --location", () => {
    expect(releaseOptions.safeParse({ users: "-" }).success).toBe(false);
    expect(allocateOptions.parse({ department: "culture", users: "-", location: "hq" })).toEqual({
      department: "culture",
      users: "-",
      location: "hq",
      format: "text",
    });
    expect(releaseOptions.parse({ department: "culture", users: "-", location: "hq" })).not.toHaveProperty(
      "location",
    );
  });
});
