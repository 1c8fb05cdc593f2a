/** `tenant export`'s options. */
import { z } from "zod";
import { MEMBERSHIP_ATTRIBUTES } from "../../config/schema/department";
import { answerTimeoutSeconds, graphUrl, intoDefinition } from "./common";

/** Attributes a department's structured membership may test (the department schema's enum). */
export const DEPARTMENTS_BY = MEMBERSHIP_ATTRIBUTES;
export const DEFAULT_DEPARTMENTS_BY = "department";

export const exportOptions = z.object({
  graph: graphUrl.optional(),
  out: z
    .string({ error: "export needs --out <dir>: the folder to write the definition to" })
    .min(1, { error: "export needs --out <dir>: the folder to write the definition to" }),
  departmentsBy: z
    .enum(DEPARTMENTS_BY, {
      error: (issue) =>
        `--departments-by ${String(issue.input)} is not an attribute a department's membership can test — use one of ${DEPARTMENTS_BY.join(", ")}`,
    })
    .default(DEFAULT_DEPARTMENTS_BY),
  /** Ignore the checkpoint of an interrupted export. */
  fresh: z.boolean().optional(),
  intoDefinition,
  /** Seconds to wait for the endpoint's first answer (default DEFAULT_ANSWER_TIMEOUT_S). */
  answerTimeout: answerTimeoutSeconds.optional(),
});

export type ExportCommandOptions = z.output<typeof exportOptions>;
