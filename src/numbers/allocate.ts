import { rangeSize } from "../config/numberRanges";
import { quarantinedNumbers } from "../config/quarantine";
import type { NumberAssignment } from "../config/schema/numbers";
import type { NumberRange } from "../config/schema/telephony";

/** A number the definition already assigns, and where (`file:line`). */
export interface ExistingAssignment {
  number: string;
  userPrincipalName: string;
  category: NumberAssignment["category"];
  where: string;
}

/** A ledger row: a number released on a day, and where the release is written. */
export interface Release {
  number: string;
  releasedOn: string;
  where: string;
}

/** A user to give a number, with the emergency location and category already decided. */
export interface AllocationRequest {
  userPrincipalName: string;
  emergencyLocation: string;
  category: NumberAssignment["category"];
  /** Line of the `--users` input, for messages. */
  line: number;
}

export interface AllocateInput {
  /** The department's ranges, in the order its `numberRanges` lists them. */
  ranges: readonly Pick<NumberRange, "id" | "start" | "end">[];
  /** Every assignment in the definition, all departments. */
  assigned: readonly ExistingAssignment[];
  released: readonly Release[];
  quarantineDays: number;
  /** YYYY-MM-DD: the day quarantine is judged on. */
  today: string;
  users: readonly AllocationRequest[];
  /** Whether a number is a valid number of the country; numbers it rejects are never handed out. */
  isValidNumber?: (number: string) => boolean;
}

export interface Allocation extends AllocationRequest {
  number: string;
  range: string;
}

/** A user left as it is, and why (already numbered, or listed twice). */
export interface Skipped {
  userPrincipalName: string;
  line: number;
  reason: string;
}

export interface AllocateResult {
  allocations: Allocation[];
  skipped: Skipped[];
  /** Set when the ranges cannot serve every user; then `allocations` is empty (all or nothing). */
  error?: string;
}

/**
 * Gives each user the lowest free number of the department's ranges, taking ranges in their listed order and
 * users in input order, so the same definition and input always give the same numbers. A number is free when no
 * department assigns it, it is not in quarantine on `today`, and the country's numbering plan accepts it.
 */
export function allocateNumbers(input: AllocateInput): AllocateResult {
  const taken = new Set(input.assigned.map((a) => a.number));
  const quarantine = quarantinedNumbers(
    input.released.map((r) => ({ value: r, where: r.where })),
    input.quarantineDays,
    input.today,
  );
  const existing = new Map<string, ExistingAssignment>();
  for (const a of input.assigned) existing.set(userKey(a.userPrincipalName, a.category), a);

  const skipped: Skipped[] = [];
  const wanted: AllocationRequest[] = [];
  const asked = new Map<string, number>();
  for (const user of input.users) {
    const key = userKey(user.userPrincipalName, user.category);
    const has = existing.get(key);
    const twice = asked.get(key);
    if (has) {
      skipped.push({
        userPrincipalName: user.userPrincipalName,
        line: user.line,
        reason: `already has ${user.category} number ${has.number} (${has.where}); left unchanged`,
      });
    } else if (twice !== undefined) {
      skipped.push({
        userPrincipalName: user.userPrincipalName,
        line: user.line,
        reason: `listed again (first on line ${twice}); given one ${user.category} number`,
      });
    } else {
      asked.set(key, user.line);
      wanted.push(user);
    }
  }

  const free = freeNumbers(input, taken, quarantine);
  const allocations: Allocation[] = [];
  for (const user of wanted) {
    const next = free.next();
    if (next.done) {
      // The generator is spent: every free number went to an earlier user.
      return { allocations: [], skipped, error: exhausted(input.ranges, allocations.length, wanted.length) };
    }
    allocations.push({ ...user, number: next.value.number, range: next.value.range });
  }
  return { allocations, skipped };
}

function* freeNumbers(
  input: AllocateInput,
  taken: ReadonlySet<string>,
  quarantine: ReadonlyMap<string, unknown>,
): Generator<{ number: string; range: string }> {
  for (const range of input.ranges) {
    const size = rangeSize(range);
    const first = BigInt(range.start.slice(1));
    for (let i = 0; i < size; i++) {
      const number = `+${first + BigInt(i)}`;
      if (taken.has(number) || quarantine.has(number)) continue;
      if (input.isValidNumber && !input.isValidNumber(number)) continue;
      yield { number, range: range.id };
    }
  }
}

function exhausted(ranges: AllocateInput["ranges"], free: number, asked: number): string {
  const spans = ranges.map((r) => `'${r.id}' (${r.start}–${r.end})`).join(", ");
  if (ranges.length === 0) {
    return `the department lists no numberRanges, so ${asked} user(s) cannot get a number — add a range to its numberRanges`;
  }
  return `only ${free} free number(s) left in ${spans} but ${asked} user(s) need one — nothing was allocated; add a range to the department's numberRanges, or allocate to fewer users`;
}

/** Entra ID matches user principal names case-insensitively; Teams gives a user one number per category. */
function userKey(upn: string, category: string): string {
  return `${upn.toLowerCase()}|${category}`;
}
