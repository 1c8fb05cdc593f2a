/** `tenant emulator`'s options: where it listens, what it starts from, and which faults it injects. */
import { z } from "zod";
import { checkedNumber } from "./common";

/** A share of requests: 0 to 1. */
export const rate = checkedNumber((n) =>
  Number.isFinite(n) && n >= 0 && n <= 1 ? undefined : "give a rate between 0 and 1, e.g. 0.1",
);
/** Seconds, milliseconds or a seed: 0 or more. */
export const nonNegative = checkedNumber((n) =>
  Number.isFinite(n) && n >= 0 ? undefined : "give a number of 0 or more",
);
/** A TCP port; 0 lets the system pick a free one. */
export const port = checkedNumber((n) =>
  Number.isInteger(n) && n >= 0 && n <= 65535 ? undefined : "give a port from 0 to 65535 (0 = any free port)",
);

export const QUOTA_CHOICES = ["on", "off"] as const;

export const emulatorOptions = z
  .object({
    port: port.default(0),
    state: z.string().optional(),
    seed: z.string().optional(),
    applied: z.boolean().optional(),
    faultRate429: rate.optional(),
    retryAfter: nonNegative.optional(),
    retryAfterAbsentRate: rate.optional(),
    faultRate503: rate.optional(),
    slowMs: nonNegative.optional(),
    slowRate: rate.optional(),
    dropRate: rate.optional(),
    dropAfterWriteRate: rate.optional(),
    faultSeed: nonNegative.optional(),
    quota: z.enum(QUOTA_CHOICES).default("on"),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
  })
  .refine((o) => !o.applied || o.seed !== undefined, {
    message:
      "--applied needs --seed <dir>: it applies that definition — e.g. tenant emulator --seed stacks/example --applied",
  });

export type EmulatorOptions = z.output<typeof emulatorOptions>;
