import {
  MANAGED_BY,
  REQUIRED_RESOURCE_GROUP_TAGS,
  checkTags,
  departmentTags,
  mergeTags,
  platformTags,
  tagProblems,
} from "../src/tags";

describe("tag rules", () => {
  test.each([
    [
      "department",
      departmentTags("prod", { id: "culture", costCenter: "CC-100" }),
      { managedBy: MANAGED_BY, environment: "prod", department: "culture", costCenter: "CC-100" },
    ],
    [
      "platform",
      platformTags("prod", "connectivity"),
      {
        managedBy: MANAGED_BY,
        environment: "prod",
        department: "platform",
        costCenter: "platform",
        workload: "connectivity",
      },
    ],
  ])("%s tags", (_what, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  test("department and platform tags satisfy the required resource-group tags", () => {
    for (const tags of [
      departmentTags("dev", { id: "a1", costCenter: "X1" }),
      platformTags("dev", "management"),
    ]) {
      for (const key of REQUIRED_RESOURCE_GROUP_TAGS) expect(tags[key]).toEqual(expect.any(String));
    }
  });

  test("mergeTags lets later maps add and override, but never managedBy or environment", () => {
    expect(
      mergeTags(
        platformTags("dev", "management"),
        { workload: "identity", owner: "ana" },
        { managedBy: "someone", environment: "x" },
      ),
    ).toEqual({
      managedBy: MANAGED_BY,
      environment: "dev",
      department: "platform",
      costCenter: "platform",
      workload: "identity",
      owner: "ana",
    });
  });

  test.each([
    [{ ok: "fine" }, []],
    [{ "bad/key": "v" }, ["tag name 'bad/key' must not contain < > % & \\ ? /"]],
    [{ k: "v".repeat(257) }, ["tag 'k' has a value longer than 256 characters"]],
    [{ ["k".repeat(513)]: "v" }, [`tag name '${"k".repeat(513)}' must be 1 to 512 characters`]],
    [
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])),
      ["51 tags exceed Azure's limit of 50"],
    ],
  ])("tagProblems(%#)", (tags, expected) => {
    expect(tagProblems(tags)).toEqual(expected);
  });

  test("checkTags throws with every problem", () => {
    expect(() => checkTags({ "a?": "v" })).toThrow("Invalid tags: tag name 'a?' must not contain");
  });
});
