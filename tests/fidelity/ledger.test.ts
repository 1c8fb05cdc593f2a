import { readFileSync } from "node:fs";
import { createRouteTable } from "../../src/emulator/routes";
import {
  FIDELITY_AREAS,
  FIDELITY_DOC_PATH,
  renderFormattedFidelityDoc,
} from "../../src/fidelity/generateDoc";
import { GRAPH_ROWS } from "../../src/fidelity/rows/graph";

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

  it("docs/fidelity.md is up to date (npm run gen:fidelity)", async () => {
    expect(readFileSync(FIDELITY_DOC_PATH, "utf8")).toBe(await renderFormattedFidelityDoc());
  });
});
