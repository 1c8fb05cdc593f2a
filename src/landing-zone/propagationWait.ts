import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../dynamic/lazyProvider";
import { DYNAMIC_MODULES, RESOURCE_TYPES } from "../resourceTypes";
import type { PropagationWaitInputs } from "./propagationWaitProvider";

export type { PropagationWaitInputs };

/**
 * The resource of a pause while Azure propagates (what it does and why: propagationWaitProvider.ts). Its provider
 * is loaded by name through src/dynamic, so this file and the provider do not import each other's loader.
 */
const provider = lazyProvider("propagationWait");

export class PropagationWait extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.propagationWait;

  declare readonly reason: pulumi.Output<string>;
  declare readonly seconds: pulumi.Output<number>;

  constructor(name: string, args: PropagationWaitInputs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, { ...args }, opts, DYNAMIC_MODULES.landingZone, "PropagationWait");
  }
}
