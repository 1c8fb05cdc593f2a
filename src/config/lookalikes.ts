import type { FieldPath } from "./diagnostics";

/**
 * Characters that pass for others in a name: Cyrillic and Greek letters drawn like Latin ones, full-width Latin
 * letters and digits, and invisible or direction-changing characters. `cеntro` with a Cyrillic е is a different
 * id, group name or user than `centro`, and a reviewer cannot see the difference; so a definition refuses them,
 * naming the character and its code point (names as in the Unicode Character Database).
 */
interface Lookalike {
  name: string;
  /** What it passes for; undefined for invisible characters. */
  looksLike?: string;
}

const LETTERS: readonly [number, string, string][] = [
  [0x0430, "CYRILLIC SMALL LETTER A", "a"],
  [0x0435, "CYRILLIC SMALL LETTER IE", "e"],
  [0x043e, "CYRILLIC SMALL LETTER O", "o"],
  [0x0440, "CYRILLIC SMALL LETTER ER", "p"],
  [0x0441, "CYRILLIC SMALL LETTER ES", "c"],
  [0x0443, "CYRILLIC SMALL LETTER U", "y"],
  [0x0445, "CYRILLIC SMALL LETTER HA", "x"],
  [0x0455, "CYRILLIC SMALL LETTER DZE", "s"],
  [0x0456, "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", "i"],
  [0x0458, "CYRILLIC SMALL LETTER JE", "j"],
  [0x04bb, "CYRILLIC SMALL LETTER SHHA", "h"],
  [0x04cf, "CYRILLIC SMALL LETTER PALOCHKA", "l"],
  [0x0501, "CYRILLIC SMALL LETTER KOMI DE", "d"],
  [0x051b, "CYRILLIC SMALL LETTER QA", "q"],
  [0x051d, "CYRILLIC SMALL LETTER WE", "w"],
  [0x0405, "CYRILLIC CAPITAL LETTER DZE", "S"],
  [0x0406, "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I", "I"],
  [0x0408, "CYRILLIC CAPITAL LETTER JE", "J"],
  [0x0410, "CYRILLIC CAPITAL LETTER A", "A"],
  [0x0412, "CYRILLIC CAPITAL LETTER VE", "B"],
  [0x0415, "CYRILLIC CAPITAL LETTER IE", "E"],
  [0x041a, "CYRILLIC CAPITAL LETTER KA", "K"],
  [0x041c, "CYRILLIC CAPITAL LETTER EM", "M"],
  [0x041d, "CYRILLIC CAPITAL LETTER EN", "H"],
  [0x041e, "CYRILLIC CAPITAL LETTER O", "O"],
  [0x0420, "CYRILLIC CAPITAL LETTER ER", "P"],
  [0x0421, "CYRILLIC CAPITAL LETTER ES", "C"],
  [0x0422, "CYRILLIC CAPITAL LETTER TE", "T"],
  [0x0423, "CYRILLIC CAPITAL LETTER U", "Y"],
  [0x0425, "CYRILLIC CAPITAL LETTER HA", "X"],
  [0x0391, "GREEK CAPITAL LETTER ALPHA", "A"],
  [0x0392, "GREEK CAPITAL LETTER BETA", "B"],
  [0x0395, "GREEK CAPITAL LETTER EPSILON", "E"],
  [0x0396, "GREEK CAPITAL LETTER ZETA", "Z"],
  [0x0397, "GREEK CAPITAL LETTER ETA", "H"],
  [0x0399, "GREEK CAPITAL LETTER IOTA", "I"],
  [0x039a, "GREEK CAPITAL LETTER KAPPA", "K"],
  [0x039c, "GREEK CAPITAL LETTER MU", "M"],
  [0x039d, "GREEK CAPITAL LETTER NU", "N"],
  [0x039f, "GREEK CAPITAL LETTER OMICRON", "O"],
  [0x03a1, "GREEK CAPITAL LETTER RHO", "P"],
  [0x03a4, "GREEK CAPITAL LETTER TAU", "T"],
  [0x03a5, "GREEK CAPITAL LETTER UPSILON", "Y"],
  [0x03a7, "GREEK CAPITAL LETTER CHI", "X"],
  [0x03b1, "GREEK SMALL LETTER ALPHA", "a"],
  [0x03bd, "GREEK SMALL LETTER NU", "v"],
  [0x03bf, "GREEK SMALL LETTER OMICRON", "o"],
  [0x03c1, "GREEK SMALL LETTER RHO", "p"],
];

const INVISIBLE: readonly [number, string][] = [
  [0x00a0, "NO-BREAK SPACE"],
  [0x00ad, "SOFT HYPHEN"],
  [0x200b, "ZERO WIDTH SPACE"],
  [0x200c, "ZERO WIDTH NON-JOINER"],
  [0x200d, "ZERO WIDTH JOINER"],
  [0x200e, "LEFT-TO-RIGHT MARK"],
  [0x200f, "RIGHT-TO-LEFT MARK"],
  [0x202a, "LEFT-TO-RIGHT EMBEDDING"],
  [0x202b, "RIGHT-TO-LEFT EMBEDDING"],
  [0x202c, "POP DIRECTIONAL FORMATTING"],
  [0x202d, "LEFT-TO-RIGHT OVERRIDE"],
  [0x202e, "RIGHT-TO-LEFT OVERRIDE"],
  [0x2060, "WORD JOINER"],
  [0x2066, "LEFT-TO-RIGHT ISOLATE"],
  [0x2067, "RIGHT-TO-LEFT ISOLATE"],
  [0x2068, "FIRST STRONG ISOLATE"],
  [0x2069, "POP DIRECTIONAL ISOLATE"],
  [0xfeff, "ZERO WIDTH NO-BREAK SPACE"],
];

const TABLE = new Map<number, Lookalike>([
  ...LETTERS.map(([cp, name, looksLike]): [number, Lookalike] => [cp, { name, looksLike }]),
  ...INVISIBLE.map(([cp, name]): [number, Lookalike] => [cp, { name }]),
]);

const DIGIT_NAMES = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];

function lookalikeOf(cp: number): Lookalike | undefined {
  const known = TABLE.get(cp);
  if (known) return known;
  // Full-width forms (U+FF10–FF19 digits, U+FF21–FF3A and U+FF41–FF5A letters) are ASCII shifted by 0xFEE0.
  const ascii = String.fromCharCode(cp - 0xfee0);
  if (cp >= 0xff10 && cp <= 0xff19)
    return { name: `FULLWIDTH DIGIT ${DIGIT_NAMES[cp - 0xff10]}`, looksLike: ascii };
  if (cp >= 0xff21 && cp <= 0xff3a)
    return { name: `FULLWIDTH LATIN CAPITAL LETTER ${ascii}`, looksLike: ascii };
  if (cp >= 0xff41 && cp <= 0xff5a) {
    return { name: `FULLWIDTH LATIN SMALL LETTER ${ascii.toUpperCase()}`, looksLike: ascii };
  }
  return undefined;
}

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Why `value` would mislead a reader, or undefined. Look-alike letters count only beside Latin ones (a name
 * written wholly in Cyrillic or Greek is honest); invisible and direction-changing characters always count.
 */
export function lookalikeProblem(value: string): string | undefined {
  const mixed = /[A-Za-z]/.test(value);
  let position = 0;
  for (const ch of value) {
    position++;
    const cp = ch.codePointAt(0)!;
    const found = cp > 0x7f ? lookalikeOf(cp) : undefined;
    if (!found || (found.looksLike !== undefined && !mixed && cp < 0xff00)) continue;
    const what = `${codePoint(cp)} ${found.name}`;
    const shown = value.length > 60 ? `${[...value].slice(0, 57).join("")}...` : value;
    return found.looksLike !== undefined
      ? `'${shown}' has ${what} (${ch}) at character ${position}, which looks like the Latin '${found.looksLike}' but makes a different name — retype it with '${found.looksLike}'`
      : `'${shown}' has the invisible character ${what} at character ${position}, which makes it a different name than it looks — delete it (retype the value)`;
  }
  return undefined;
}

/** Every string in `data` (a parsed YAML value) with a look-alike character, with its field path. */
export function lookalikesIn(data: unknown): { path: FieldPath; message: string }[] {
  const found: { path: FieldPath; message: string }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === "string") {
      const problem = lookalikeProblem(value);
      if (problem) found.push({ path, message: problem });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(data, []);
  return found;
}
