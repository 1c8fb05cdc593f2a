import { toPosixPath } from "../src/posixPath";

describe("toPosixPath", () => {
  it("turns a Windows path into git's form", () => {
    expect(toPosixPath("stacks\\example\\departments\\centro.yaml", "\\")).toBe(
      "stacks/example/departments/centro.yaml",
    );
  });

  it("leaves a POSIX path as it is, backslashes in names included", () => {
    expect(toPosixPath("stacks/example/odd\\name.yaml", "/")).toBe("stacks/example/odd\\name.yaml");
  });
});
