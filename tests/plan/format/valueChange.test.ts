import { plain } from "../../../src/plan/format/describe";
import { code } from "../../../src/plan/format/markdown";
import {
  describeListChange,
  describeStringChange,
  describeValue,
  describeValueChange,
} from "../../../src/plan/format/valueChange";

/**
 * #17: "Changing a list shows both sides cut at the same place (`["platform","actividades",… →
 * ["platform","actividades",…`), so the change cannot be seen." Lists say what was added and removed; long
 * strings show the changed part; strings are shown as written.
 */
const SECTIONS = ["platform", "actividades", "cultura", "deportes", "turismo", "urbanismo"];

describe("describeListChange", () => {
  it("names the items added and removed, not both sides cut at the same place", () => {
    expect(describeValueChange(SECTIONS, [...SECTIONS, "juventud"], plain)).toBe("added juventud");
    expect(
      describeValueChange(
        SECTIONS,
        SECTIONS.filter((s) => s !== "turismo"),
        plain,
      ),
    ).toBe("removed turismo");
    expect(describeValueChange(SECTIONS, ["platform", "actividades", "fiestas", "cultura"], code)).toBe(
      "added `fiestas`; removed `deportes`, `turismo`, `urbanismo`",
    );
  });

  it("shows five items, then counts the rest", () => {
    expect(describeListChange([], ["a", "b", "c", "d", "e", "f", "g"], plain)).toBe(
      "added a, b, c, d, e and 2 more",
    );
  });

  it("counts repeats, says when only the order changed, and prints numbers as numbers", () => {
    expect(describeListChange(["a"], ["a", "a"], plain)).toBe("added a");
    expect(describeListChange(["a", "b"], ["b", "a"], plain)).toBe("same items, new order: b, a");
    expect(describeListChange([50, 80], [50, 90, 100], plain)).toBe("added 90, 100; removed 80");
  });
});

describe("describeStringChange", () => {
  it("shows short strings whole and unescaped", () => {
    expect(describeStringChange(`Turismo'")`, "Turismo", code)).toBe("`Turismo'\")` → `Turismo`");
    expect(describeStringChange("C:\\x", "", plain)).toBe("C:\\x → (empty)");
  });

  it("shows the changed part of a long string with 12 characters of context and ellipses", () => {
    const before = '(user.department -in ["Cultura","Deportes","Turismo","Urbanismo"])';
    const after = '(user.department -in ["Cultura","Deportes","Fiestas","Urbanismo"])';
    expect(describeStringChange(before, after, plain)).toBe(
      '…"Deportes","Turismo","Urbanismo… → …"Deportes","Fiestas","Urbanismo…',
    );
  });

  it("drops the ellipsis where the change is near an end", () => {
    const before = `${"x".repeat(60)}`;
    expect(describeStringChange(before, `${before}yz`, plain)).toBe(
      `…${"x".repeat(12)} → …${"x".repeat(12)}yz`,
    );
    expect(describeStringChange(`ab${before}`, `AB${before}`, plain)).toBe(
      `ab${"x".repeat(12)}… → AB${"x".repeat(12)}…`,
    );
  });

  it("cuts a long changed part, and keeps line breaks on one line", () => {
    const before = "a".repeat(50);
    const after = "b".repeat(50);
    expect(describeStringChange(before, after, plain)).toBe(`${"a".repeat(47)}… → ${"b".repeat(47)}…`);
    expect(describeStringChange("one\ntwo", "one\nthree", plain)).toBe("one↵two → one↵three");
  });
});

describe("describeValueChange and describeValue", () => {
  it("prints other values as brief JSON", () => {
    expect(describeValueChange(1, 2, code)).toBe("`1` → `2`");
    expect(describeValueChange({ a: 1 }, { a: 2 }, plain)).toBe('{"a":1} → {"a":2}');
    expect(describeValueChange("on", true, plain)).toBe("on → true");
    expect(describeValue('Cultura "y" Deportes', plain)).toBe('Cultura "y" Deportes');
    expect(describeValue(["a"], plain)).toBe('["a"]');
  });
});
