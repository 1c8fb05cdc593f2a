import { peopleOfBoth } from "../../src/forecast/people";
import { exampleBase } from "./helpers/edits";

describe("peopleOfBoth: the forecast tenant's people", () => {
  const base = exampleBase();

  it("keeps a user whose number row the head removes, in the base's department", () => {
    const head = structuredClone(base);
    const [gone] = head.numbers.actividades.splice(0, 1);
    const seeded = peopleOfBoth(base, head);
    expect(seeded.numbers.actividades.map((r) => r.userPrincipalName)).toContain(gone.userPrincipalName);
    expect(head.numbers.actividades).toHaveLength(base.numbers.actividades.length - 1); // head left alone
  });

  it("a user who moves department is seeded once, where the head puts them", () => {
    const head = structuredClone(base);
    const [moved] = head.numbers.actividades.splice(0, 1);
    head.numbers.centro = [...(head.numbers.centro ?? []), moved];
    const seeded = peopleOfBoth(base, head);
    const everywhere = Object.entries(seeded.numbers).flatMap(([d, rows]) =>
      rows.filter((r) => r.userPrincipalName === moved.userPrincipalName).map(() => d),
    );
    expect(everywhere).toEqual(["centro"]);
  });
});

describe("peopleOfBoth: a department the head removes", () => {
  it("keeps its group and people in the forecast tenant, leaving the head itself alone", () => {
    const base = exampleBase();
    const head = structuredClone(base);
    head.departments = head.departments.filter((d) => d.id !== "actividades");
    delete head.numbers.actividades;
    const seeded = peopleOfBoth(base, head);
    expect(seeded.departments.map((d) => d.id)).toContain("actividades");
    expect(seeded.numbers.actividades).toEqual(base.numbers.actividades);
    expect(head.departments.map((d) => d.id)).not.toContain("actividades");
  });
});
