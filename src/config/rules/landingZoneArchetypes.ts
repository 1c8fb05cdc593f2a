import { departmentArchetype } from "../../departments/subscriptions";
import { DEPARTMENT_ARCHETYPES } from "../schema/landingZone";
import type { Rule, RuleContext } from "./context";
import { place } from "./wording";

/**
 * Departments land in the management group carrying the `corp` archetype, or `online` when they have
 * public endpoints. The program needs exactly one such group (two would make the landing ambiguous,
 * none would leave the department without its policy baseline), so check it before anything renders.
 */
const msg = {
  missing: (archetype: string, department: string) =>
    `department '${department}' lands in the '${archetype}' landing zone, but no management group has archetype '${archetype}' — add '${archetype}' to the archetypes of one group under landing zones`,
  second: (archetype: string, id: string, first: string) =>
    `management group '${id}' is the second with archetype '${archetype}' (the first is at ${first}) — departments would land ambiguously; keep '${archetype}' on one group`,
};

export const landingZoneArchetypesRule: Rule = {
  info: {
    id: "landing-zone-archetypes",
    summary:
      "At most one management group carries each of `corp`, `online` and `sandbox`, and one does for every archetype a department uses, so every department has one place to land.",
    errors: [
      {
        when: "a department needs a landing zone no group provides",
        example: msg.missing("online", "turismo"),
      },
      {
        when: "two groups carry the same landing archetype",
        example: msg.second("corp", "cde-corp-2", "stacks/example/tenant.yaml:40"),
      },
    ],
  },
  check: checkLandingArchetypes,
};

function checkLandingArchetypes(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const groups = tenant.value.landingZone.managementGroups;
  const holders = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const archetype of DEPARTMENT_ARCHETYPES) {
      if (!g.archetypes.includes(archetype)) continue;
      const first = holders.get(archetype);
      if (first === undefined) holders.set(archetype, i);
      else {
        const firstPlace = place(tenant, ["landingZone", "managementGroups", first, "id"]);
        ctx.at(
          tenant,
          ["landingZone", "managementGroups", i, "archetypes"],
          msg.second(archetype, g.id, firstPlace),
        );
      }
    }
  });
  for (const dep of ctx.loaded.departments) {
    const archetype = departmentArchetype(dep.value);
    if (!holders.has(archetype)) {
      const path = dep.value.network.archetype
        ? ["network", "archetype"]
        : dep.value.network.publicAccess
          ? ["network", "publicAccess"]
          : ["network"];
      ctx.at(dep, path, msg.missing(archetype, dep.value.id));
    }
  }
}
