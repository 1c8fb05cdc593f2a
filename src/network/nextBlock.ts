/**
 * The next free address block for a new department's spoke: pure. Blocks are aligned to their size, inside the
 * address plan, and overlap neither the hub nor any department's spoke (the rules `validate` checks in
 * src/config/rules). The search starts at the lowest existing spoke, so a new spoke lands among the others
 * (the example keeps 10.64.0.0/16 for the hub and platform), and falls back to the start of the plan.
 */
import ipaddr from "ipaddr.js";

export interface NextBlockInput {
  /** `landingZone.addressPlan`, e.g. 10.64.0.0/12. */
  addressPlan: string;
  /** Blocks already taken that are not spokes (the hub's address space). */
  reserved: readonly string[];
  /** Every department's `network.addressSpace`. */
  spokes: readonly string[];
  /** Size of the block wanted; default the most common spoke size, else 24. */
  prefixLength?: number;
}

export type NextBlockResult =
  | { ok: true; block: string; prefixLength: number }
  /** `badPrefix`: the asked-for size can never fit (a usage error), as opposed to a full plan. */
  | { ok: false; problem: string; badPrefix?: boolean };

/** Azure's smallest virtual network is a /29. */
export const SMALLEST_PREFIX = 29;

interface Range {
  first: number;
  last: number;
}

export function nextFreeBlock(input: NextBlockInput): NextBlockResult {
  const plan = range(input.addressPlan);
  const planPrefix = ipaddr.IPv4.parseCIDR(input.addressPlan)[1];
  const prefixLength = input.prefixLength ?? mostCommonPrefix(input.spokes) ?? 24;
  if (!Number.isInteger(prefixLength) || prefixLength < planPrefix || prefixLength > SMALLEST_PREFIX) {
    return {
      ok: false,
      problem: `a /${prefixLength} block cannot be a spoke in ${input.addressPlan} — give a prefix length from ${planPrefix} to ${SMALLEST_PREFIX}`,
      badPrefix: true,
    };
  }
  const size = 2 ** (32 - prefixLength);
  const taken = [...input.reserved, ...input.spokes].map(range).sort((a, b) => a.first - b.first);
  const spokeStarts = input.spokes.map((s) => range(s).first);
  const starts = spokeStarts.length > 0 ? [Math.min(...spokeStarts), plan.first] : [plan.first];
  for (const from of starts) {
    const found = firstFree(plan, taken, size, Math.max(from, plan.first));
    if (found !== undefined) return { ok: true, block: `${format(found)}/${prefixLength}`, prefixLength };
  }
  return {
    ok: false,
    problem: `no free /${prefixLength} block is left in ${input.addressPlan} — ask for a smaller block (--prefix-length ${prefixLength + 1}) or widen landingZone.addressPlan`,
  };
}

/** The lowest block of `size` addresses, aligned to its size, from `from` on, that overlaps nothing taken. */
function firstFree(plan: Range, taken: readonly Range[], size: number, from: number): number | undefined {
  let candidate = Math.ceil(from / size) * size;
  while (candidate + size - 1 <= plan.last) {
    const clash = taken.find((t) => t.first <= candidate + size - 1 && candidate <= t.last);
    if (clash === undefined) return candidate;
    candidate = Math.ceil((clash.last + 1) / size) * size;
  }
  return undefined;
}

function mostCommonPrefix(spokes: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const s of spokes) {
    const p = ipaddr.IPv4.parseCIDR(s)[1];
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  // Ties go to the larger prefix (the smaller block): it wastes less of the plan.
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

function range(cidr: string): Range {
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const first = toInt(address) - (toInt(address) % 2 ** (32 - prefix));
  return { first, last: first + 2 ** (32 - prefix) - 1 };
}

function toInt(address: ipaddr.IPv4): number {
  return address.octets.reduce((n, octet) => n * 256 + octet, 0);
}

function format(n: number): string {
  return ipaddr.fromByteArray([24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256)).toString();
}
