/** `check` and `diff` of AdministrativeUnit: plain JSON from the engine, validated field by field. Pure. */
import type { AdministrativeUnitInputs } from "../../../resourceTypes";

const FIELDS = ["department", "displayName", "description", "membershipRule"] as const;

export function checkAdministrativeUnitInputs(news: Record<string, unknown>): {
  inputs: AdministrativeUnitInputs;
  failures: { property: string; reason: string }[];
} {
  const failures = FIELDS.filter((f) => typeof news[f] !== "string" || (news[f] as string).trim() === "").map(
    (property) => ({ property, reason: "must be a non-empty string" }),
  );
  const displayName = news.displayName;
  if (typeof displayName === "string" && displayName.length > 256)
    failures.push({ property: "displayName", reason: "must be at most 256 characters" });
  const inputs = Object.fromEntries(FIELDS.map((f) => [f, news[f]])) as unknown as AdministrativeUnitInputs;
  return { inputs, failures };
}

/** The owned properties whose value differs (the `department` key included: it names the unit in the plan). */
export function changedProperties(
  olds: Partial<AdministrativeUnitInputs>,
  news: AdministrativeUnitInputs,
): string[] {
  return FIELDS.filter((f) => olds[f] !== news[f]);
}
