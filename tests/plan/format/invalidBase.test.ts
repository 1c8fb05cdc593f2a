import { sep } from "node:path";
import type { Diagnostic } from "../../../src/config/diagnostics";
import { baseDiagnostics, invalidBaseMarkdown, invalidBaseText } from "../../../src/plan/format/invalidBase";

const problem = (i: number): Diagnostic => ({
  file: "tenant.yaml",
  line: i,
  column: 1,
  path: "organization",
  message: "<b>bad</b>",
});

describe("baseDiagnostics", () => {
  it("names files as git does at the ref: under the definition folder, or at the root", () => {
    const d = { ...problem(1), file: ["departments", "culture.yaml"].join(sep) };
    expect(baseDiagnostics([d], "stacks/minimal")[0].file).toBe("stacks/minimal/departments/culture.yaml");
    expect(baseDiagnostics([d], "")[0].file).toBe("departments/culture.yaml");
  });
});

describe("invalidBaseText and invalidBaseMarkdown", () => {
  const base = {
    stack: "prod",
    ref: "origin/main",
    commit: "0123456789abcdef",
    diagnostics: baseDiagnostics(
      Array.from({ length: 12 }, (_, i) => problem(i + 1)),
      "stacks/prod",
    ),
  };

  it("list ten problems, then count the rest", () => {
    const text = invalidBaseText(base).split("\n");
    expect(text[0]).toBe(
      "tenant plan: the definition at origin/main (0123456) does not validate with this branch's code (12 problems in 1 file), so there is nothing to compare with:",
    );
    expect(text.slice(10)).toEqual([
      "stacks/prod/tenant.yaml:10:1: organization: <b>bad</b>",
      "… and 2 more problems",
      "",
    ]);
  });

  it("markdown escapes the messages and counts the rest", () => {
    const md = invalidBaseMarkdown(base).split("\n");
    expect(md).toContain("- `stacks/prod/tenant.yaml` line 10, `organization`: &lt;b&gt;bad&lt;/b&gt;");
    expect(md).toContain("- …and 2 more problems");
    expect(md).not.toContain("- `stacks/prod/tenant.yaml` line 11, `organization`: &lt;b&gt;bad&lt;/b&gt;");
  });
});
