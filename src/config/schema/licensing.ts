import { z } from "zod";

export const skuPartNumber = z
  .string()
  .regex(/^[A-Za-z0-9_()-]{2,80}$/, "must be a SKU part number as Microsoft lists it, such as SPE_E5");

export const servicePlanName = z
  .string()
  .regex(
    /^[A-Za-z0-9_()-]{2,80}$/,
    "must be a service plan name as Microsoft lists it, such as YAMMER_ENTERPRISE",
  );

export const skuSchema = z.strictObject({
  partNumber: skuPartNumber.describe(
    "The SKU's part number (`skuPartNumber` in Graph), e.g. `SPE_E5`, `MCOEV`.",
  ),
  displayName: z.string().min(1).optional().describe("Product name, for reports."),
  seats: z
    .int()
    .min(0)
    .describe("Seats the city owns (prepaid units). Seats demanded by departments may not exceed it."),
  servicePlans: z
    .array(servicePlanName)
    .default([])
    .describe("Service plans departments may disable; a department naming another plan is an error."),
  disabledPlans: z
    .array(servicePlanName)
    .default([])
    .describe("Service plans disabled for every department that takes the SKU."),
});

export const skuPriceSchema = z.strictObject({
  sku: skuPartNumber.describe("The `partNumber` of a SKU in `skus`."),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code in capitals, such as EUR")
    .describe("ISO 4217 currency code; every price of the tenant is in the same currency."),
  perSeatPerMonth: z
    .number()
    .min(0, "must be a price of zero or more")
    .describe("What one seat costs a month (0 for SKUs that come free, such as resource accounts)."),
});

export const licensingSchema = z
  .strictObject({
    skus: z.array(skuSchema).min(1).describe("The licence catalogue: every SKU the city buys."),
    prices: z
      .array(skuPriceSchema)
      .default([])
      .describe(
        "Price per seat and month of catalogue SKUs, for the licence cost the plan shows per department. " +
          "SKUs without a price count as unpriced (the plan says so); none at all: no cost in the plan.",
      ),
  })
  .describe("Microsoft 365 licences the city owns.");

export type SkuPrice = z.infer<typeof skuPriceSchema>;
export type Sku = z.infer<typeof skuSchema>;
export type Licensing = z.infer<typeof licensingSchema>;
