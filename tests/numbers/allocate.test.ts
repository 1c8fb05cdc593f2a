import { allocateNumbers, type AllocateInput, type AllocationRequest } from "../../src/numbers/allocate";

const A = { id: "a", start: "+34915550000", end: "+34915550004" };
const B = { id: "b", start: "+34915560000", end: "+34915560002" };

const user = (
  upn: string,
  line: number,
  category: AllocationRequest["category"] = "primary",
): AllocationRequest => ({
  userPrincipalName: upn,
  emergencyLocation: "hq-p0",
  category,
  line,
});

const base: AllocateInput = {
  ranges: [A],
  assigned: [],
  released: [],
  quarantineDays: 90,
  today: "2026-06-01",
  users: [],
};

const numbersOf = (input: Partial<AllocateInput>) =>
  allocateNumbers({ ...base, ...input }).allocations.map(
    (a) => `${a.userPrincipalName} ${a.number} ${a.range}`,
  );

describe("allocateNumbers", () => {
  it("gives the lowest free numbers in input order, and the same input gives the same output", () => {
    const input = { ...base, users: [user("b@x.es", 1), user("a@x.es", 2)] };
    expect(numbersOf(input)).toEqual(["b@x.es +34915550000 a", "a@x.es +34915550001 a"]);
    expect(allocateNumbers(input)).toEqual(allocateNumbers(input));
  });

  it("skips numbers assigned anywhere in the definition, filling gaps first", () => {
    const assigned = ["+34915550000", "+34915550002"].map((number, i) => ({
      number,
      userPrincipalName: `o${i}@x.es`,
      category: "primary" as const,
      where: `numbers/other.csv:${i + 2}`,
    }));
    expect(numbersOf({ assigned, users: [user("a@x.es", 1), user("b@x.es", 2)] })).toEqual([
      "a@x.es +34915550001 a",
      "b@x.es +34915550003 a",
    ]);
  });

  it("moves on to the next range in the department's order when the first is full", () => {
    const users = ["1", "2", "3", "4", "5", "6"].map((n, i) => user(`u${n}@x.es`, i + 1));
    expect(numbersOf({ ranges: [A, B], users }).slice(4)).toEqual([
      "u5@x.es +34915550004 a",
      "u6@x.es +34915560000 b",
    ]);
    expect(numbersOf({ ranges: [B, A], users: users.slice(0, 1) })).toEqual(["u1@x.es +34915560000 b"]);
  });

  describe("quarantine", () => {
    const released = [{ number: "+34915550000", releasedOn: "2026-03-03", where: "numbers/released.csv:2" }];
    // 2026-03-03 + 90 days = 2026-06-01.
    it.each([
      ["the last day of quarantine", "2026-05-31", "+34915550001"],
      ["the first day after quarantine", "2026-06-01", "+34915550000"],
      ["the day of the release", "2026-03-03", "+34915550001"],
    ])("on %s (%s) hands out %s", (_name, today, number) => {
      expect(numbersOf({ released, today, users: [user("a@x.es", 1)] })).toEqual([`a@x.es ${number} a`]);
    });

    it("counts from the latest release of a number released twice", () => {
      const twice = [
        ...released,
        { number: "+34915550000", releasedOn: "2026-05-01", where: "numbers/released.csv:3" },
      ];
      expect(numbersOf({ released: twice, today: "2026-06-01", users: [user("a@x.es", 1)] })).toEqual([
        "a@x.es +34915550001 a",
      ]);
    });

    it("quarantineDays 0 hands a released number out at once", () => {
      expect(
        numbersOf({ released, quarantineDays: 0, today: "2026-03-03", users: [user("a@x.es", 1)] }),
      ).toEqual(["a@x.es +34915550000 a"]);
    });
  });

  it("leaves users who already have a number of the category, and users listed twice, with the reason", () => {
    const result = allocateNumbers({
      ...base,
      assigned: [
        {
          number: "+34915550003",
          userPrincipalName: "Ana@x.es",
          category: "primary",
          where: "numbers/c.csv:4",
        },
      ],
      users: [user("ana@x.es", 1), user("ana@x.es", 2, "private"), user("bo@x.es", 3), user("BO@x.es", 4)],
    });
    expect(result.allocations.map((a) => `${a.userPrincipalName} ${a.category} ${a.number}`)).toEqual([
      "ana@x.es private +34915550000",
      "bo@x.es primary +34915550001",
    ]);
    expect(result.skipped).toEqual([
      {
        userPrincipalName: "ana@x.es",
        line: 1,
        reason: "already has primary number +34915550003 (numbers/c.csv:4); left unchanged",
      },
      {
        userPrincipalName: "BO@x.es",
        line: 4,
        reason: "listed again (first on line 3); given one primary number",
      },
    ]);
  });

  it("allocates nothing when the ranges cannot serve every user, and says how many are free", () => {
    const released = [{ number: "+34915550004", releasedOn: "2026-05-30", where: "r:2" }];
    const users = ["1", "2", "3", "4", "5"].map((n, i) => user(`u${n}@x.es`, i + 1));
    const result = allocateNumbers({ ...base, released, users });
    expect(result.allocations).toEqual([]);
    expect(result.error).toBe(
      "only 4 free number(s) left in 'a' (+34915550000–+34915550004) but 5 user(s) need one — nothing was allocated; add a range to the department's numberRanges, or allocate to fewer users",
    );
  });

  it("errors when the department has no ranges", () => {
    expect(allocateNumbers({ ...base, ranges: [], users: [user("a@x.es", 1)] }).error).toBe(
      "the department lists no numberRanges, so 1 user(s) cannot get a number — add a range to its numberRanges",
    );
  });

  it("never hands out a number the numbering plan rejects", () => {
    expect(
      numbersOf({ isValidNumber: (n) => !n.endsWith("0") && !n.endsWith("1"), users: [user("a@x.es", 1)] }),
    ).toEqual(["a@x.es +34915550002 a"]);
  });
});
