import { Command, CommanderError } from "commander";
import { z } from "zod";
import { UsageError } from "../../../src/exitCodes";
import { checkedString } from "../../../src/cli/options/common";
import { flagOf, parseOptions } from "../../../src/cli/options/parse";

const schema = z
  .object({
    name: checkedString((v) => (v === "bad" ? "give a good name — e.g. good" : undefined)).optional(),
    count: z.number().optional(),
    kindOf: z
      .enum(["a", "b"], { error: (i) => `--kind-of ${String(i.input)} is not a kind — use a or b` })
      .optional(),
    left: z.boolean().optional(),
    right: z.boolean().optional(),
  })
  .refine((o) => !(o.left && o.right), { message: "give --left or --right, not both" });

/** A command with the flags declared, whose error output is captured instead of printed. */
function command(): { cmd: Command; written: () => string } {
  let err = "";
  const cmd = new Command("try")
    .option("--name <name>", "a name")
    .option("--kind-of <kind>", "a kind")
    .exitOverride()
    .configureOutput({ writeErr: (s) => (err += s) });
  return { cmd, written: () => err };
}

describe("parseOptions", () => {
  it("returns the typed options when every rule holds", () => {
    expect(parseOptions(schema, { name: "good", kindOf: "a", left: true })).toEqual({
      name: "good",
      kindOf: "a",
      left: true,
    });
  });

  it("a value rule is reported as commander reports an invalid argument: the flag as declared, the value, the fix", () => {
    const { cmd, written } = command();
    let thrown: unknown;
    try {
      parseOptions(schema, { name: "bad" }, cmd);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CommanderError);
    expect(thrown).toMatchObject({ code: "commander.invalidArgument", exitCode: 2 });
    expect(written()).toBe(
      "error: option '--name <name>' argument 'bad' is invalid. give a good name — e.g. good\n",
    );
  });

  it("without the command, the same words as a usage error", () => {
    expect(() => parseOptions(schema, { name: "bad" })).toThrow(
      new UsageError("option '--name' argument 'bad' is invalid. give a good name — e.g. good"),
    );
  });

  it("a sentence that names its flag is a usage error as written (exit 2)", () => {
    const { cmd, written } = command();
    expect(() => parseOptions(schema, { kindOf: "c" }, cmd)).toThrow(
      new UsageError("--kind-of c is not a kind — use a or b"),
    );
    expect(written()).toBe("");
    try {
      parseOptions(schema, { kindOf: "c" }, cmd);
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(2);
    }
  });

  it("zod's own words (a wrong type) get the flag and the value in front", () => {
    expect(() => parseOptions(schema, { count: "many" })).toThrow(/^--count many: /);
    expect(() => parseOptions(z.object({ need: z.string() }), {})).toThrow(/^--need: /);
  });

  it("a rule across options is a usage error with its sentence", () => {
    expect(() => parseOptions(schema, { left: true, right: true })).toThrow(
      new UsageError("give --left or --right, not both"),
    );
  });

  it.each([
    ["departmentsBy", "--departments-by"],
    ["faultRate429", "--fault-rate429"],
    ["out", "--out"],
  ])("flagOf(%s) is %s", (key, flag) => {
    expect(flagOf(key)).toBe(flag);
  });
});
