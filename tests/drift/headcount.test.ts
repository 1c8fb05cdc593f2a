import type { Department } from "../../src/config/schema/department";
import { compareHeadcount } from "../../src/drift/headcount";
import { cleanLive } from "./helpers/liveFixture";

// A declared headcount meets the group's real size: more members take seats no review counted.
const department = { id: "culture", headcount: 40 } as Department;
const group = (memberCount: number | undefined) => ({
  ...cleanLive().groups.find((g) => g.displayName === "grp-vp-culture")!,
  memberCount,
});

describe("compareHeadcount", () => {
  it.each([
    ["not read (an older checkpoint)", undefined],
    ["smaller (ordinary turnover)", 12],
    ["exactly the headcount", 40],
  ])("no drift when the member count is %s", (_name, members) =>
    expect(compareHeadcount(department, group(members))).toEqual([]),
  );

  it("one member over the headcount is drift, saying how many seats were not counted", () => {
    expect(compareHeadcount(department, group(41))).toEqual([
      {
        area: "groups",
        kind: "members-exceed-headcount",
        department: "culture",
        subject: "grp-vp-culture",
        expected: "at most 40 members (declared headcount)",
        actual: "41 members",
        message:
          "group grp-vp-culture has 41 members but the department declares a headcount of 40: 1 more take seats the plan did not count — check the membership rule, or raise headcount if the department grew",
      },
    ]);
  });
});
