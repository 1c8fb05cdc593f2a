import type * as pulumi from "@pulumi/pulumi";

/**
 * A pause after a resource Azure needs time to replicate, before what uses it. On a first deployment a policy
 * assignment made right after its management group (or custom definition) can fail with "not found", and a role
 * assignment for a just-created assignment identity with `PrincipalNotFound`, until Azure has propagated the new
 * object (docs/running-for-real.md, "First deployment"). Pulumi has no retry for a failed create, so the program
 * waits once, where it matters: the wait is created (and sleeps) only when the thing it follows is created, and an
 * update of the wait itself returns at once.
 */
export interface PropagationWaitInputs {
  /** What it waits for, for the plan and the logs. */
  reason: string;
  seconds: number;
}

type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPropagationWaitProvider(
  sleep: Sleep = realSleep,
): pulumi.dynamic.ResourceProvider<PropagationWaitInputs, PropagationWaitInputs> {
  return {
    async create(inputs) {
      await sleep(Math.max(0, inputs.seconds) * 1000);
      return { id: `wait-${Date.now().toString(36)}`, outs: inputs };
    },
    async diff(_id, olds, news) {
      // A changed reason or duration is an in-place update (no new sleep); nothing ever replaces the wait.
      return { changes: olds.reason !== news.reason || olds.seconds !== news.seconds };
    },
    async update(_id, _olds, news) {
      return { outs: news };
    },
    async delete() {},
  };
}
