/**
 * Number ranges inferred from the inventory: numbers of one type whose digits follow each other form a
 * block; a block is split where the department of consecutive assigned numbers changes, so each department
 * lists the ranges its numbers come from (the validator requires that). Unassigned numbers stay in the range
 * they sit in; a block with no assigned number is a range no department lists (a reserve).
 */
import type { NumberType } from "../teams/admin/port";

export interface RangeInput {
  telephoneNumber: string;
  numberType: NumberType;
  /** Department of the user holding it; undefined when unassigned or not placeable. */
  department?: string;
}

export interface InferredRange {
  id: string;
  type: NumberType;
  start: string;
  end: string;
  /** Departments with numbers inside, in order of appearance. */
  departments: string[];
  size: number;
}

const TYPE_SUFFIX: Record<NumberType, string> = {
  directRouting: "dr",
  operatorConnect: "oc",
  callingPlan: "cp",
};

export function inferRanges(numbers: readonly RangeInput[]): InferredRange[] {
  const sorted = [...numbers].sort(
    (a, b) =>
      a.telephoneNumber.length - b.telephoneNumber.length ||
      (a.telephoneNumber < b.telephoneNumber ? -1 : a.telephoneNumber > b.telephoneNumber ? 1 : 0),
  );
  const blocks: RangeInput[][] = [];
  for (const n of sorted) {
    const block = blocks.at(-1);
    const last = block?.at(-1);
    const follows =
      last !== undefined &&
      last.numberType === n.numberType &&
      last.telephoneNumber.length === n.telephoneNumber.length &&
      BigInt(n.telephoneNumber.slice(1)) === BigInt(last.telephoneNumber.slice(1)) + 1n;
    if (block && follows) block.push(n);
    else blocks.push([n]);
  }
  const ranges: Omit<InferredRange, "id">[] = [];
  for (const block of blocks) {
    let current: RangeInput[] = [];
    let owner: string | undefined;
    const flush = () => {
      if (current.length === 0) return;
      const departments = [...new Set(current.flatMap((n) => (n.department ? [n.department] : [])))];
      ranges.push({
        type: current[0].numberType,
        start: current[0].telephoneNumber,
        end: current[current.length - 1].telephoneNumber,
        departments,
        size: current.length,
      });
      current = [];
    };
    for (const n of block) {
      if (n.department && owner !== undefined && n.department !== owner) flush();
      if (n.department) owner = n.department;
      current.push(n);
    }
    flush();
  }
  return nameRanges(ranges);
}

/** `<department>-<dr|oc|cp>`, `-2`… when a department has several; `reserve-<type>` for unlisted ones. */
function nameRanges(ranges: Omit<InferredRange, "id">[]): InferredRange[] {
  const used = new Map<string, number>();
  return ranges.map((r) => {
    const base = `${(r.departments[0] ?? "reserve").slice(0, 34)}-${TYPE_SUFFIX[r.type]}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { ...r, id: n === 1 ? base : `${base}-${n}` };
  });
}
