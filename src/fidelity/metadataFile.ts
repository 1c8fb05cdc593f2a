import identitySubset from "../../vendor/reference/microsoft-graph/graph-v1-identity-subset.json";
import subset from "../../vendor/reference/microsoft-graph/graph-v1-subset.json";

const DIR = "vendor/reference/microsoft-graph";

/**
 * The vendored metadata file that declares a Graph type or action (`microsoft.graph.administrativeUnit`,
 * `microsoft.graph.assignLicense`), or undefined. A ledger citation may carry words after the name
 * (`microsoft.graph.assignLicense (bound to user)`): only the first word is the name. The identity subset (issue
 * #16) is asked first; the base types both files hold (directoryObject, entity) are identical in the two.
 */
export function metadataFileOf(entity: string): string | undefined {
  const name = entity.split(" ")[0];
  if (name in identitySubset.types) return `${DIR}/graph-v1-identity-subset.json`;
  if (name in subset.types || subset.operations.some((o) => o.qualifiedName === name))
    return `${DIR}/graph-v1-subset.json`;
  return undefined;
}
