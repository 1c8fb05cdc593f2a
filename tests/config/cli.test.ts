import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { DefinitionFixture, MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const BIN = join(__dirname, "..", "..", "bin", "tenant.js");

function tenant(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("tenant validate (the command)", () => {
  it("exits 1 and prints every error as JSON for an invalid definition", () => {
    const fixture = new DefinitionFixture();
    try {
      fixture.edit("departments/culture.yaml", "headcount: 40", "headcont: 40");
      fixture.edit("tenant.yaml", "primaryRegion: spaincentral", "primaryRegion: spaincentrl");
      const run = tenant("validate", "--dir", fixture.dir, "--format", "json");
      expect(run.code).toBe(1);
      const out = JSON.parse(run.stdout) as { valid: boolean; errors: Record<string, unknown>[] };
      expect(out.valid).toBe(false);
      expect(out.errors).toHaveLength(3);
      for (const e of out.errors) {
        expect(Object.keys(e).sort()).toEqual(["column", "file", "line", "message", "path"]);
        expect(typeof e.line).toBe("number");
        expect(typeof e.column).toBe("number");
      }
      expect(out.errors[2]).toEqual({
        file: join(fixture.dir, "tenant.yaml"),
        line: 26,
        column: 18,
        path: "landingZone.primaryRegion",
        message:
          "primary region 'spaincentrl' is not in allowedRegions (did you mean 'spaincentral'?) — add it to allowedRegions or choose an allowed region",
      });
      expect(run.stderr).toBe("");
    } finally {
      fixture.remove();
    }
  });

  it("exits 0 on the valid fixture", () => {
    const run = tenant("validate", "--dir", MINIMAL_FIXTURE, "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, errors: [] });
  });

  it.each([
    ["neither --stack nor --dir", ["validate"]],
    ["an unknown option", ["validate", "--dir", MINIMAL_FIXTURE, "--colour"]],
    ["an unknown stack", ["validate", "--stack", "no-such-stack"]],
    ["a folder that does not exist", ["validate", "--dir", join(MINIMAL_FIXTURE, "nowhere")]],
    ["an unknown format", ["validate", "--dir", MINIMAL_FIXTURE, "--format", "xml"]],
  ])("exits 2 on a usage error: %s", (_name, args) => {
    const run = tenant(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });
});
