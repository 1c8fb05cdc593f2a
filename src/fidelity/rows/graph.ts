import type { FidelityRow } from "../types";

/** Ledger rows of the Graph emulator (routes, query options, status codes, validation, throttling). */
export const GRAPH_ROWS: readonly FidelityRow[] = [];
