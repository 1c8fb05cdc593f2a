/**
 * An emulator state document reduced to what a deployment must put back when it is destroyed, so "destroy leaves
 * the tenant as it was" compares like with like. Each normalisation says why that part may differ.
 */
import type { StateDocument } from "../../../src/emulator";
import type { TeamsAreaDoc } from "../../../src/emulator/state/teams";
import { POLICY_SETTINGS } from "../../../src/emulator/state/teamsCmdlets";

type StoredPolicy = TeamsAreaDoc["policies"][number];

/** Every stored setting equals the default `Get-Cs…` shows for it (the emulator's documented defaults). */
function holdsOnlyDefaults(p: StoredPolicy): boolean {
  const specs = POLICY_SETTINGS[`Cs${p.type}`] ?? {};
  return Object.entries(p.settings).every(
    ([k, v]) => JSON.stringify(v) === JSON.stringify(specs[k]?.default),
  );
}

export function normaliseForComparison(doc: StateDocument): unknown {
  const d = JSON.parse(JSON.stringify(doc)) as StateDocument;
  // Background jobs (licence processing, number operations) are the log of what ran, not the tenant's state.
  d.jobs = [];
  for (const g of d.groups) {
    // "ProcessingComplete" after a licence removal vs never processed: the same licences (none) either way.
    if (g.assignedLicenses.length === 0) g.licenseProcessingState = null;
  }
  // The directory audit log records who changed licences when: history, which a destroy adds to, never undoes.
  delete d.areas.audit;
  const teams = d.areas.teams as TeamsAreaDoc | undefined;
  if (teams) {
    // Every tenant has the built-in `Global` policies; the emulator only stores one when something first reads
    // or grants it, so an unchanged built-in is the same tenant whether stored or implied.
    // A Global holding exactly the noun's defaults (what `Remove-Cs… -Identity Global` leaves) is that same tenant.
    teams.policies = teams.policies.filter((p) => !(p.name === "Global" && holdsOnlyDefaults(p)));
    // Assigning a number switches Enterprise Voice on (reference §3.1) and Teams leaves it on after the number
    // is unassigned; Graph has no call to switch it off. It is a user setting the toolkit does not own, so
    // destroy cannot restore it and the comparison leaves it aside.
    teams.enterpriseVoice = {};
    // Operation records and their sequence are history (GET /operations/{id}); ids are never reused.
    teams.operations = {};
    teams.seq = 0;
    // When a user's settings were last changed is history too.
    teams.userModified = {};
    // A number is stored on its own only once something touched it; an unassigned one with no location is
    // exactly what the range it belongs to implies (docs/emulator.md "Inventory").
    teams.numbers = Object.fromEntries(
      Object.entries(teams.numbers).filter(
        ([, n]) => n.assignmentStatus !== "unassigned" || n.locationId !== null || n.civicAddressId !== null,
      ),
    );
  }
  // The phone-services area is made the first time a cmdlet touches it; once every attendant, queue, account,
  // association and schedule is gone, what remains is its id sequence (history, ids are never reused): the same
  // tenant as one that never had phone services.
  const phone = d.areas["teams-phone"] as Record<string, unknown> | undefined;
  if (phone && Object.entries(phone).every(([k, v]) => !Array.isArray(v) || v.length === 0 || k === "seq"))
    delete d.areas["teams-phone"];
  return d;
}
