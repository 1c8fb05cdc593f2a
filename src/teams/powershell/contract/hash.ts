import { createHash } from "node:crypto";
import type { ContractCmdlet } from "./types";

/** The contract's own checksum: sha256 of its `cmdlets` as compact JSON (key order as generated). */
export function contractHash(cmdlets: Record<string, ContractCmdlet>): string {
  return createHash("sha256").update(JSON.stringify(cmdlets)).digest("hex");
}
