import type { RenderedResource } from "../render/graph";
import type { BudgetChange } from "./model";
import { isRecord } from "./values";

export const BUDGET_TYPE = "azure-native:consumption:Budget";

interface BudgetView {
  amount?: number;
  thresholds: number[];
  contacts: string[];
}

/** Amount, thresholds and contacts of a consumption.Budget's inputs (notifications is a map of alerts). */
export function budgetView(inputs: Record<string, unknown> | undefined): BudgetView {
  const notifications = isRecord(inputs?.notifications) ? Object.values(inputs.notifications) : [];
  const thresholds = new Set<number>();
  const contacts = new Set<string>();
  for (const n of notifications) {
    if (!isRecord(n)) continue;
    if (typeof n.threshold === "number") thresholds.add(n.threshold);
    if (Array.isArray(n.contactEmails)) for (const c of n.contactEmails) contacts.add(String(c));
  }
  return {
    amount: typeof inputs?.amount === "number" ? inputs.amount : undefined,
    thresholds: [...thresholds].sort((a, b) => a - b),
    contacts: [...contacts].sort(),
  };
}

/** What changed in a budget, or undefined when amount, thresholds and contacts are all the same. */
export function diffBudget(
  name: string,
  was: RenderedResource | undefined,
  now: RenderedResource | undefined,
): BudgetChange | undefined {
  const a = budgetView(was?.inputs);
  const b = budgetView(now?.inputs);
  const change: BudgetChange = {
    name,
    amountBefore: a.amount,
    amountAfter: b.amount,
    thresholdsBefore: a.thresholds,
    thresholdsAfter: b.thresholds,
    contactsAdded: b.contacts.filter((c) => !a.contacts.includes(c)),
    contactsRemoved: a.contacts.filter((c) => !b.contacts.includes(c)),
  };
  const same =
    a.amount === b.amount &&
    a.thresholds.join() === b.thresholds.join() &&
    change.contactsAdded.length === 0 &&
    change.contactsRemoved.length === 0;
  return same ? undefined : change;
}
