import type { TenantDefinition } from "../config/definition";
import { LAYER_READERS } from "../layerReference";
import type { LayerName } from "../layers";

/**
 * What the renderer pretends the platform stack exports: for each layer, every field the reading layers use,
 * as a placeholder that names where the value would come from (`<org/tenant/platform: landingZone.…>`), so a
 * plan of a split stack shows which inputs are read across stacks. Built by the same LAYER_READERS the program
 * uses, so the stub always has the shape the program reads.
 */
export function stubPlatformOutputs(
  definition: TenantDefinition,
  layers: readonly LayerName[],
  stack: string,
): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const layer of layers) {
    const value = LAYER_READERS[layer](definition, (path) => `<${stack}: ${path.join(".")}>`);
    outputs[layer] = value;
  }
  return outputs;
}
