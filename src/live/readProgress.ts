/**
 * Progress of a live-tenant read, one event per section start, page and end, so a CLI can draw a bar on a
 * terminal or print plain lines in CI without the reader knowing which.
 */

export const LIVE_SECTIONS = [
  "organization",
  "skus",
  "groups",
  "owners",
  "users",
  "numbers",
  "userConfigurations",
  "policies",
  "pstnUsages",
  "voiceRoutes",
  "civicAddresses",
  "groupPolicyAssignments",
  "phoneServices",
  "conditionalAccess",
  "administrativeUnits",
] as const;
export type LiveSection = (typeof LIVE_SECTIONS)[number];

export type ReadProgressEvent =
  | { kind: "section-start"; section: LiveSection; index: number; total: number }
  /** `items` read so far in this section; `pages` read so far (including resumed ones). */
  | { kind: "page"; section: LiveSection; pages: number; items: number }
  | { kind: "section-done"; section: LiveSection; items: number; resumed: boolean }
  /** A section (or its first pages) came from the checkpoint instead of the tenant. */
  | { kind: "resumed"; section: LiveSection; pages: number; items: number };

export type ReadProgress = (event: ReadProgressEvent) => void;
