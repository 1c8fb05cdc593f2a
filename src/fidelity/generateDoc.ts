/**
 * `npm run gen:fidelity` writes docs/fidelity.md; `--check` exits 1 when it is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderFidelityDoc } from "./renderDoc";
import { GRAPH_ROWS } from "./rows/graph";
import { TEAMS_POWERSHELL_ROWS } from "./rows/teamsPowerShell";

export const FIDELITY_DOC_PATH = join(__dirname, "..", "..", "docs", "fidelity.md");

export const FIDELITY_AREAS = { graph: GRAPH_ROWS, "teams-powershell": TEAMS_POWERSHELL_ROWS };

/** The doc as prettier would leave it, so `prettier --check .` and the staleness test agree. */
export async function renderFormattedFidelityDoc(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const prettier = require("prettier") as typeof import("prettier");
  const config = (await prettier.resolveConfig(FIDELITY_DOC_PATH)) ?? {};
  return prettier.format(renderFidelityDoc(FIDELITY_AREAS), { ...config, parser: "markdown" });
}

export async function main(args: readonly string[]): Promise<number> {
  const rendered = await renderFormattedFidelityDoc();
  if (args.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(FIDELITY_DOC_PATH, "utf8");
    } catch {
      // missing counts as stale
    }
    if (current !== rendered) {
      process.stderr.write("docs/fidelity.md is stale: run `npm run gen:fidelity`\n");
      return 1;
    }
    return 0;
  }
  writeFileSync(FIDELITY_DOC_PATH, rendered);
  process.stdout.write(`wrote ${FIDELITY_DOC_PATH}\n`);
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
