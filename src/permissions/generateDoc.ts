/**
 * `npm run gen:permissions` writes docs/permissions.md; `--check` exits 1 when the file is stale.
 * Refuses to write while a manifest breaks the least-privilege check.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkPermissionManifests } from "./check";
import { PERMISSION_MANIFESTS } from "./registry";
import { renderPermissionsDoc } from "./renderDoc";

export const PERMISSIONS_DOC_PATH = join(__dirname, "..", "..", "docs", "permissions.md");

/** The doc as prettier would leave it, so `prettier --check .` and the staleness test agree. */
export async function renderFormattedPermissionsDoc(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const prettier = require("prettier") as typeof import("prettier");
  const config = (await prettier.resolveConfig(PERMISSIONS_DOC_PATH)) ?? {};
  return prettier.format(renderPermissionsDoc(PERMISSION_MANIFESTS), { ...config, parser: "markdown" });
}

export async function main(args: readonly string[]): Promise<number> {
  const problems = checkPermissionManifests(PERMISSION_MANIFESTS);
  if (problems.length > 0) {
    process.stderr.write(
      `permission manifests break the least-privilege check:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`,
    );
    return 1;
  }
  const rendered = await renderFormattedPermissionsDoc();
  if (args.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(PERMISSIONS_DOC_PATH, "utf8");
    } catch {
      // missing counts as stale
    }
    if (current !== rendered) {
      process.stderr.write("docs/permissions.md is stale: run `npm run gen:permissions`\n");
      return 1;
    }
    return 0;
  }
  writeFileSync(PERMISSIONS_DOC_PATH, rendered);
  process.stdout.write(`wrote ${PERMISSIONS_DOC_PATH}\n`);
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
