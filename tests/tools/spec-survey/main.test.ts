import { hasLogic, mirroredSpecs, survey } from "../../../tools/spec-survey/main";

describe("hasLogic", () => {
  it.each([
    ["export function f() {}", true],
    ["export class A {}", true],
    ["export const f = (x: number) => x;", true],
    ["export interface A {\n  f(): void;\n}\nexport type B = string;", false],
    ["export type F = (x: number) => void;", false],
    ["export interface A {\n  f: (x: number) => void;\n}", false],
    ['export { a } from "./a";\n// a function => here\n/* class */', false],
    ["export const LIMIT = 20;", false],
  ])("%j → %s", (source, expected) => {
    expect(hasLogic(source)).toBe(expected);
  });
});

describe("mirroredSpecs", () => {
  it("finds tests/<same path>.test.ts and its kinds, nothing named after another module", () => {
    const tests = [
      "tests/emulator/odata/filter.test.ts",
      "tests/emulator/odata/filter.property.test.ts",
      "tests/emulator/odata/filterText.test.ts",
      "tests/emulator/filter.test.ts",
    ];
    expect(mirroredSpecs("src/emulator/odata/filter.ts", tests)).toEqual([
      "tests/emulator/odata/filter.test.ts",
      "tests/emulator/odata/filter.property.test.ts",
    ]);
  });
});

describe("survey", () => {
  it("sorts modules with logic into specced, tested from elsewhere (directly or via an index), and untested", () => {
    const fn = "export function f() { return 1; }\n";
    const files = new Map([
      ["src/a/specced.ts", fn],
      ["src/a/elsewhere.ts", fn],
      ["src/a/viaIndex.ts", fn],
      ["src/a/index.ts", 'export { f } from "./viaIndex";\n'],
      ["src/a/untested.ts", fn],
      ["src/a/types.ts", "export interface T {\n  a: string;\n}\n"],
      ["tests/a/specced.test.ts", 'import { f } from "../../src/a/specced";\n'],
      [
        "tests/a/other.test.ts",
        'import { f } from "../../src/a/elsewhere";\nimport { g } from "../../src/a";\n',
      ],
    ]);
    expect(survey(files)).toEqual({
      untested: ["src/a/untested.ts"],
      unmirrored: ["src/a/elsewhere.ts", "src/a/viaIndex.ts"],
    });
  });
});
