/**
 * `scripts/graph-subset --csdl <cleanMetadata.xml> --commit <sha> --out <file> <type>…`: writes the closed selection
 * of Graph v1.0 types (subset.ts) with its provenance, for vendor/reference/microsoft-graph/. The CSDL comes from a
 * checkout of microsoftgraph/msgraph-metadata at the named commit (clean_v10_metadata/cleanMetadata.xml).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { Command } from "commander";
import { closedSubset, readCsdlTypes } from "./subset";

const program = new Command("graph-subset")
  .requiredOption("--csdl <file>", "clean_v10_metadata/cleanMetadata.xml of microsoftgraph/msgraph-metadata")
  .requiredOption("--commit <sha>", "the msgraph-metadata commit the file was taken from")
  .requiredOption("--out <file>", "where to write the subset")
  .argument("<types...>", "fully qualified type names, e.g. microsoft.graph.conditionalAccessPolicy")
  .action((types: string[], o: { csdl: string; commit: string; out: string }) => {
    const xml = readFileSync(o.csdl);
    const subset = {
      source: {
        repository: "microsoftgraph/msgraph-metadata",
        path: "clean_v10_metadata/cleanMetadata.xml",
        commit: o.commit,
        // git's blob id of the file, so anyone can check it is the file at that commit.
        blob: createHash("sha1").update(`blob ${xml.length}\0`).update(xml).digest("hex"),
        generatedBy: "scripts/graph-subset (tools/graph-subset/subset.ts)",
        requested: types,
      },
      conventions:
        "As graph-v1-subset.json: fully qualified names, Collection(T), each type's own properties with the CSDL " +
        "Nullable attribute (absent = true), inherited ones from baseType; enum values are the member names.",
      types: closedSubset(readCsdlTypes(xml.toString("utf8")), types),
    };
    writeFileSync(o.out, `${JSON.stringify(subset, null, 2)}\n`);
    console.log(`${o.out}: ${Object.keys(subset.types).length} types`);
  });

program.parse();
