import type { Rule, RuleContext } from "./context";
import { place, suggestion } from "./wording";

const msg = {
  duplicate: (id: string, first: string) =>
    `management group id '${id}' is already used at ${first} — give each management group its own id`,
  noParent: (parent: string, hint: string) =>
    `parent '${parent}' is not a management group in this list (${hint}) — name the id of a group above, or omit 'parent' for the top group`,
  cycle: (cycle: readonly string[]) =>
    `management groups form a cycle: ${cycle.join(" → ")} — point one of their parents at a group outside the cycle`,
  secondTop: (id: string, top: string, first: string) =>
    `'${id}' has no parent, but '${top}' (${first}) is already the top group — set parent: ${top} (or the group it belongs under)`,
  noTop: () =>
    "no management group is the top one — omit 'parent' on exactly one group (the one directly under the tenant root group)",
};

export const managementGroupsRule: Rule = {
  info: {
    id: "management-groups",
    summary:
      "Management-group ids are unique, every parent exists, parents form no cycle, and exactly one group is the top.",
    errors: [
      { when: "two groups share an id", example: msg.duplicate("cde-corp", "stacks/example/tenant.yaml:31") },
      {
        when: "a parent names no group of the list",
        example: msg.noParent("cde-platfrom", "did you mean 'cde-platform'?"),
      },
      { when: "parents loop back on themselves", example: msg.cycle(["cde-a", "cde-b", "cde-a"]) },
      {
        when: "more than one group has no parent",
        example: msg.secondTop("cde-sandbox", "cde", "stacks/example/tenant.yaml:11"),
      },
      { when: "every group has a parent", example: msg.noTop() },
    ],
  },
  check: checkManagementGroups,
};

function checkManagementGroups(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const groups = tenant.value.landingZone.managementGroups;
  const at = (i: number, field: string) => ["landingZone", "managementGroups", i, field];

  const index = new Map<string, number>();
  groups.forEach((g, i) => {
    const first = index.get(g.id);
    if (first !== undefined) ctx.at(tenant, at(i, "id"), msg.duplicate(g.id, place(tenant, at(first, "id"))));
    else index.set(g.id, i);
  });
  const ids = [...index.keys()];

  let top: number | undefined;
  groups.forEach((g, i) => {
    if (g.parent === undefined) {
      if (top === undefined) top = i;
      else ctx.at(tenant, at(i, "id"), msg.secondTop(g.id, groups[top].id, place(tenant, at(top, "id"))));
    } else if (!index.has(g.parent)) {
      ctx.at(tenant, at(i, "parent"), msg.noParent(g.parent, suggestion(g.parent, ids)));
    }
  });
  if (top === undefined) ctx.at(tenant, ["landingZone", "managementGroups"], msg.noTop());

  // Walk up from each group; a walk that meets itself is a cycle. Each cycle is reported once,
  // at the parent field of its last-written member, so the report does not repeat itself.
  const reported = new Set<number>();
  groups.forEach((_, start) => {
    const seen: number[] = [];
    let cur: number | undefined = start;
    while (cur !== undefined && !seen.includes(cur)) {
      seen.push(cur);
      const parent: string | undefined = groups[cur].parent;
      cur = parent === undefined ? undefined : index.get(parent);
    }
    if (cur === undefined) return;
    const members = seen.slice(seen.indexOf(cur));
    if (members.some((m) => reported.has(m))) return;
    members.forEach((m) => reported.add(m));
    const last = Math.max(...members);
    // Name the cycle from the anchored group, following parents, back to itself.
    const from = members.indexOf(last);
    const names = [...members.slice(from), ...members.slice(0, from), last].map((m) => groups[m].id);
    ctx.at(tenant, at(last, "parent"), msg.cycle(names));
  });
}
