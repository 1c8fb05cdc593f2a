import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from "../../src/config/yamlSource";
import { problemsAfter, type RuleCase } from "./helpers/validate";

/** Nine levels of nine aliases each: 9^9 strings (387 million) once expanded, in a 400-byte file. */
function billionLaughs(firstKey: string): string {
  let text = `${firstKey}: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i <= 8; i++)
    text += `l${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(",")}]\n`;
  return text;
}

const BOMB = `aliases here expand to more than ${MAX_YAML_ALIASES} copies of their anchors — write the values out instead of nesting *aliases (a definition file never needs this many)`;
const DEEP = `the YAML nests more than ${MAX_YAML_DEPTH} levels deep here — a definition file needs only a few levels; flatten it (see docs/config-reference.md for the file's fields)`;

describe("hostile YAML is a located error, never a crash", () => {
  const cases: RuleCase[] = [
    {
      name: "a billion-laughs department file",
      write: { "departments/mobility.yaml": billionLaughs("id") },
      errors: [`departments/mobility.yaml:2:10: (file): ${BOMB}`],
    },
    {
      name: "a billion-laughs tenant.yaml",
      write: { "tenant.yaml": billionLaughs("organization") },
      errors: [`tenant.yaml:2:10: (file): ${BOMB}`],
    },
    {
      name: "nesting deeper than any definition needs (but within the parser's reach)",
      write: { "departments/mobility.yaml": `id: ${"[".repeat(40)}${"]".repeat(40)}\n` },
      errors: [`departments/mobility.yaml:1:${5 + MAX_YAML_DEPTH - 1}: (file): ${DEEP}`],
    },
    {
      name: "nesting deep enough to exhaust the parser's stack",
      write: { "departments/mobility.yaml": `id:\n${"- ".repeat(20_000)}x\n` },
      errors: [
        expect.stringMatching(/^departments\/mobility\.yaml:2:\d+: \(file\): the YAML nests more than/),
      ],
    },
    {
      name: "a list as a mapping key",
      write: { "departments/mobility.yaml": "id: mobility\n? [a, b]\n: x\n" },
      errors: [
        "departments/mobility.yaml:2:3: (file): a key here is a list or a mapping — keys are plain names (write `name: value`; a '?' starts such a key)",
      ],
    },
    {
      name: "an alias with no anchor",
      write: { "departments/mobility.yaml": "id: *nowhere\n" },
      errors: [
        "departments/mobility.yaml:1:5: (file): alias *nowhere has no anchor &nowhere before it — set the anchor first or write the value out",
      ],
    },
    {
      name: "an alias inside its own anchor (an endless value)",
      write: { "departments/mobility.yaml": "id: mobility\nowners: &me [*me]\n" },
      errors: [
        "departments/mobility.yaml:2:14: (file): alias *me is inside its own anchor &me, which makes an endless value — write the value out",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});
