import { CONDITIONAL_ACCESS_POLICY } from "./conditionalAccess";

/**
 * Inputs a risk rule needs from an updated resource although they did not change, per resource type: whether a
 * conditional access policy is enforced decides how much a change of its conditions matters. Kept to a few
 * scalars, so the JSON plan does not carry whole inputs for every update.
 */
const CONTEXT_INPUTS: Readonly<Record<string, readonly string[]>> = {
  [CONDITIONAL_ACCESS_POLICY]: ["state"],
};

/** The head's values of the context inputs of `type`, or undefined when the type has none. */
export function changeContext(
  type: string,
  inputs: Readonly<Record<string, unknown>>,
): Record<string, unknown> | undefined {
  const keys = CONTEXT_INPUTS[type];
  if (!keys) return undefined;
  return Object.fromEntries(keys.filter((k) => inputs[k] !== undefined).map((k) => [k, inputs[k]]));
}
