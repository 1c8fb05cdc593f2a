/** `tenant network next-block`'s options. */
import { z } from "zod";
import { checkedNumber, definitionTarget } from "./common";

/** A prefix length as digits (`24`, not `/24` or `24.0`); whether a spoke can have it is the plan's to say. */
export const prefixLength = checkedNumber((n, text) =>
  /^\d{1,2}$/.test(text) && n <= 32 ? undefined : "give a prefix length such as 24",
);

export const nextBlockOptions = z.object({
  ...definitionTarget,
  prefixLength: prefixLength.optional(),
});

export type NextBlockOptions = z.output<typeof nextBlockOptions>;
