/**
 * The example city applied to an emulator (startExportBed: the seed holds what `pulumi up` leaves), for the drift
 * tests that change it by hand and read it back. Registers the bed's start and stop on the calling test file.
 */
import { join } from "node:path";
import type { TenantDefinition } from "../../../src/config/definition";
import { validateDefinition } from "../../../src/config/validate";
import { compareTenant } from "../../../src/drift";
import type { DriftEntry } from "../../../src/drift/types";
import { readLiveTenant } from "../../../src/live/read";
import { startExportBed, type ExportBed } from "../../export/helpers/appliedEmulator";

export const EXAMPLE = join(__dirname, "..", "..", "..", "stacks", "example");

export interface ExampleTenant {
  definition: TenantDefinition;
  bed(): ExportBed;
  /** `tenant drift` of the example definition against the emulator now, filtered. */
  drift(keep: (entry: DriftEntry) => boolean): Promise<DriftEntry[]>;
}

export function useExampleTenant(): ExampleTenant {
  const definition = validateDefinition(EXAMPLE).definition!;
  let bed: ExportBed | undefined;
  beforeAll(async () => {
    bed = await startExportBed(EXAMPLE);
  });
  afterAll(async () => bed?.stop());
  const started = () => {
    if (!bed) throw new Error("the example tenant is used before beforeAll started it");
    return bed;
  };
  return {
    definition,
    bed: started,
    drift: async (keep) => {
      const { tenant } = await readLiveTenant({ graph: started().graph(), powershell: started().powershell });
      return compareTenant(definition, tenant).entries.filter(keep);
    },
  };
}
