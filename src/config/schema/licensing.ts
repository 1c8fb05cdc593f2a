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

export const licensingSchema = z
  .strictObject({
    skus: z.array(skuSchema).min(1).describe("The licence catalogue: every SKU the city buys."),
  })
  .describe("Microsoft 365 licences the city owns.");

export type Sku = z.infer<typeof skuSchema>;
export type Licensing = z.infer<typeof licensingSchema>;
