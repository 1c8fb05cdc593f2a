import { join } from "node:path";
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

  it("converts this platform's paths by default", () => {
    expect(toPosixPath(join("stacks", "example", "tenant.yaml"))).toBe("stacks/example/tenant.yaml");
  });
});
