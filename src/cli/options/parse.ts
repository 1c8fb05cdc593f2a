/**
 * Judges and types what commander read with the command's schema, so every command reports a bad option the same
 * way (exit 2, no stack trace):
 * - a value rule (src/cli/options/common.ts `checkedString`/`checkedNumber`) the way commander reports an invalid
 *   argument: `error: option '--graph <url>' argument 'x' is invalid. <what is wrong — fix>`;
 * - any other rule with its own sentence, which names the flags it is about (`--applied needs --seed <dir>: …`),
 *   printed as `tenant: <sentence>` like every UsageError.
 */
import type { Command } from "commander";
import type { z } from "zod";
import { UsageError } from "../../exitCodes";
import { ARGUMENT_ISSUE } from "./common";

/** `departmentsBy` → `--departments-by`. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The options `raw` as the schema types them; throws (commander's error, or a UsageError) for the first problem. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown, command?: Command): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
  if (key === undefined) throw new UsageError(issue.message);
  const given = (raw as Record<string, unknown>)[key];
  const flag = flagOf(key);
  const isArgumentRule = issue.code === "custom" && issue.params?.[ARGUMENT_ISSUE] === true;
  if (isArgumentRule) {
    const declared = command?.options.find((o) => o.attributeName() === key);
    const message = `option '${declared?.flags ?? flag}' argument '${String(given)}' is invalid. ${issue.message}`;
    // Commander's own report of an invalid argument: the same words, stream and help hint as its parsers give.
    if (command) command.error(`error: ${message}`, { exitCode: 2, code: "commander.invalidArgument" });
    throw new UsageError(message);
  }
  // A sentence written for this option names its flag; zod's own words (a wrong type) get the flag put in front.
  if (issue.message.includes(flag)) throw new UsageError(issue.message);
  throw new UsageError(`${given === undefined ? flag : `${flag} ${String(given)}`}: ${issue.message}`);
}
