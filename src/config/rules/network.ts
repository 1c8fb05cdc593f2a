import type { FieldPath } from "../diagnostics";
import type { LoadedYaml } from "../load";
import { blockContains, blocksOverlap, parseCidr, type Block } from "./cidr";
import type { Rule, RuleContext } from "./context";
import { place } from "./wording";

const msg = {
  outside: (what: string, cidr: string, container: string, name: string) =>
    `${what} ${cidr} is not inside ${name} ${container} — choose a block inside ${container}`,
  overlap: (what: string, cidr: string, other: string, where: string) =>
    `${what} ${cidr} overlaps ${other} (${where}) — address blocks must not overlap; choose a free block`,
};

export const networkRule: Rule = {
  info: {
    id: "network-addresses",
    summary:
      "Every CIDR is a valid network address; hub subnets sit inside the hub; the hub and every spoke sit inside the address plan; no two of them overlap.",
    errors: [
      {
        when: "a CIDR has host bits set",
        example: parseProblem("10.20.4.1/24"),
      },
      { when: "an octet is out of range or has leading zeros", example: parseProblem("10.260.0.0/16") },
      { when: "a prefix length exceeds /32", example: parseProblem("10.20.0.0/33") },
      {
        when: "the hub is not inside `addressPlan`",
        example: msg.outside("hub address space", "10.30.0.0/22", "10.20.0.0/16", "the address plan"),
      },
      {
        when: "a hub subnet is not inside the hub's address space",
        example: msg.outside("subnet", "10.20.8.0/26", "10.20.0.0/22", "the hub address space"),
      },
      {
        when: "two hub subnets overlap",
        example: msg.overlap(
          "subnet",
          "10.20.0.0/27",
          "subnet 'GatewaySubnet' 10.20.0.0/26",
          "stacks/example/tenant.yaml:33",
        ),
      },
      {
        when: "a department's spoke is not inside `addressPlan`",
        example: msg.outside("spoke", "10.99.4.0/24", "10.20.0.0/16", "the address plan"),
      },
      {
        when: "a spoke overlaps the hub",
        example: msg.overlap(
          "spoke",
          "10.20.0.0/24",
          "the hub 10.20.0.0/22",
          "stacks/example/tenant.yaml:30",
        ),
      },
      {
        when: "two spokes overlap",
        example: msg.overlap(
          "spoke",
          "10.20.4.0/23",
          "the spoke of 'culture' 10.20.4.0/24",
          "stacks/example/departments/culture.yaml:19",
        ),
      },
    ],
  },
  check: checkNetwork,
};

function parseProblem(text: string): string {
  const parsed = parseCidr(text);
  return parsed.ok ? "" : parsed.problem;
}

/** Parses the CIDR at `path`, reporting it when invalid. */
function block(
  ctx: RuleContext,
  source: LoadedYaml<unknown>,
  path: FieldPath,
  text: string,
): Block | undefined {
  const parsed = parseCidr(text);
  if (parsed.ok) return parsed.block;
  ctx.at(source, path, parsed.problem);
  return undefined;
}

function checkNetwork(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  let plan: Block | undefined;
  let hub: Block | undefined;
  const hubPath = ["landingZone", "hub", "addressSpace"];
  if (tenant) {
    const lz = tenant.value.landingZone;
    plan = block(ctx, tenant, ["landingZone", "addressPlan"], lz.addressPlan);
    hub = block(ctx, tenant, hubPath, lz.hub.addressSpace);
    if (plan && hub && !blockContains(plan, hub)) {
      ctx.at(tenant, hubPath, msg.outside("hub address space", hub.text, plan.text, "the address plan"));
    }
    const subnets: { block: Block; index: number }[] = [];
    lz.hub.subnets.forEach((s, i) => {
      const path = ["landingZone", "hub", "subnets", i, "addressPrefix"];
      const b = block(ctx, tenant, path, s.addressPrefix);
      if (!b) return;
      if (hub && !blockContains(hub, b)) {
        ctx.at(tenant, path, msg.outside("subnet", b.text, hub.text, "the hub address space"));
      }
      for (const other of subnets) {
        if (!blocksOverlap(other.block, b)) continue;
        const otherPath = ["landingZone", "hub", "subnets", other.index, "addressPrefix"];
        const name = `subnet '${lz.hub.subnets[other.index].name}' ${other.block.text}`;
        ctx.at(tenant, path, msg.overlap("subnet", b.text, name, place(tenant, otherPath)));
        break;
      }
      subnets.push({ block: b, index: i });
    });
  }

  // Spokes are checked even without a readable tenant.yaml: their syntax and mutual overlaps need only them.
  const spokes: { block: Block; dep: LoadedYaml<unknown>; id: string }[] = [];
  const spokePath = ["network", "addressSpace"];
  for (const dep of ctx.loaded.departments) {
    const b = block(ctx, dep, spokePath, dep.value.network.addressSpace);
    if (!b) continue;
    if (plan && !blockContains(plan, b)) {
      ctx.at(dep, spokePath, msg.outside("spoke", b.text, plan.text, "the address plan"));
    }
    if (tenant && hub && blocksOverlap(hub, b)) {
      ctx.at(dep, spokePath, msg.overlap("spoke", b.text, `the hub ${hub.text}`, place(tenant, hubPath)));
    }
    const other = spokes.find((s) => blocksOverlap(s.block, b));
    if (other) {
      const name = `the spoke of '${other.id}' ${other.block.text}`;
      ctx.at(dep, spokePath, msg.overlap("spoke", b.text, name, place(other.dep, spokePath)));
    }
    spokes.push({ block: b, dep, id: dep.value.id });
  }
}
