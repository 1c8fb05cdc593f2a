import { EXIT } from "../exitCodes";
import type { PolicyOutcome } from "./model";
import { isBlocking } from "./policy";

/**
 * The exit code a CI gate reads from `tenant plan --base` (docs/review-workflow.md), on top of validate's:
 * 0 — the plan was made and nothing blocks (changes and advisories are fine);
 * 1 — the definition is invalid (validate's output), the base does not validate, the policy config is
 *     invalid, or a mandatory (or remediate) policy is violated — src/policy's policyExitCode agrees;
 * 2 — usage: bad flags, an unknown git ref, not a git repository.
 */
export function planExitCode(policy: PolicyOutcome): number {
  return policy.results.some(isBlocking) ? EXIT.invalid : EXIT.ok;
}
