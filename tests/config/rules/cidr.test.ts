import { blockContains, blocksOverlap, parseCidr, type Block } from "../../../src/config/rules/cidr";

function block(text: string): Block {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.problem);
  return r.block;
}

describe("parseCidr", () => {
  it.each([
    ["10.20.0.0/16", 0x0a140000, 0x0a14ffff],
    ["0.0.0.0/0", 0, 0xffffffff],
    ["255.255.255.255/32", 0xffffffff, 0xffffffff],
    ["192.168.1.128/25", 0xc0a80180, 0xc0a801ff],
  ])("%s spans its addresses as unsigned integers", (text, first, last) => {
    expect(parseCidr(text)).toEqual({ ok: true, block: { text, first, last } });
  });

  it.each([
    ["10.0.0.1/24", "'10.0.0.1/24' has host bits set — write the network address 10.0.0.0/24"],
    ["10.20.128.0/15", "'10.20.128.0/15' has host bits set — write the network address 10.20.0.0/15"],
    ["10.0.0.0/33", "'10.0.0.0/33' has prefix length /33, but an IPv4 prefix is /0 to /32 — correct it"],
    ["10.0.0.0/", "'10.0.0.0/' has prefix length /, but an IPv4 prefix is /0 to /32 — correct it"],
    ["10.0.0.0", "'10.0.0.0' has prefix length /, but an IPv4 prefix is /0 to /32 — correct it"],
    ["10.0.0.0/+8", "'10.0.0.0/+8' has prefix length /+8, but an IPv4 prefix is /0 to /32 — correct it"],
  ])("%s is refused: %s", (text, problem) => {
    expect(parseCidr(text)).toEqual({ ok: false, problem });
  });

  // Leading zeros read as octal in some tools and decimal in Azure: refused rather than guessed.
  it.each(["010.0.0.0/8", "10.0.0/16", "10.0.0.256/32", "a.b.c.d/8", "::1/128", "10.0.0.0.0/8"])(
    "%s is not a four-part decimal address",
    (text) => {
      expect(parseCidr(text)).toEqual({
        ok: false,
        problem: `'${text}' is not a valid IPv4 address block — write four numbers 0 to 255 without leading zeros, such as 10.20.0.0/16`,
      });
    },
  );
});

describe("blockContains and blocksOverlap", () => {
  const hub = block("10.0.0.0/16");
  it("a subnet inside its address space is contained and overlaps", () => {
    const subnet = block("10.0.255.0/24");
    expect(blockContains(hub, subnet)).toBe(true);
    expect(blockContains(subnet, hub)).toBe(false);
    expect(blocksOverlap(hub, subnet)).toBe(true);
    expect(blocksOverlap(subnet, hub)).toBe(true);
  });

  it("adjacent blocks neither contain nor overlap each other", () => {
    const next = block("10.1.0.0/16");
    expect(blocksOverlap(hub, next)).toBe(false);
    expect(blockContains(hub, next)).toBe(false);
  });

  it("a block straddling the edge overlaps without being contained", () => {
    const wide = block("10.0.0.0/15");
    expect(blocksOverlap(wide, block("10.1.255.252/30"))).toBe(true);
    expect(blockContains(hub, block("10.1.255.252/30"))).toBe(false);
    expect(blockContains(wide, hub)).toBe(true);
  });

  it("a block contains and overlaps itself", () => {
    expect(blockContains(hub, hub)).toBe(true);
    expect(blocksOverlap(hub, hub)).toBe(true);
  });
});
