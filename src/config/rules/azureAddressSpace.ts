import type { FieldPath } from "../diagnostics";
import type { LoadedYaml } from "../load";
import { blocksOverlap, parseCidr, type Block } from "./cidr";
import type { Rule, RuleContext } from "./context";

/**
 * What Azure refuses in a virtual network, from the Azure Virtual Network FAQ
 * (https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq): "The smallest supported IPv4 subnet
 * is /29, and the largest is /2", and, under "What address ranges can I use in my virtual networks?", the ranges
 * a virtual network cannot use. Whether a CIDR is well formed, inside its parent and free of overlaps is the
 * network-addresses rule; this one checks only blocks that parse.
 */
export const RESERVED_RANGES: readonly { cidr: string; what: string }[] = [
  { cidr: "224.0.0.0/4", what: "multicast" },
  { cidr: "255.255.255.255/32", what: "broadcast" },
  { cidr: "127.0.0.0/8", what: "loopback" },
  { cidr: "169.254.0.0/16", what: "link-local" },
  { cidr: "168.63.129.16/32", what: "Azure's internal DNS and health probes" },
];
const SMALLEST_SUBNET = 29;
const LARGEST_SUBNET = 2;

const msg = {
  reserved: (cidr: string, range: string, what: string) =>
    `${cidr} overlaps ${range} (${what}), which Azure does not allow in a virtual network — choose a private range such as 10.0.0.0/8`,
  subnetSize: (cidr: string, prefix: number) =>
    `subnet ${cidr} is a /${prefix}, but Azure supports IPv4 subnets from /${LARGEST_SUBNET} to /${SMALLEST_SUBNET} (5 addresses of each are reserved) — make it a /${prefix > SMALLEST_SUBNET ? SMALLEST_SUBNET : LARGEST_SUBNET} or ${prefix > SMALLEST_SUBNET ? "larger" : "smaller"}`,
};

export const azureAddressSpaceRule: Rule = {
  info: {
    id: "azure-address-space",
    summary:
      "The hub, its subnets and every spoke use only address ranges Azure allows in a virtual network, and every hub subnet is a size Azure supports (/2 to /29).",
    errors: [
      {
        when: "the hub, a hub subnet or a spoke overlaps a range Azure reserves (multicast, broadcast, loopback, link-local, 168.63.129.16)",
        example: msg.reserved("169.254.0.0/24", "169.254.0.0/16", "link-local"),
      },
      {
        when: "a hub subnet is smaller than /29 or larger than /2",
        example: msg.subnetSize("10.20.0.0/30", 30),
      },
    ],
  },
  check: checkAzureAddressSpace,
};

const reserved = RESERVED_RANGES.map((r) => {
  const parsed = parseCidr(r.cidr);
  if (!parsed.ok) throw new Error(`azure-address-space: bad reserved range ${r.cidr}`);
  return { ...r, block: parsed.block };
});

function checkReserved(
  ctx: RuleContext,
  source: LoadedYaml<unknown>,
  path: FieldPath,
  text: string,
): Block | undefined {
  const parsed = parseCidr(text);
  if (!parsed.ok) return undefined;
  const hit = reserved.find((r) => blocksOverlap(r.block, parsed.block));
  if (hit) ctx.at(source, path, msg.reserved(text, hit.cidr, hit.what));
  return parsed.block;
}

function checkAzureAddressSpace(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (tenant) {
    const hub = tenant.value.landingZone.hub;
    checkReserved(ctx, tenant, ["landingZone", "hub", "addressSpace"], hub.addressSpace);
    hub.subnets.forEach((subnet, i) => {
      const path = ["landingZone", "hub", "subnets", i, "addressPrefix"];
      if (!checkReserved(ctx, tenant, path, subnet.addressPrefix)) return;
      const prefix = Number(subnet.addressPrefix.split("/")[1]);
      if (prefix > SMALLEST_SUBNET || prefix < LARGEST_SUBNET)
        ctx.at(tenant, path, msg.subnetSize(subnet.addressPrefix, prefix));
    });
  }
  for (const dep of ctx.loaded.departments)
    checkReserved(ctx, dep, ["network", "addressSpace"], dep.value.network.addressSpace);
}
