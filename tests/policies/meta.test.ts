import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { registry } from "../../policies/registry";
import { ALL_RULES } from "../../policies/rules";
import { generatedFiles } from "../../src/policy/generated";

/** Repository QA for the pack (compliance-policies' meta checks). */
const ROOT = join(__dirname, "..", "..");
const RULES = join(ROOT, "policies", "rules");

function ruleFiles(dir = RULES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? ruleFiles(join(dir, e.name))
      : e.name.endsWith(".ts") && e.name !== "index.ts"
        ? [join(dir, e.name)]
        : [],
  );
}

/** The exported policy of a rule file, found by loading it. */
function registeredIn(file: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads each rule file found on disk
  const exports = Object.values(require(file) as Record<string, unknown>);
  return exports.filter((v) => ALL_RULES.includes(v as never)) as (typeof ALL_RULES)[number][];
}

describe("policy pack meta", () => {
  const files = ruleFiles();

  it("has rule files", () => {
    expect(files.length).toBe(ALL_RULES.length);
  });

  it.each(files.map((f) => [relative(RULES, f), f]))(
    "%s: one registered policy, a test, JSDoc = description",
    (_n, file) => {
      const found = registeredIn(file);
      expect(found).toHaveLength(1);
      const { metadata } = found[0];
      // The test mirrors the rule's path.
      const test = join(
        ROOT,
        "tests",
        "policies",
        "rules",
        relative(RULES, file).replace(/\.ts$/, ".test.ts"),
      );
      expect(existsSync(test)).toBe(true);
      expect(readFileSync(test, "utf8")).toContain(`"${metadata.id}"`);
      // The JSDoc right above the policy's export summarises it in the description's words.
      const source = readFileSync(file, "utf8");
      const match = /\/\*\*\s*\n((?:\s*\*[^\n]*\n)+?)\s*\*\/\s*\nexport const \w+ = definePolicy\(/.exec(
        source,
      );
      expect(match).not.toBeNull();
      const summary = (match as RegExpExecArray)[1]
        .split("\n")
        .map((l) => l.replace(/^\s*\*\s?/, "").trim())
        .join(" ")
        .trim();
      expect(summary).toBe(metadata.description);
    },
  );

  // rules/<vendor>/<service>/[<resource type>/]<file>.ts registers `<vendor>-<service>-[<resource type>-]…`, so a
  // policy id named in a PR comment leads to its file, and a file's folder says which ids live there.
  it.each(files.map((f) => [relative(RULES, f), f]))("%s: its id matches its folder", (_n, file) => {
    const { metadata } = registeredIn(file)[0];
    const [vendor, service, ...rest] = relative(RULES, file).split(sep).slice(0, -1);
    expect({ vendor: metadata.vendor, service: metadata.service }).toEqual({ vendor, service });
    const prefix = [vendor, service, ...rest].join("-").toLowerCase();
    expect(metadata.id.startsWith(`${prefix}-`)).toBe(true);
  });

  it.each(ALL_RULES.map((r) => [r.metadata.id, r]))(
    "%s: complete metadata and a well-formed id",
    (_id, { metadata: m }) => {
      expect(m.id).toMatch(new RegExp(`^${m.vendor}-${m.service}-[a-z0-9]+-[a-z0-9-]+$`));
      for (const text of [m.description, m.rationale, m.remediation]) expect(text).toMatch(/^[A-Z].*\.$/s);
      expect(m.topics.length).toBeGreaterThan(0);
    },
  );

  it("has unique ids", () => {
    const ids = ALL_RULES.map((r) => r.metadata.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(registry.all()).toHaveLength(ids.length);
  });

  it("keeps policies/index.ts to the PolicyPack alone", () => {
    const index = readFileSync(join(ROOT, "policies", "index.ts"), "utf8");
    expect(index.match(/new PolicyPack\(/g)).toHaveLength(1);
    expect(index).not.toMatch(/validateResource|validateStack/);
  });

  it("has its generated files up to date (npm run gen:rules)", () => {
    for (const { path, content } of generatedFiles()) {
      expect({ path: relative(ROOT, path), content: readFileSync(path, "utf8") }).toEqual({
        path: relative(ROOT, path),
        content,
      });
    }
  });
});
