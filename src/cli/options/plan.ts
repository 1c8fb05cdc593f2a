/** `tenant plan`'s options (src/cli/commands/plan.ts declares the flags). */
import { z } from "zod";
import { definitionTarget, formatSchema, intoDefinition } from "./common";

export const PLAN_FORMATS = ["text", "json", "markdown"] as const;

export const planOptions = z.object({
  ...definitionTarget,
  format: formatSchema(PLAN_FORMATS),
  /** Comma-separated layer names; parseLayers judges them against the stack's (src/layers.ts). */
  layers: z.string().optional(),
  platformStack: z.string().optional(),
  /** Git ref to compare with: renders the definition there too and reports the difference. */
  base: z.string().optional(),
  /** With `base`: forecast the apply (src/forecast) on an emulator holding the base applied. */
  forecast: z.boolean().optional(),
  /** Write the output to this file instead of stdout. */
  out: z.string().optional(),
  /** Allow `out` inside a definition folder. */
  intoDefinition,
});

export type PlanOptions = z.output<typeof planOptions>;
