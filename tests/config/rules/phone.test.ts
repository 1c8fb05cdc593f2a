import { phonePlan } from "../../../src/config/rules/phone";

/** Numbers checked against the organisation country's numbering plan (libphonenumber's full metadata). */
describe("phonePlan", () => {
  const es = phonePlan("ES")!;

  it("knows the country's calling code, and has no plan for a country without metadata", () => {
    expect([es.country, es.callingCode]).toEqual(["ES", "34"]);
    expect(phonePlan("US")!.callingCode).toBe("1");
    expect(phonePlan("XX")).toBeUndefined();
  });

  it.each(["+34915550001", "+34600123456"])("accepts %s, an allocated Spanish number", (n) => {
    expect(es.problem(n)).toBeUndefined();
  });

  it.each([
    ["+3491555000", "+3491555000 has too few digits for ES (+34) — check for a missing digit"],
    ["+349155500012", "+349155500012 has too many digits for ES (+34) — check for an extra digit"],
    [
      "+34015550001",
      "+34015550001 is not a valid ES number: no number of that length starts with these digits — check the digits after +34",
    ],
    [
      "+33142685300",
      "+33142685300 is a number of FR, not of ES (the organisation's country, calling code +34) — use a +34 number",
    ],
    [
      "+999123",
      "+999123 does not start with +34 (the organisation's country, calling code +34) — use a +34 number",
    ],
  ])("refuses %s saying why and what to do", (n, problem) => {
    expect(es.problem(n)).toBe(problem);
  });

  // A calling code shared by several countries: the number must belong to the organisation's own.
  it.each([
    ["US", "+12025550123", undefined],
    ["US", "+14165550123", "+14165550123 is a number of CA, not US — use a number of US"],
    ["GB", "+442079460000", undefined],
    ["GB", "+441481712345", "+441481712345 is a number of GG, not GB — use a number of GB"],
  ])("%s: %s", (country, n, problem) => {
    expect(phonePlan(country)!.problem(n)).toBe(problem);
  });
});
