import { Option } from "commander";

export type OutputFormat = "text" | "json" | "markdown";

export function formatOption(choices: OutputFormat[]): Option {
  return new Option("--format <format>", "output format").choices(choices).default(choices[0]);
}
