import { compileFilter, parseFilter, type FilterSchema } from "../../../src/emulator/odata/filter";
import type { DirectoryError } from "../../../src/emulator/state/licensing";

/**
 * The `$filter` grammar the emulator accepts and refuses. Expressions are the ones Microsoft documents in
 * microsoftgraph/microsoft-graph-docs-contrib `concepts/filter-query-parameter.md` @ 09455a65abde17103c17fc70605c4c8553f01978
 * ("filter-query-parameter" below) and `concepts/aad-advanced-queries.md` @ db5e5a862a57b76fae89be8008a09d6dc76cd68c
 * (which operators on directory objects need `ConsistencyLevel: eventual` + `$count=true`).
 */
interface Person {
  userType: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  companyName: string | null;
  department: string;
  employeeCount: number;
  isAssignableToRole: boolean;
  assignedLicenses: { skuId: string }[];
}

const SKU = "184efa21-98c3-4e5d-95ab-d07053a96e67";
const PEOPLE: Person[] = [
  {
    userType: "Member",
    displayName: "Mary Major",
    userPrincipalName: "admin.mary@contoso.com",
    mail: "mary@outlook.com",
    companyName: "Microsoft",
    department: "Retail",
    employeeCount: 10,
    isAssignableToRole: true,
    assignedLicenses: [{ skuId: SKU }],
  },
  {
    userType: "Guest",
    displayName: "O'Brien",
    userPrincipalName: "obrien@contoso.com",
    mail: "obrien@hotmail.com",
    companyName: null,
    department: "Sales",
    employeeCount: 20,
    isAssignableToRole: false,
    assignedLicenses: [],
  },
  {
    userType: "Member",
    displayName: "Alex Wilber",
    userPrincipalName: "alex@contoso.com",
    mail: null,
    companyName: "Contoso E.A.",
    department: "Finance",
    employeeCount: 30,
    isAssignableToRole: false,
    assignedLicenses: [{ skuId: "00000000-0000-0000-0000-000000000001" }],
  },
];

const SCHEMA: FilterSchema<Person> = {
  resource: "User",
  properties: {
    userType: (p) => p.userType,
    displayName: (p) => p.displayName,
    userPrincipalName: (p) => p.userPrincipalName,
    mail: (p) => p.mail,
    companyName: (p) => p.companyName,
    department: (p) => p.department,
    employeeCount: (p) => p.employeeCount,
    isAssignableToRole: (p) => p.isAssignableToRole,
    assignedLicenses: (p) => p.assignedLicenses,
  },
};

function names(filter: string, advanced = false): string[] {
  const compiled = compileFilter(filter, SCHEMA, advanced);
  if (typeof compiled !== "function") throw new Error(`refused: ${compiled.code} ${compiled.message}`);
  return PEOPLE.filter(compiled).map((p) => p.displayName);
}

function refusal(filter: string, advanced = false): DirectoryError {
  const compiled = compileFilter(filter, SCHEMA, advanced);
  if (typeof compiled === "function") throw new Error(`accepted: ${filter}`);
  return compiled;
}

describe("filters Graph serves by default (filter-query-parameter, no ** mark)", () => {
  it.each([
    ["userType eq 'Member'", ["Mary Major", "Alex Wilber"]],
    ["isAssignableToRole eq true", ["Mary Major"]],
    ["startswith(userPrincipalName, 'admin')", ["Mary Major"]],
    ["department in ('Retail', 'Sales')", ["Mary Major", "O'Brien"]],
    [`assignedLicenses/any(s:s/skuId eq ${SKU})`, ["Mary Major"]],
    ["startswith(displayName,'mary') or startswith(userPrincipalName,'alex')", ["Mary Major", "Alex Wilber"]],
  ])("%s", (filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });

  it("compares strings case-insensitively, as directory queries do (assumed: the emulator folds case)", () => {
    expect(names("userType eq 'MEMBER'")).toEqual(["Mary Major", "Alex Wilber"]);
    expect(names("startswith(displayName,'MARY')")).toEqual(["Mary Major"]);
    expect(names("department in ('retail')")).toEqual(["Mary Major"]);
  });

  it("reads property names and keywords case-insensitively", () => {
    expect(names("USERTYPE EQ 'Guest'")).toEqual(["O'Brien"]);
    expect(names("StartsWith(DisplayName,'alex') AND userType eq 'Member'")).toEqual(["Alex Wilber"]);
  });

  it("unquotes a doubled single quote inside a string literal (OData: SQUOTE-in-string)", () => {
    expect(names("displayName eq 'O''Brien'")).toEqual(["O'Brien"]);
  });

  it("binds 'and' tighter than 'or', and parentheses override it", () => {
    const loose = "userType eq 'Guest' or userType eq 'Member' and department eq 'Finance'";
    expect(names(loose)).toEqual(["O'Brien", "Alex Wilber"]);
    const grouped = "(userType eq 'Guest' or userType eq 'Member') and department eq 'Finance'";
    expect(names(grouped)).toEqual(["Alex Wilber"]);
  });

  it("compares numbers with ge, le, gt and lt", () => {
    expect(names("employeeCount ge 20")).toEqual(["O'Brien", "Alex Wilber"]);
    expect(names("employeeCount lt 20")).toEqual(["Mary Major"]);
    expect(names("employeeCount gt 10 and employeeCount le 20")).toEqual(["O'Brien"]);
  });

  it("matches null with eq null", () => {
    expect(names("mail eq null")).toEqual(["Alex Wilber"]);
  });
});

describe("advanced queries: ne, not and endswith need ConsistencyLevel: eventual and $count=true", () => {
  const advancedOnly: [string, string[]][] = [
    ["companyName ne null", ["Mary Major", "Alex Wilber"]],
    ["not(userType eq 'Member')", ["O'Brien"]],
    ["endswith(mail,'@outlook.com')", ["Mary Major"]],
    ["not(endswith(mail, 'hotmail.com'))", ["Mary Major", "Alex Wilber"]],
    ["not(userType in ('Member'))", ["O'Brien"]],
    ["companyName ne null and NOT(companyName eq 'Microsoft')", ["Alex Wilber"]],
    [`NOT assignedLicenses/any(s:s/skuId eq ${SKU})`, ["O'Brien", "Alex Wilber"]],
  ];

  it.each(advancedOnly)("%s is evaluated as an advanced query", (filter, expected) => {
    expect(names(filter, true)).toEqual(expected);
  });

  it.each(advancedOnly)("%s is refused without the advanced headers, like Graph", (filter) => {
    const error = refusal(filter, false);
    expect(error.status).toBe(400);
    expect(error.code).toBe("Request_UnsupportedQuery");
    expect(error.message).toMatch(
      /^Unsupported or invalid query filter clause specified for property '\w+' of resource 'User'\.$/,
    );
  });

  it("an advanced operator anywhere in the expression makes it advanced", () => {
    expect(refusal("userType eq 'Member' or department ne 'Retail'").code).toBe("Request_UnsupportedQuery");
  });
});

describe("refused with 400, never silently misread", () => {
  it("a property the resource cannot filter on names the property and the resource (§5.1 message)", () => {
    expect(refusal("createdDateTime eq 'x'")).toEqual({
      status: 400,
      code: "Request_UnsupportedQuery",
      message:
        "Unsupported or invalid query filter clause specified for property 'createdDateTime' of resource 'User'.",
    });
  });

  it("an unknown property inside a lambda or a function is refused the same way", () => {
    expect(refusal("startswith(jobTitle,'a')").message).toContain("property 'jobTitle'");
    expect(refusal("assignedPlans/any(a:a/servicePlanId eq 1)").message).toContain(
      "property 'assignedPlans'",
    );
  });

  // Graph itself does not support `all` ("Currently, it isn't supported in Microsoft Graph", filter-query-parameter).
  // The rest are documented Graph operators the emulator does not implement; it refuses them rather than guess.
  it.each([
    ["all (unsupported by Graph too)", `assignedLicenses/all(s:s/skuId eq ${SKU})`],
    ["has", "userType has 'Member'"],
    ["contains", "contains(displayName,'Mary')"],
    ["$count on a collection", "assignedLicenses/$count eq 0"],
    ["a lambda over primitive values", "userType/any(c:c eq 'Member')"],
    ["a function inside a lambda", "assignedLicenses/any(s:startswith(s/skuId,'18'))"],
    ["an operator other than eq inside any()", `assignedLicenses/any(s:s/skuId ne ${SKU})`],
  ])("%s", (_what, filter) => {
    const error = refusal(filter, true);
    expect(error.status).toBe(400);
    expect(["BadRequest", "Request_UnsupportedQuery"]).toContain(error.code);
  });

  it.each([
    ["userType eq 'Member", "unterminated string literal"],
    ["(userType eq 'Member'", "expected ')'"],
    ["userType eq 'Member' 'Guest'", "unexpected 'Guest'"],
    ["userType like 'M'", "unsupported operator after 'userType'"],
    ["startswith(displayName, 5)", "startswith needs a string"],
    ["userType eq", "expected a value"],
    ["userType eq Member", "unexpected 'Member'"],
    ["userType eq 'a' ; drop", "unexpected ';'"],
  ])("a malformed clause %s is 400 BadRequest saying why", (filter, why) => {
    expect(refusal(filter)).toEqual({
      status: 400,
      code: "BadRequest",
      message: `Invalid filter clause: ${why}.`,
    });
  });
});

describe("the parse tree the routes read (teamsNumbers picks candidates from its conjuncts)", () => {
  it("keeps the property as written and reads unquoted GUIDs, numbers, booleans and null as values", () => {
    expect(parseFilter(`assignmentTargetId eq ${SKU} and isActive eq false`)).toEqual({
      k: "and",
      left: { k: "cmp", prop: "assignmentTargetId", op: "eq", value: SKU },
      right: { k: "cmp", prop: "isActive", op: "eq", value: false },
    });
    expect(parseFilter("employeeCount eq -1.5 or mail eq null")).toEqual({
      k: "or",
      left: { k: "cmp", prop: "employeeCount", op: "eq", value: -1.5 },
      right: { k: "cmp", prop: "mail", op: "eq", value: null },
    });
  });

  it("splits a lambda into collection, sub-property and value", () => {
    expect(parseFilter(`targetResources/any(t:t/id eq '42')`)).toEqual({
      k: "any",
      prop: "targetResources",
      sub: "id",
      op: "eq",
      value: "42",
    });
  });
});
