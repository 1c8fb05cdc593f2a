/**
 * One row of the fidelity ledger (docs/fidelity.md): a behaviour the emulator or the fake `pwsh` implements, and
 * where Microsoft documents it. Rows are kept as data beside the areas that implement them
 * (`src/fidelity/rows/*.ts`) and the ledger is generated from them, so a behaviour without a source is visible.
 */
export type FidelityArea = "graph" | "teams-powershell";

/** What kind of behaviour a row describes. */
export type FidelityKind =
  "route" | "cmdlet" | "query" | "status" | "validation" | "side-effect" | "throttle";

export type FidelitySource =
  /** A Microsoft document at a pinned commit: `repo` (owner/name), `path` inside it, `commit` (40 hex), optional `section`. */
  | { kind: "doc"; repo: string; path: string; commit: string; section?: string }
  /** Microsoft's $metadata subset vendored in the repository. */
  | { kind: "metadata"; entity: string }
  /** A public issue thread that shows what the real service does. */
  | { kind: "issue"; url: string }
  /** Not documented anywhere we could find: why we behave this way. */
  | { kind: "assumed"; reason: string };

export interface FidelityRow {
  area: FidelityArea;
  kind: FidelityKind;
  /** The route (`GET /users/{id}`) or cmdlet (`Set-CsTeamsCallingPolicy`) it belongs to. */
  subject: string;
  /** One sentence: what the emulator or the fake does. */
  behaviour: string;
  source: FidelitySource;
}
