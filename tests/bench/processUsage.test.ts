import { processKind } from "../../bench/processUsage";

// Command lines as /proc/<pid>/cmdline gives them: arguments separated by NUL.
const cmdline = (...args: string[]) => `${args.join("\0")}\0`;

describe("processKind", () => {
  it.each([
    [cmdline("/repo/.cache/pulumi-engine/v3.274.1/bin/pulumi", "up", "--yes"), "engine (pulumi, Go)"],
    [cmdline("pulumi", "preview"), "engine (pulumi, Go)"],
    [cmdline("/x/bin/pulumi-language-nodejs", "-root", "/p", "127.0.0.1:4000"), "language host (Go)"],
    [cmdline("node", "/p/node_modules/@pulumi/pulumi/cmd/run", "--monitor", "x"), "program (node)"],
    [
      cmdline("/bin/bash", "/x/bin/pulumi-resource-pulumi-nodejs", "127.0.0.1:4001"),
      "dynamic providers (node)",
    ],
    [
      cmdline("node", "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", "a"),
      "dynamic providers (node)",
    ],
    [cmdline("node", "/repo/tests/fakes/fake-pwsh.js", "-NoLogo"), "fake pwsh (node)"],
    [cmdline("/usr/bin/git", "status"), "other"],
    ["", "other"],
  ])("%j is %s", (line, kind) => {
    expect(processKind(line)).toBe(kind);
  });
});
