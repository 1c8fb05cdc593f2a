import { isMap, isSeq, parseDocument, YAMLSeq } from "yaml";

/**
 * Adds `numbers` to `intentionalRemovals.numbers` of a department YAML, so the policy pack lets the removal
 * through. Works on the YAML document, not the data, so comments, key order and the schema line survive.
 * Numbers already listed are not repeated.
 */
export function addIntentionalRemovals(text: string, numbers: readonly string[]): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) throw new Error("the department file is not a YAML mapping");
  let seq = doc.getIn(["intentionalRemovals", "numbers"]);
  if (!isSeq(seq)) {
    const created = new YAMLSeq();
    created.flow = false;
    doc.setIn(["intentionalRemovals", "numbers"], created);
    seq = doc.getIn(["intentionalRemovals", "numbers"]);
  }
  const list = seq as YAMLSeq;
  const present = new Set(list.items.map((item) => String((item as { value?: unknown }).value ?? item)));
  for (const n of numbers) {
    if (present.has(n)) continue;
    present.add(n);
    // Quoted, as the example files write numbers: a bare +34… is a YAML string anyway, but reads like a sum.
    const node = doc.createNode(n);
    node.type = "QUOTE_DOUBLE";
    list.items.push(node);
  }
  // Prettier's YAML style, which the definition files are kept in: `[a, b]`, no folding of long lines.
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}

/**
 * Takes `numbers` out of `intentionalRemovals.numbers` (and drops the emptied list and section), for numbers that
 * are assigned again: an approval to remove a number that is back in use would silently pre-approve its next,
 * accidental, removal (the `intentional-removals` rule refuses the pair). Comments and order survive.
 */
export function dropIntentionalRemovals(text: string, numbers: readonly string[]): string {
  const doc = parseDocument(text);
  const seq = doc.getIn(["intentionalRemovals", "numbers"]);
  if (!isSeq(seq)) return text;
  const drop = new Set(numbers);
  seq.items = seq.items.filter((item) => !drop.has(String((item as { value?: unknown }).value ?? item)));
  if (seq.items.length === 0) doc.deleteIn(["intentionalRemovals", "numbers"]);
  const section = doc.get("intentionalRemovals");
  if (isMap(section) && section.items.length === 0) doc.delete("intentionalRemovals");
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
