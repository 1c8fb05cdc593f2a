import ipaddr from "ipaddr.js";

/** An IPv4 block as the inclusive range of addresses it spans, as unsigned 32-bit integers. */
export interface Block {
  text: string;
  first: number;
  last: number;
}

export type CidrResult = { ok: true; block: Block } | { ok: false; problem: string };

/**
 * Parses an IPv4 CIDR strictly: four decimal octets without leading zeros (Azure reads them as decimal,
 * other tools as octal), a prefix of 0 to 32, and no host bits set (Azure rejects 10.0.0.1/24).
 */
export function parseCidr(text: string): CidrResult {
  const [address = "", prefixText = ""] = text.split("/");
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) {
    return {
      ok: false,
      problem: `'${text}' is not a valid IPv4 address block — write four numbers 0 to 255 without leading zeros, such as 10.20.0.0/16`,
    };
  }
  const prefix = Number(prefixText);
  if (!/^\d{1,2}$/.test(prefixText) || prefix > 32) {
    return {
      ok: false,
      problem: `'${text}' has prefix length /${prefixText}, but an IPv4 prefix is /0 to /32 — correct it`,
    };
  }
  const start = toInt(address);
  const size = 2 ** (32 - prefix);
  const first = start - (start % size);
  if (first !== start) {
    const network = `${fromInt(first)}/${prefix}`;
    return { ok: false, problem: `'${text}' has host bits set — write the network address ${network}` };
  }
  return { ok: true, block: { text, first, last: first + size - 1 } };
}

/** Whether `inner` lies entirely inside `outer`. */
export function blockContains(outer: Block, inner: Block): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether two blocks share at least one address. */
export function blocksOverlap(a: Block, b: Block): boolean {
  return a.first <= b.last && b.first <= a.last;
}

function toInt(address: string): number {
  return address.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

function fromInt(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}
