import type { Command } from "commander";
import { REPO_ROOT } from "../../config/jsonSchemas";
import { generateDocFiles, REGENERATE_DOCS } from "../../config/docs/reference";
import { runGenerate, type GenerateOptions } from "./schemas";

export function registerDocs(program: Command, exit: (code: number) => void): void {
  program
    .command("docs")
    .description(
      "generate docs/config-reference.md from the schemas, the worked example and the rule registry",
    )
    .option("--write", "rewrite the reference when it changed")
    .option("--check", "exit 1, naming the file, when the committed reference is stale")
    .action((opts: GenerateOptions) =>
      exit(
        runGenerate(opts, {
          root: REPO_ROOT,
          what: "documentation",
          regenerate: REGENERATE_DOCS,
          generate: generateDocFiles,
          write: (s) => process.stdout.write(s),
        }),
      ),
    );
}
