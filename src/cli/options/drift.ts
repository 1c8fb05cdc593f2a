/** `tenant drift`'s options. */
import { z } from "zod";
import { answerTimeoutSeconds, definitionTarget, formatSchema, graphUrl, intoDefinition } from "./common";

export const DRIFT_FORMATS = ["markdown", "json"] as const;

export const driftOptions = z.object({
  ...definitionTarget,
  graph: graphUrl.optional(),
  format: formatSchema(DRIFT_FORMATS),
  /** Write the report to this file instead of standard output. */
  out: z.string().optional(),
  /** Allow `out` inside a definition folder. */
  intoDefinition,
  /** Seconds to wait for the endpoint's first answer (default DEFAULT_ANSWER_TIMEOUT_S). */
  answerTimeout: answerTimeoutSeconds.optional(),
});

export type DriftCommandOptions = z.output<typeof driftOptions>;
