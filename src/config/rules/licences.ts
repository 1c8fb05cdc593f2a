import type { Rule, RuleContext } from "./context";
import { place, suggestion } from "./wording";

const msg = {
  duplicateSku: (sku: string, first: string) =>
    `SKU '${sku}' is already in the catalogue at ${first} — list each SKU once (add its seats together)`,
  catalogueUnknownPlan: (plan: string, sku: string, hint: string) =>
    `service plan '${plan}' is not among the servicePlans of ${sku} (${hint}) — add it to servicePlans or correct the name`,
  unknownSku: (sku: string, hint: string) =>
    `SKU '${sku}' is not in the licence catalogue (${hint}) — use a partNumber from licensing.skus in tenant.yaml, or ask the platform team to add it`,
  repeatedSku: (sku: string, first: string) =>
    `SKU '${sku}' is already assigned at ${first} — list each SKU once per department`,
  unknownPlan: (plan: string, sku: string, hint: string) =>
    `service plan '${plan}' is not one ${sku} lets departments disable (${hint}) — use a plan from its servicePlans in tenant.yaml`,
};

export const licencesRule: Rule = {
  info: {
    id: "licences",
    summary:
      "SKUs are listed once; the plans the catalogue disables are among its service plans; departments take only catalogue SKUs and disable only their listed plans.",
    errors: [
      {
        when: "the catalogue lists a SKU twice",
        example: msg.duplicateSku("SPE_E5", "stacks/example/tenant.yaml:61"),
      },
      {
        when: "a catalogue `disabledPlans` entry is not in the SKU's `servicePlans` (when it lists any)",
        example: msg.catalogueUnknownPlan("YAMER_ENTERPRISE", "SPE_E5", "did you mean 'YAMMER_ENTERPRISE'?"),
      },
      {
        when: "a department names a SKU the catalogue does not have",
        example: msg.unknownSku("SPE_E3", "did you mean 'SPE_E5'?"),
      },
      {
        when: "a department lists the same SKU twice",
        example: msg.repeatedSku("SPE_E5", "stacks/example/departments/culture.yaml:11"),
      },
      {
        when: "a department disables a plan its SKU's `servicePlans` does not list (when it lists any)",
        example: msg.unknownPlan("SWAY", "SPE_E5", "declared: 'YAMMER_ENTERPRISE'"),
      },
    ],
  },
  check: checkLicences,
};

function checkLicences(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const skus = tenant.value.licensing.skus;
  const first = new Map<string, number>();
  skus.forEach((sku, i) => {
    const seen = first.get(sku.partNumber);
    if (seen !== undefined) {
      const where = place(tenant, ["licensing", "skus", seen, "partNumber"]);
      ctx.at(tenant, ["licensing", "skus", i, "partNumber"], msg.duplicateSku(sku.partNumber, where));
    } else first.set(sku.partNumber, i);
    // An empty servicePlans list means "not catalogued", so there is nothing to check against.
    if (sku.servicePlans.length === 0) return;
    sku.disabledPlans.forEach((plan, j) => {
      if (sku.servicePlans.includes(plan)) return;
      ctx.at(
        tenant,
        ["licensing", "skus", i, "disabledPlans", j],
        msg.catalogueUnknownPlan(plan, sku.partNumber, suggestion(plan, sku.servicePlans)),
      );
    });
  });
  const partNumbers = [...first.keys()];

  for (const dep of ctx.loaded.departments) {
    const taken = new Map<string, number>();
    dep.value.licences.forEach((licence, i) => {
      const skuIndex = first.get(licence.sku);
      if (skuIndex === undefined) {
        ctx.at(
          dep,
          ["licences", i, "sku"],
          msg.unknownSku(licence.sku, suggestion(licence.sku, partNumbers)),
        );
        return;
      }
      const again = taken.get(licence.sku);
      if (again !== undefined) {
        ctx.at(
          dep,
          ["licences", i, "sku"],
          msg.repeatedSku(licence.sku, place(dep, ["licences", again, "sku"])),
        );
      } else taken.set(licence.sku, i);
      const plans = skus[skuIndex].servicePlans;
      if (plans.length === 0) return;
      licence.disabledPlans.forEach((plan, j) => {
        if (plans.includes(plan)) return;
        ctx.at(
          dep,
          ["licences", i, "disabledPlans", j],
          msg.unknownPlan(plan, licence.sku, suggestion(plan, plans)),
        );
      });
    });
  }
}
