/** `tenant codeowners`'s options. */
import { z } from "zod";
import { definitionTarget, intoDefinition } from "./common";

export const codeownersOptions = z.object({
  ...definitionTarget,
  check: z.boolean().optional(),
  out: z.string().optional(),
  /** Checked with the team an existing file remembers, once it is known which one applies (commands/codeowners.ts). */
  platformTeam: z.string().optional(),
  intoDefinition,
});

export type CodeownersOptions = z.output<typeof codeownersOptions>;
