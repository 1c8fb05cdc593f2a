/**
 * What several commands' options share: the zod schema of each value (what is allowed, and the sentence that says
 * how to fix a bad one) and the commander declaration of its flag (name, help, default). Commander reads the
 * command line; the command's schema (src/cli/options/<command>.ts) judges and types what it read.
 */
import { Option } from "commander";
import { z } from "zod";
import { resolveGraphEndpoint } from "../../graph/endpoint";
import { DEFAULT_ANSWER_TIMEOUT_S } from "../firstAnswer";
import { stackNameProblem } from "../../config/definitionDir";

/** Marks a value rule's issue: reported the way commander reports an invalid argument (src/cli/options/parse.ts). */
export const ARGUMENT_ISSUE = "argument";

/**
 * A string whose `problem` (what is wrong and how to fix it, or undefined when fine) is reported as an invalid
 * argument of its flag.
 */
export function checkedString(problem: (value: string) => string | undefined): z.ZodType<string, string> {
  return z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message !== undefined) ctx.addIssue({ code: "custom", message, params: { [ARGUMENT_ISSUE]: true } });
  });
}

/**
 * A number given as text on the command line (or as a number by a default or a caller), read with `Number` like
 * commander's own parsers, then judged by `problem`.
 */
export function checkedNumber(
  problem: (n: number, text: string) => string | undefined,
): z.ZodType<number, string | number> {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const n = Number(value);
    const message = problem(n, String(value));
    if (message === undefined) return n;
    ctx.addIssue({ code: "custom", message, params: { [ARGUMENT_ISSUE]: true } });
    return z.NEVER;
  });
}

export type OutputFormat = "text" | "json" | "markdown";

/** `--format`, its choices shown in the help; the command's schema types it with `z.enum` of the same list. */
export function formatOption(choices: readonly OutputFormat[]): Option {
  return new Option("--format <format>", "output format").choices(choices).default(choices[0]);
}

/** The schema of `--format` for these choices; the first is the default, as in `formatOption`. */
export function formatSchema<const F extends readonly [OutputFormat, ...OutputFormat[]]>(choices: F) {
  return z.enum(choices).default(choices[0] as F[number]);
}

export const stackName = checkedString(stackNameProblem);

export function stackOption(description = "the definition in stacks/<name>/"): Option {
  return new Option("--stack <name>", description);
}

/** `--graph <url>`: an https URL without credentials or path, else a usage error (exit 2) before anything is read. */
export const graphUrl = checkedString((value) => {
  try {
    resolveGraphEndpoint({ argument: value });
    return undefined;
  } catch (err) {
    return (err as Error).message.replace("the endpoint argument", "--graph");
  }
});

export function graphOption(): Option {
  return new Option(
    "--graph <url>",
    "Graph endpoint (default: $TENANT_GRAPH_ENDPOINT, else https://graph.microsoft.com)",
  );
}

/** `--answer-timeout <seconds>`: a positive number. */
export const answerTimeoutSeconds = checkedNumber((n) =>
  Number.isFinite(n) && n > 0 ? undefined : "give a number of seconds above 0, e.g. 20",
);

/** The option `drift` and `export` take (src/cli/firstAnswer.ts waits that long). */
export function answerTimeoutOption(): Option {
  return new Option(
    "--answer-timeout <seconds>",
    `give up when the endpoint has not answered its first request in this many seconds`,
  ).default(DEFAULT_ANSWER_TIMEOUT_S);
}

/** `--stack` or `--dir`: which definition (src/config/definitionDir.ts resolves it and says when both or neither). */
export const definitionTarget = {
  stack: stackName.optional(),
  dir: z.string().optional(),
};

/** `--out` may be inside a definition folder only when the user says so. */
export const intoDefinition = z.boolean().optional();
