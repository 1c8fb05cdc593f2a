/**
 * Writes the driver's allow-list (src/teams/powershell/contract/driver-allow-list.json) from the vendored
 * contract. Needs no checkout: run it after changing tools/cmdlet-contract/cmdlets.json's `sets` or the
 * derivation in src/teams/powershell/contract/index.ts.   npx tsx tools/cmdlet-contract/writeAllowList.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { driverAllowListFile } from "../../src/teams/powershell/contract";

export const DRIVER_ALLOW_LIST_PATH = join(
  __dirname,
  "..",
  "..",
  "src",
  "teams",
  "powershell",
  "contract",
  "driver-allow-list.json",
);

export function writeDriverAllowList(): void {
  writeFileSync(DRIVER_ALLOW_LIST_PATH, JSON.stringify(driverAllowListFile(), null, 2) + "\n");
}

if (require.main === module) {
  writeDriverAllowList();
  process.stdout.write(`wrote ${DRIVER_ALLOW_LIST_PATH}\n`);
}
