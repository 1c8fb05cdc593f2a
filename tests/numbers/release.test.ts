import { planRelease } from "../../src/numbers/release";
import type { NumberAssignment } from "../../src/config/schema/numbers";

const row = (
  line: number,
  userPrincipalName: string,
  number: string,
  category: NumberAssignment["category"],
) => ({
  line,
  value: { userPrincipalName, number, emergencyLocation: "hall", category },
});

const FILE = [
  row(2, "ana@villa.example", "+34910000001", "primary"),
  row(3, "Luis@villa.example", "+34910000002", "primary"),
  row(4, "ana@villa.example", "+34910000003", "private"),
];

describe("planRelease", () => {
  it("releases every number of a listed user, all categories, with their file lines", () => {
    expect(planRelease(FILE, [{ userPrincipalName: "ana@villa.example", line: 2 }], "culture.csv")).toEqual({
      released: [
        { userPrincipalName: "ana@villa.example", number: "+34910000001", category: "primary", line: 2 },
        { userPrincipalName: "ana@villa.example", number: "+34910000003", category: "private", line: 4 },
      ],
      problems: [],
    });
  });

  it("matches users case-insensitively and releases a user listed twice once", () => {
    const plan = planRelease(
      FILE,
      [
        { userPrincipalName: "luis@VILLA.example", line: 2 },
        { userPrincipalName: "LUIS@villa.example", line: 3 },
      ],
      "culture.csv",
    );
    expect(plan.released.map((r) => r.number)).toEqual(["+34910000002"]);
    expect(plan.problems).toEqual([]);
  });

  it("names a user with no number at its input line, and still releases the others", () => {
    const plan = planRelease(
      FILE,
      [
        { userPrincipalName: "pedro@villa.example", line: 2 },
        { userPrincipalName: "luis@villa.example", line: 3 },
      ],
      "culture.csv",
    );
    expect(plan.problems).toEqual([
      {
        line: 2,
        message:
          "pedro@villa.example has no number in culture.csv — check the name, or release it from the department whose file lists it",
      },
    ]);
    expect(plan.released.map((r) => r.userPrincipalName)).toEqual(["Luis@villa.example"]);
  });
});
