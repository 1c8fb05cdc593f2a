import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRouteTable } from "../../src/emulator/routes";
import { FIDELITY_AREAS, FIDELITY_DOC_PATH } from "../../src/fidelity/generateDoc";
import { metadataFileOf } from "../../src/fidelity/metadataFile";
import { renderFidelityDoc } from "../../src/fidelity/renderDoc";
import { GRAPH_ROWS } from "../../src/fidelity/rows/graph";

/** Prettier's CLI in a child process: its API needs dynamic import(), which Jest's CommonJS sandbox refuses. */
function prettierFormat(markdown: string): string {
  const bin = join(__dirname, "..", "..", "node_modules", "prettier", "bin", "prettier.cjs");
  return execFileSync(process.execPath, [bin, "--stdin-filepath", FIDELITY_DOC_PATH], {
    input: markdown,
    encoding: "utf8",
  });
}

describe("fidelity ledger", () => {
  it("has a route row for every Graph route in the emulator's router table", () => {
    const routes = createRouteTable()
      .keys()
      .filter((k) => k.split(" ")[1].startsWith("/v1.0/"));
    const covered = new Set(GRAPH_ROWS.filter((r) => r.kind === "route").map((r) => r.subject));
    expect(routes.filter((k) => !covered.has(k))).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
  });

  it("cites documents with a full commit and gives every assumption a reason", () => {
    for (const rows of Object.values(FIDELITY_AREAS)) {
      for (const r of rows) {
        if (r.source.kind === "doc") expect(r.source.commit).toMatch(/^[0-9a-f]{40}$/);
        if (r.source.kind === "assumed") expect(r.source.reason.length).toBeGreaterThan(10);
      }
    }
  });

  it("cites metadata by a type the vendored metadata declares, naming the file that holds it", () => {
    const cited = Object.values(FIDELITY_AREAS)
      .flat()
      .flatMap((r) => (r.source.kind === "metadata" ? [r.source.entity] : []));
    expect(cited.length).toBeGreaterThan(5);
    expect(cited.filter((entity) => metadataFileOf(entity) === undefined)).toEqual([]);
    expect(metadataFileOf("microsoft.graph.administrativeUnit")).toBe(
      "vendor/reference/microsoft-graph/graph-v1-identity-subset.json",
    );
    expect(metadataFileOf("microsoft.graph.assignLicense (bound to user)")).toBe(
      "vendor/reference/microsoft-graph/graph-v1-subset.json",
    );
  });

  it("shows the assumed rows per area", () => {
    const doc = renderFidelityDoc({ graph: GRAPH_ROWS, "teams-powershell": [] });
    const assumed = GRAPH_ROWS.filter((r) => r.source.kind === "assumed").length;
    expect(doc).toContain(`| graph | ${GRAPH_ROWS.length} | ${assumed} |`);
  });

  it("docs/fidelity.md is up to date (npm run gen:fidelity)", () => {
    expect(readFileSync(FIDELITY_DOC_PATH, "utf8")).toBe(prettierFormat(renderFidelityDoc(FIDELITY_AREAS)));
  });
});
