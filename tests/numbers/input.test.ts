import { appendCsvRows, removeLines } from "../../src/numbers/csvText";
import { mostUsedLocation } from "../../src/numbers/runAllocate";
import { parseUsersInput } from "../../src/numbers/usersInput";
import { addIntentionalRemovals } from "../../src/numbers/yamlRemovals";

describe("parseUsersInput", () => {
  it("reads one user principal name a line, skipping blank lines and # comments", () => {
    expect(parseUsersInput("# new starters\nana@villa.example\n\r\n  luis@villa.example  \r\n")).toEqual({
      users: [
        { userPrincipalName: "ana@villa.example", line: 2 },
        { userPrincipalName: "luis@villa.example", line: 4 },
      ],
      problems: [],
    });
  });

  it("reports every bad line with its number and the fix", () => {
    expect(
      parseUsersInput("ana@villa.example\nnot-a-user\nana..gil@villa.example\nana@villa.example,hq\n")
        .problems,
    ).toEqual([
      {
        line: 2,
        message:
          "'not-a-user' is not a user principal name — write one such as ana@city.example (one per line, or a CSV with a userPrincipalName column)",
      },
      {
        line: 3,
        message:
          "'ana..gil@villa.example' is not a well-formed user principal name — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'",
      },
      {
        line: 4,
        message:
          "'ana@villa.example,hq' has commas but the input has no header — start a CSV with the line: userPrincipalName,emergencyLocation,category",
      },
    ]);
  });

  it("reads a CSV with a userPrincipalName column in any position, optional location and category", () => {
    const text =
      "# from HR\ncategory,userPrincipalName,emergencyLocation\n,ana@villa.example,\nprivate,luis@villa.example,annex-p1\n";
    expect(parseUsersInput(text)).toEqual({
      users: [
        {
          userPrincipalName: "ana@villa.example",
          line: 3,
          emergencyLocation: undefined,
          category: undefined,
        },
        {
          userPrincipalName: "luis@villa.example",
          line: 4,
          emergencyLocation: "annex-p1",
          category: "private",
        },
      ],
      problems: [],
    });
  });

  it("reports unknown columns, wrong field counts and bad categories at their lines", () => {
    expect(parseUsersInput("userPrincipalName,phone\nana@villa.example,1\n").problems).toEqual([
      {
        line: 1,
        message:
          "unknown column 'phone' — the columns are userPrincipalName (required), emergencyLocation and category",
      },
    ]);
    expect(
      parseUsersInput("userPrincipalName,category\nana@villa.example\nluis@villa.example,main\n").problems,
    ).toEqual([
      { line: 2, message: "has 1 field(s), the header has 2 — write one value per column" },
      {
        line: 3,
        message: "category 'main' is not one of primary, private, alternate — leave it empty for primary",
      },
    ]);
  });
});

describe("CSV and YAML edits keep what is there", () => {
  it("appends rows after the existing bytes, in the file's column order and line endings", () => {
    const text = "number,userPrincipalName\r\n+34915550001,ana@villa.example";
    expect(
      appendCsvRows(
        text,
        ["userPrincipalName", "number"],
        [{ userPrincipalName: "b@v.es", number: "+3491" }],
      ),
    ).toBe("number,userPrincipalName\r\n+34915550001,ana@villa.example\r\n+3491,b@v.es\r\n");
  });

  it("starts a missing file with the header, and quotes a value only when it must", () => {
    expect(appendCsvRows(undefined, ["a", "b"], [{ a: 'x,"y"', b: "z" }])).toBe('a,b\n"x,""y""",z\n');
  });

  it("removes exactly the given lines", () => {
    expect(removeLines("h\r\n1\r\n2\r\n3", new Set([2, 4]))).toBe("h\r\n2\r\n");
  });

  it("adds intentional removals without touching the rest of the YAML, and never twice", () => {
    const yaml =
      "# yaml-language-server: $schema=x.json\nid: culture # the id\nowners: [ana@villa.example]\n";
    const once = addIntentionalRemovals(yaml, ["+34915550001"]);
    expect(once).toBe(`${yaml}intentionalRemovals:\n  numbers:\n    - "+34915550001"\n`);
    expect(addIntentionalRemovals(once, ["+34915550001", "+34915550002"])).toBe(
      `${yaml}intentionalRemovals:\n  numbers:\n    - "+34915550001"\n    - "+34915550002"\n`,
    );
  });

  it("takes the department's most used emergency location as the default", () => {
    expect(mostUsedLocation(["p1", "p0", "p0", "p1", "p2"])).toBe("p1");
    expect(mostUsedLocation(["p1", "p0", "p0"])).toBe("p0");
    expect(mostUsedLocation([])).toBeUndefined();
  });
});
