import { problemsAfter } from "./helpers/validate";

const HEADER = "userPrincipalName,number,emergencyLocation,category\n";

/** When a file fails its schema, rules that need it stay silent instead of crashing or guessing. */
describe("rules over partial data", () => {
  it("a tenant.yaml that fails its schema silences the rules that need it, but not the others", () => {
    const lines = problemsAfter({
      edits: [
        ["tenant.yaml", "  name: Villa Pequeña\n", ""],
        ["departments/mobility.yaml", "10.20.5.0/24", "10.20.4.0/23"],
      ],
      write: { "numbers/mobility.csv": `${HEADER}luis@villa.example,+34915550001,nowhere,primary\n` },
    });
    expect(lines).toEqual([
      "departments/mobility.yaml:14:17: network.addressSpace: spoke 10.20.4.0/23 overlaps the spoke of 'culture' 10.20.4.0/24 (departments/culture.yaml:19) — address blocks must not overlap; choose a free block",
      "numbers/mobility.csv:2:20: number: +34915550001 is already assigned to ana@villa.example at numbers/culture.csv:2 — a number belongs to one user; remove one of the rows",
      "tenant.yaml:3:3: organization.name: required field is missing — add 'name' (a string)",
    ]);
  });

  it("a department that fails its schema keeps its numbers file owned, and its rows' ranges unchecked", () => {
    const lines = problemsAfter({
      edits: [["departments/culture.yaml", "headcount: 40", "headcount: -1"]],
      write: { "numbers/culture.csv": `${HEADER}ana@villa.example,+34914800012,town-hall-p0,primary\n` },
    });
    expect(lines).toEqual([
      "departments/culture.yaml:9:12: headcount: -1 is too small: it must be at least 0 — raise it",
    ]);
  });
});
