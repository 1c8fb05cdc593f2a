import { guidFrom, isGuid } from "../../src/emulator/ids";

describe("guidFrom", () => {
  it("gives the same id for the same seed name, so a re-seeded emulator and its state agree", () => {
    expect(guidFrom("user", "ana@villa.example")).toBe(guidFrom("user", "ana@villa.example"));
  });

  it.each([
    ["another name", "user", "luis@villa.example"],
    ["another namespace", "group", "ana@villa.example"],
    // The separator keeps ("ab","c") and ("a","bc") apart.
    ["the same characters split differently", "useran", "a@villa.example"],
  ])("gives a different id for %s", (_what, namespace, name) => {
    expect(guidFrom(namespace, name)).not.toBe(guidFrom("user", "ana@villa.example"));
  });

  it("has the RFC 4122 name-based (version 5) layout Graph clients parse", () => {
    const id = guidFrom("user", "ana@villa.example");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("isGuid", () => {
  it.each([
    ["06ebc4ee-1bb5-47dd-8120-11324bc54e06", true],
    ["06EBC4EE-1BB5-47DD-8120-11324BC54E06", true],
    ["ana@villa.example", false],
    ["{06ebc4ee-1bb5-47dd-8120-11324bc54e06}", false],
    ["06ebc4ee1bb547dd812011324bc54e06", false],
    ["06ebc4ee-1bb5-47dd-8120-11324bc54e06 ", false],
  ])("%j → %s", (s, guid) => {
    expect(isGuid(s)).toBe(guid);
  });
});
