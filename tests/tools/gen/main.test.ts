import { parseGenArgs } from "../../../tools/gen/main";

describe("npm run gen arguments", () => {
  it.each([
    [[], { check: false }],
    [["--check"], { check: true }],
    [
      ["--graph-docs", "/tmp/g", "--check", "--powershell-docs", "/tmp/p"],
      { check: true, graphDocs: "/tmp/g", powershellDocs: "/tmp/p" },
    ],
  ])("%j", (argv, expected) => {
    expect(parseGenArgs(argv)).toEqual(expected);
  });

  it.each([
    [["--write"], "unknown argument --write"],
    [["--graph-docs"], "--graph-docs needs a folder"],
    [["--powershell-docs", "--check"], "--powershell-docs needs a folder"],
  ])("%j is refused: %s", (argv, message) => {
    expect(parseGenArgs(argv)).toBe(message);
  });
});
