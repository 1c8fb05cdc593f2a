import {
  compareNumbers,
  type TeamsAreaDoc,
  type TeamsNumberRangeRecord,
  type TeamsNumberRecord,
} from "./teams";

/**
 * The number inventory over compact ranges: a number is in the inventory when a range contains it; its
 * record is the materialised one when something touched it, else the implied "unassigned" default. Listing
 * walks ranges lazily so a 100,000-number inventory is never built in memory.
 */

/** One number as the inventory shows it: its range's facts plus its (possibly implied) record. */
export interface InventoryEntry {
  range: TeamsNumberRangeRecord;
  record: TeamsNumberRecord;
  /** True when the record exists in `numbers` (the number was touched). */
  materialised: boolean;
}

function contains(range: TeamsNumberRangeRecord, n: string): boolean {
  return n.length === range.start.length && n >= range.start && n <= range.end;
}

export function rangeOf(area: TeamsAreaDoc, n: string): TeamsNumberRangeRecord | undefined {
  return area.numberRanges.find((r) => contains(r, n));
}

export function defaultRecord(telephoneNumber: string): TeamsNumberRecord {
  return {
    telephoneNumber,
    assignmentStatus: "unassigned",
    assignmentTargetId: null,
    assignmentCategory: null,
    locationId: null,
    civicAddressId: null,
    networkSiteId: null,
    reverseNumberLookupOptions: [],
  };
}

/** The inventory entry of a number, or undefined when no range holds it. */
export function findNumber(area: TeamsAreaDoc, n: string): InventoryEntry | undefined {
  const range = rangeOf(area, n);
  if (!range) return undefined;
  const record = area.numbers[n];
  return { range, record: record ?? defaultRecord(n), materialised: record !== undefined };
}

/** The stored record of a number in the inventory, created on first touch. */
export function materialise(area: TeamsAreaDoc, n: string): TeamsNumberRecord {
  area.numbers[n] ??= defaultRecord(n);
  return area.numbers[n];
}

export function rangeSize(range: TeamsNumberRangeRecord): number {
  // E.164 has at most 15 digits: exact in a double.
  return Number(range.end.slice(1)) - Number(range.start.slice(1)) + 1;
}

export function inventorySize(area: TeamsAreaDoc): number {
  return area.numberRanges.reduce((sum, r) => sum + Math.max(0, rangeSize(r)), 0);
}

/** Every number of every range in telephone-number order (what `Get-CsPhoneNumberAssignment` sorts by, §3.3). */
export function* allNumbers(area: TeamsAreaDoc, offset = 0): Generator<InventoryEntry> {
  let skip = offset;
  for (const range of area.numberRanges) {
    const first = Number(range.start.slice(1));
    const size = rangeSize(range);
    // Whole ranges before the offset are stepped over arithmetically: an unfiltered page costs O($top).
    if (skip >= size) {
      skip -= size;
      continue;
    }
    const from = skip;
    skip = 0;
    for (let i = from; i < size; i++) {
      const n = `+${first + i}`;
      const record = area.numbers[n];
      yield { range, record: record ?? defaultRecord(n), materialised: record !== undefined };
    }
  }
}

/** Only the touched numbers, in order: enough when a filter can only match assigned ones. */
export function* touchedNumbers(area: TeamsAreaDoc): Generator<InventoryEntry> {
  const keys = Object.keys(area.numbers).sort(compareNumbers);
  for (const n of keys) {
    const range = rangeOf(area, n);
    if (range) yield { range, record: area.numbers[n], materialised: true };
  }
}

/**
 * Numbers by user id (lower case), kept only while `withUserNumberIndex` runs. Without it `numbersOfUser`
 * scans every touched number, which is quadratic when 25,000 numbers are assigned in a row (applied seeding);
 * outside such a run the state may be edited anywhere (tests do), so nothing is cached.
 */
const userNumberIndexes = new WeakMap<TeamsAreaDoc, Map<string, Set<string>>>();

/** Runs `fn` with a user → numbers index that the emulator's assign/unassign keep up to date. */
export async function withUserNumberIndex<T>(area: TeamsAreaDoc, fn: () => Promise<T>): Promise<T> {
  const index = new Map<string, Set<string>>();
  for (const r of Object.values(area.numbers)) {
    if (r.assignmentStatus === "userAssigned" && r.assignmentTargetId)
      noteHolder(index, r.assignmentTargetId, r);
  }
  userNumberIndexes.set(area, index);
  try {
    return await fn();
  } finally {
    userNumberIndexes.delete(area);
  }
}

function noteHolder(index: Map<string, Set<string>>, userId: string, r: TeamsNumberRecord): void {
  const id = userId.toLowerCase();
  let set = index.get(id);
  if (!set) index.set(id, (set = new Set()));
  set.add(r.telephoneNumber);
}

/** Tells the index (when one is kept) that a number now belongs to `userId` (null: to nobody). */
export function noteNumberHolder(area: TeamsAreaDoc, r: TeamsNumberRecord, userId: string | null): void {
  const index = userNumberIndexes.get(area);
  if (index && userId) noteHolder(index, userId, r);
  // Entries of a previous holder are dropped when read: `numbersOfUser` re-checks each record.
}

/** Numbers assigned to a user (all categories), in number order. */
export function numbersOfUser(area: TeamsAreaDoc, userId: string): TeamsNumberRecord[] {
  const id = userId.toLowerCase();
  const indexed = userNumberIndexes.get(area)?.get(id);
  const candidates = indexed
    ? [...indexed].map((n) => area.numbers[n])
    : userNumberIndexes.has(area)
      ? []
      : Object.values(area.numbers);
  return candidates
    .filter((r) => r?.assignmentStatus === "userAssigned" && r.assignmentTargetId?.toLowerCase() === id)
    .sort((a, b) => compareNumbers(a.telephoneNumber, b.telephoneNumber));
}

/** Every user's assigned numbers at once (listing 27,000 user configurations must not scan per user). */
export function numbersByUser(area: TeamsAreaDoc): Map<string, TeamsNumberRecord[]> {
  const out = new Map<string, TeamsNumberRecord[]>();
  const sorted = Object.values(area.numbers).sort((a, b) =>
    compareNumbers(a.telephoneNumber, b.telephoneNumber),
  );
  for (const r of sorted) {
    if (r.assignmentStatus !== "userAssigned" || !r.assignmentTargetId) continue;
    const id = r.assignmentTargetId.toLowerCase();
    out.set(id, [...(out.get(id) ?? []), r]);
  }
  return out;
}

/** The opaque id Graph gives a number: base64 of `{operatorId}|{number}` (§2.1). */
export function numberAssignmentId(range: TeamsNumberRangeRecord, n: string): string {
  return Buffer.from(`${range.operatorId}|${n}`, "utf8").toString("base64url");
}

/** The number an id names, or undefined for an id the emulator did not make. */
export function numberFromId(id: string): string | undefined {
  const text = Buffer.from(id, "base64url").toString("utf8");
  const n = text.split("|")[1];
  return n && /^\+\d+$/.test(n) ? n : undefined;
}
