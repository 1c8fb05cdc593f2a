import { InvalidArgumentError, Option } from "commander";
import { stackNameProblem } from "../config/definitionDir";
import { resolveGraphEndpoint } from "../graph/endpoint";

export type OutputFormat = "text" | "json" | "markdown";

export function formatOption(choices: OutputFormat[]): Option {
  return new Option("--format <format>", "output format").choices(choices).default(choices[0]);
}

/** `--stack <name>`, checked as the command line is read: a `/`, `..` or absolute path is a usage error (exit 2). */
export function stackOption(description = "the definition in stacks/<name>/"): Option {
  return new Option("--stack <name>", description).argParser((value: string) => {
    const problem = stackNameProblem(value);
    if (problem) throw new InvalidArgumentError(problem);
    return value;
  });
}

/** `--graph <url>`, checked as the command line is read (an https URL without credentials): else exit 2. */
export function graphOption(): Option {
  return new Option(
    "--graph <url>",
    "Graph endpoint (default: $TENANT_GRAPH_ENDPOINT, else https://graph.microsoft.com)",
  ).argParser((value: string) => {
    try {
      resolveGraphEndpoint({ argument: value });
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message.replace("the endpoint argument", "--graph"));
    }
    return value;
  });
}
