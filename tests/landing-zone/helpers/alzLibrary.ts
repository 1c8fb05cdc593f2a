import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatParity, parityRows, type AlzAssignment } from "../../../src/landing-zone/alzParity";

/** The ALZ library's policy assignments, vendored with their provenance (../reference/README.md). */
export const ALZ_LIBRARY_PATH = join(__dirname, "..", "reference", "alz-policy-assignments.json");
export const ALZ_LIBRARY_SOURCE =
  "tests/landing-zone/reference/alz-policy-assignments.json (Azure-Landing-Zones-Library @ faae8cc)";

export function loadAlzLibrary(): AlzAssignment[] {
  return JSON.parse(readFileSync(ALZ_LIBRARY_PATH, "utf8")) as AlzAssignment[];
}

/** docs/alz-parity.md as it should be (written by `npm run gen`, checked by tests/landing-zone/alzParity.test.ts). */
export function alzParityDoc(): string {
  return formatParity(parityRows(loadAlzLibrary()), ALZ_LIBRARY_SOURCE);
}
