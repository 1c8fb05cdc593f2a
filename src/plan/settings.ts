import { basename } from "node:path";
import { budgetStartDate } from "../departments/budget";
import type { TenantDefinition } from "../config/definition";
import { UsageError } from "../exitCodes";
import { instanceProblem, type InstanceSettings } from "../instance";
import { LAYER_NAMES, type LayerName } from "../layers";
import type { BuildSettings } from "../program";
import type { PlanFormat } from "./format";

/** What `tenant plan` was asked for, options and stack file already read (src/cli/commands/plan.ts). */
export interface PlanRequest {
  /** The definition folder. */
  dir: string;
  /** The stack named with --stack, if any: the plan's environment (else the folder's name). */
  stack?: string;
  format: PlanFormat;
  layers: LayerName[];
  /** --platform-stack, else the stack file's `tenant:platformStack`. */
  platformStack?: string;
  /** The stack file's `tenant:instance`: both plans render that instance, as its `pulumi up` would. */
  instance?: InstanceSettings;
}

/** Stands in for `tenant:platformStack` when a plan reads layers it does not deploy and none was named. */
const UNNAMED_PLATFORM_STACK = "<platform stack>";

/** The settings both sides of a plan render with: the stack's, so a plan matches that stack's `pulumi up`. */
export function buildSettings(request: PlanRequest, now = new Date()): BuildSettings {
  const needsPlatform = request.layers.length < LAYER_NAMES.length;
  return {
    layers: request.layers,
    platformStack: request.platformStack ?? (needsPlatform ? UNNAMED_PLATFORM_STACK : undefined),
    budgetStartDate: budgetStartDate(now),
    environment: request.stack ?? basename(request.dir),
    instance: request.instance,
  };
}

/**
 * Checks that the stack's instance fits a definition (the render applies it, src/program.ts): an instance that
 * does not (a subscription without its counterpart) is the stack file's usage error, said before rendering.
 */
export function checkInstance(definition: TenantDefinition, request: PlanRequest): void {
  if (!request.instance) return;
  const problem = instanceProblem(definition, request.instance);
  if (problem) throw new UsageError(`stacks/Pulumi.${request.stack}.yaml: ${problem}`);
}
