import type { Rule, RuleContext } from "./context";
import { place } from "./wording";

const msg = {
  address: (id: string, first: string) =>
    `emergency address id '${id}' is already used at ${first} — give each building its own id`,
  location: (id: string, first: string) =>
    `emergency location id '${id}' is already used at ${first} — location ids are unique across all addresses, because the numbers files name only the location`,
};

export const emergencyAddressesRule: Rule = {
  info: {
    id: "emergency-addresses",
    summary: "Emergency address ids are unique, and location ids are unique across all addresses.",
    errors: [
      {
        when: "two addresses share an id",
        example: msg.address("town-hall", "stacks/example/tenant.yaml:204"),
      },
      {
        when: "two locations share an id, even under different addresses",
        example: msg.location("town-hall-p0", "stacks/example/tenant.yaml:213"),
      },
    ],
  },
  check: checkEmergencyAddresses,
};

function checkEmergencyAddresses(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const addresses = new Map<string, number>();
  const locations = new Map<string, [number, number]>();
  tenant.value.emergencyAddresses.forEach((address, a) => {
    const seen = addresses.get(address.id);
    if (seen !== undefined) {
      const where = place(tenant, ["emergencyAddresses", seen, "id"]);
      ctx.at(tenant, ["emergencyAddresses", a, "id"], msg.address(address.id, where));
    } else addresses.set(address.id, a);
    address.locations.forEach((location, l) => {
      const first = locations.get(location.id);
      if (first === undefined) {
        locations.set(location.id, [a, l]);
        return;
      }
      const where = place(tenant, ["emergencyAddresses", first[0], "locations", first[1], "id"]);
      ctx.at(tenant, ["emergencyAddresses", a, "locations", l, "id"], msg.location(location.id, where));
    });
  });
}
