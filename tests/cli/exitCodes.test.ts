/** One error idiom: every problem a person can fix is a UserError carrying its exit code (src/exitCodes.ts). */
import { Command } from "commander";
import { EXIT, UsageError, UserError } from "../../src/exitCodes";
import { main } from "../../src/cli/main";
import { ExportFolderError } from "../../src/export/run";
import { NoAnswerError } from "../../src/live/probe";
import { CheckpointError } from "../../src/live/readCheckpoint";
import { PackConfigError } from "../../src/policy/config";
import { DefinitionError } from "../../src/stackConfig";

describe("UserError", () => {
  it("a usage error exits 2; the others exit 1", () => {
    expect(new UsageError("x").exitCode).toBe(EXIT.usage);
    for (const error of [
      new UserError("x"),
      new NoAnswerError("x"),
      new CheckpointError("x"),
      new ExportFolderError("x"),
      new DefinitionError("x"),
      new PackConfigError("x"),
    ]) {
      expect(error).toBeInstanceOf(UserError);
      expect(error.exitCode).toBe(EXIT.invalid);
    }
  });

  it("keeps its message as written, and the name users have always seen", () => {
    const error = new UsageError("--out x: no such folder — create it first");
    expect(error.message).toBe("--out x: no such folder — create it first");
    expect(String(error)).toBe("Error: --out x: no such folder — create it first");
  });

  it("main prints one that escapes a command as `tenant: <message>` and exits with its code, no stack trace", async () => {
    const parse = jest.spyOn(Command.prototype, "parseAsync").mockImplementationOnce(() => {
      throw new CheckpointError("the checkpoint is damaged — run again with --fresh");
    });
    let err = "";
    const se = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
    try {
      expect(await main(["validate"])).toBe(EXIT.invalid);
      expect(err).toBe("tenant: the checkpoint is damaged — run again with --fresh\n");
    } finally {
      se.mockRestore();
      parse.mockRestore();
    }
  });
});
