/** `tenant schemas` and `tenant docs`: regenerate files, or check that the committed ones are current. */
import { z } from "zod";

export const generateOptions = z
  .object({
    write: z.boolean().optional(),
    check: z.boolean().optional(),
  })
  .refine((o) => Boolean(o.write) !== Boolean(o.check), {
    message: "give exactly one of --write or --check",
  });

export type GenerateOptions = z.output<typeof generateOptions>;
