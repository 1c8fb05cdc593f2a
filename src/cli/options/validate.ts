/** `tenant validate`'s options. */
import { z } from "zod";
import { definitionTarget, formatSchema } from "./common";

export const VALIDATE_FORMATS = ["text", "json"] as const;

export const validateOptions = z.object({
  ...definitionTarget,
  format: formatSchema(VALIDATE_FORMATS),
});

export type ValidateOptions = z.output<typeof validateOptions>;
