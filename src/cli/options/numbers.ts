/** `tenant numbers allocate|release`'s options; `--today` and the department are judged against the definition. */
import { z } from "zod";
import { definitionTarget, formatSchema } from "./common";

export const NUMBERS_FORMATS = ["text", "json"] as const;

export const releaseOptions = z.object({
  ...definitionTarget,
  department: z.string(),
  users: z.string(),
  /** YYYY-MM-DD; src/numbers/context.ts `checkToday` says how to write it. */
  today: z.string().optional(),
  dryRun: z.boolean().optional(),
  format: formatSchema(NUMBERS_FORMATS),
});

export const allocateOptions = releaseOptions.extend({
  location: z.string().optional(),
});

export type ReleaseCommandOptions = z.output<typeof releaseOptions>;
export type AllocateCommandOptions = z.output<typeof allocateOptions>;
