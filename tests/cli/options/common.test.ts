import { answerTimeoutSeconds, checkedNumber, graphUrl, stackName } from "../../../src/cli/options/common";
import { stackNameProblem } from "../../../src/config/definitionDir";

const problemOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0].message;

describe("shared option values", () => {
  it.each(["example", "prod_2", "a-b"])("%s is a stack name", (name) => {
    expect(stackName.safeParse(name)).toEqual({ success: true, data: name });
  });

  it.each(["../example", "..", "a/b", "/etc", "a\\b", "exa mple", ""])(
    "%j is not, and the fix is said",
    (name) => {
      expect(problemOf(stackName.safeParse(name))).toBe(stackNameProblem(name));
      expect(stackNameProblem(name)).toContain("for a folder elsewhere use --dir <path>");
    },
  );

  it("--graph: https without credentials or a path; the message names --graph", () => {
    expect(graphUrl.safeParse("https://127.0.0.1:8443/").success).toBe(true);
    expect(problemOf(graphUrl.safeParse("http://127.0.0.1:1"))).toMatch(
      /^Graph endpoint from --graph must use https:\/\//,
    );
    expect(problemOf(graphUrl.safeParse("not a url"))).toBe(
      'Graph endpoint from --graph is not a URL: "not a url"',
    );
  });

  it("--answer-timeout: text or a number above 0, read as a number", () => {
    expect(answerTimeoutSeconds.parse("1.5")).toBe(1.5);
    expect(answerTimeoutSeconds.parse(20)).toBe(20);
    for (const bad of ["0", "-1", "soon", "", "Infinity"]) {
      expect(problemOf(answerTimeoutSeconds.safeParse(bad))).toBe(
        "give a number of seconds above 0, e.g. 20",
      );
    }
  });

  it("checkedNumber hands its rule the number and the text as given", () => {
    const seen: [number, string][] = [];
    const schema = checkedNumber((n, text) => (seen.push([n, text]), undefined));
    schema.parse(" 7");
    schema.parse(8);
    expect(seen).toEqual([
      [7, " 7"],
      [8, "8"],
    ]);
  });
});
