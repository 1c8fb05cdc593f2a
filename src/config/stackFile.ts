import { join } from "node:path";
import { parseInstanceSubscriptions, type InstanceSettings } from "../instance";
import { STACKS_DIR } from "./definitionDir";
import { lstatOrUndefined } from "./definitionEntries";
import type { Diagnostic } from "./diagnostics";
import { readDefinitionFile } from "./sourceFile";
import { parseYaml } from "./yamlSource";

/**
 * `tenant:layers` / `tenant:platformStack` of stacks/Pulumi.<stack>.yaml, so a plan matches that stack's `pulumi up`.
 * The file is read like a definition file (a regular file only; aliases, depth and size bounded); `problem` is set
 * when it cannot be read.
 */
export function stackFileSettings(
  stack: string,
  stacksDir = STACKS_DIR,
): { layers?: string[]; platformStack?: string; instance?: InstanceSettings; problem?: Diagnostic } {
  const file = join(stacksDir, `Pulumi.${stack}.yaml`);
  const display = `stacks/Pulumi.${stack}.yaml`;
  if (!lstatOrUndefined(file)) return {};
  const read = readDefinitionFile(file, display);
  if (!read.ok) return { problem: read.diagnostic };
  const parsed = parseYaml(display, read.text);
  if (!parsed.ok) return { problem: parsed.diagnostics[0] };
  const data = parsed.source.data as { config?: Record<string, unknown> } | null;
  const config =
    (typeof data === "object" && data !== null && typeof data.config === "object" && data.config) || {};
  const layers = config["tenant:layers"];
  const platformStack = config["tenant:platformStack"];
  const instance = config["tenant:instance"];
  const instanceSubscriptions = config["tenant:instanceSubscriptions"];
  return {
    layers: Array.isArray(layers) ? layers.map(String) : undefined,
    platformStack: typeof platformStack === "string" ? platformStack : undefined,
    instance:
      typeof instance === "string"
        ? {
            name: instance,
            subscriptions: parseInstanceSubscriptions(
              Array.isArray(instanceSubscriptions) ? instanceSubscriptions : undefined,
            ),
          }
        : undefined,
  };
}
