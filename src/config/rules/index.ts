import type { Rule } from "./context";
import { departmentIdentityRule } from "./departments";

/** Every cross-file rule, in the order their findings read best. Each rule checks one concern. */
export const RULES: readonly Rule[] = [departmentIdentityRule];
