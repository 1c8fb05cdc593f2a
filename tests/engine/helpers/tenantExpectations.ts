/**
 * What the emulator's tenant must look like once a definition's m365 and teamsVoice layers are applied, as a
 * list of precise differences (empty when it matches). Pure: reads an emulator state document and a definition.
 */
import type { TenantDefinition } from "../../../src/config/definition";
import type { StateDocument } from "../../../src/emulator";
import type { TeamsAreaDoc } from "../../../src/emulator/state/teams";
import { teamsPhoneAreaOf } from "../../../src/emulator/state/teamsPhone";
import { departmentGroupName } from "../../../src/naming";
import { departmentGrants } from "../../../src/teams/layer";

export function teamsAreaOf(doc: StateDocument): TeamsAreaDoc {
  return doc.areas.teams as TeamsAreaDoc;
}

/** The emulator's group id of each department group (seeded one per department, named as the toolkit names it). */
export function departmentGroupIds(doc: StateDocument, definition: TenantDefinition): Record<string, string> {
  const byName = new Map(doc.groups.map((g) => [g.displayName, g.id]));
  const ids: Record<string, string> = {};
  for (const d of definition.departments) {
    const id = byName.get(departmentGroupName(definition.tenant.organization.shortName, d.id));
    if (!id) throw new Error(`the emulator has no group for department '${d.id}'`);
    ids[d.id] = id;
  }
  return ids;
}

/** A civic address field whatever the case of its key (PowerShell parameters are PascalCase). */
function field(fields: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : fields[key];
}

/** `allowWebPSTNCalling` → `AllowWebPSTNCalling`: a definition key as the cmdlet parameter it stands for. */
const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/** A definition entry as cmdlet parameters: every key but `name`, renamed or reshaped where the cmdlet differs. */
function asParameters(
  entry: object,
  special: Record<string, (v: never) => [string, unknown] | undefined> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === "name" || value === undefined) continue;
    const mapped =
      key in special ? special[key](value as never) : ([pascal(key), value] as [string, unknown]);
    if (mapped) out[mapped[0]] = mapped[1];
  }
  return out;
}

/**
 * Whether a stored value holds what was sent: scalars equal; lists the same length, item by item in order; objects
 * every expected property (PowerShell names are case-insensitive), whatever else Teams adds (a normalization
 * rule's `Priority`, an unset `Description` shown as null).
 */
function holds(got: unknown, want: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(got) && got.length === want.length && want.every((w, i) => holds(got[i], w));
  }
  if (want !== null && typeof want === "object") {
    if (got === null || typeof got !== "object" || Array.isArray(got)) return false;
    const byKey = new Map(Object.entries(got).map(([k, v]) => [k.toLowerCase(), v]));
    return Object.entries(want).every(([k, w]) => holds(byKey.get(k.toLowerCase()), w));
  }
  return got === want;
}

/**
 * What the definition's Teams catalogue must have set, written from the cmdlets' documented parameters
 * (New-CsTeamsCallingPolicy, New-CsTeamsEmergencyCallingPolicy, New-CsTeamsEmergencyCallRoutingPolicy with
 * New-CsTeamsEmergencyNumber, New-CsOnlineVoiceRoutingPolicy, New-CsTenantDialPlan with
 * New-CsVoiceNormalizationRule, New-CsOnlineVoiceRoute), independently of the providers' own mapping.
 */
export function expectedTeamsSettings(
  definition: TenantDefinition,
): { type: string; name: string; settings: Record<string, unknown> }[] {
  const tv = definition.tenant.teamsVoice;
  // Teams keeps address lists and dial masks as one `;`-separated string.
  const joined = (key: string) => (list: string[]) =>
    list.length > 0 ? ([key, list.join(";")] as [string, unknown]) : undefined;
  return [
    ...tv.callingPolicies.map((p) => ({
      type: "TeamsCallingPolicy",
      name: p.name,
      settings: asParameters(p),
    })),
    ...tv.emergencyCallingPolicies.map((p) => ({
      type: "TeamsEmergencyCallingPolicy",
      name: p.name,
      settings: asParameters(p, { notificationGroup: joined("NotificationGroup") }),
    })),
    ...tv.emergencyCallRoutingPolicies.map((p) => ({
      type: "TeamsEmergencyCallRoutingPolicy",
      name: p.name,
      settings: asParameters(p, {
        emergencyNumbers: (numbers: object[]) => [
          "EmergencyNumbers",
          numbers.map((n) => asParameters(n, { emergencyDialMask: joined("EmergencyDialMask") })),
        ],
      }),
    })),
    ...tv.voiceRoutingPolicies.map((p) => ({
      type: "OnlineVoiceRoutingPolicy",
      name: p.name,
      settings: asParameters(p, { pstnUsages: (u: string[]) => ["OnlinePstnUsages", u] }),
    })),
    ...tv.dialPlans.map((p) => ({
      type: "TenantDialPlan",
      name: p.name,
      settings: asParameters(p, {
        normalizationRules: (rules: object[]) => [
          "NormalizationRules",
          rules.map((r) => ({ Name: (r as { name: string }).name, ...asParameters(r) })),
        ],
      }),
    })),
    ...tv.voiceRoutes.map((r) => ({
      type: "OnlineVoiceRoute",
      name: r.name,
      settings: asParameters(r, {
        gateways: (g: string[]) => ["OnlinePstnGatewayList", g],
        pstnUsages: (u: string[]) => ["OnlinePstnUsages", u],
      }),
    })),
  ];
}

/** Each Teams catalogue entry missing, or holding a setting other than the definition's (one line per setting). */
export function teamsSettingProblems(area: TeamsAreaDoc, definition: TenantDefinition): string[] {
  const problems: string[] = [];
  for (const want of expectedTeamsSettings(definition)) {
    const live =
      want.type === "OnlineVoiceRoute"
        ? area.voiceRoutes.find((r) => r.name === want.name)
        : area.policies.find((p) => p.type === want.type && p.name === want.name);
    if (!live) {
      problems.push(`${want.type} '${want.name}' is missing in the tenant`);
      continue;
    }
    const held = new Map(Object.entries(live.settings).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [key, value] of Object.entries(want.settings)) {
      const got = held.get(key.toLowerCase());
      if (!holds(got, value)) {
        problems.push(
          `${want.type} '${want.name}': ${key} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`,
        );
      }
    }
  }
  return problems;
}

/** Every way the emulator's tenant differs from what the definition describes (licences, Teams voice, numbers). */
export function differencesFromDefinition(doc: StateDocument, definition: TenantDefinition): string[] {
  const problems: string[] = [];
  const groups = departmentGroupIds(doc, definition);
  const area = teamsAreaOf(doc);
  const skuIdByPart = new Map(doc.skus.map((s) => [s.skuPartNumber, s.skuId]));

  // Licences: each department group carries exactly the SKUs its YAML lists.
  for (const d of definition.departments) {
    const group = doc.groups.find((g) => g.id === groups[d.id]);
    const want = d.licences.map((l) => skuIdByPart.get(l.sku) ?? `unknown SKU ${l.sku}`).sort();
    const got = (group?.assignedLicenses ?? []).map((l) => l.skuId).sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      problems.push(
        `department ${d.id}: group licences ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
      );
    }
  }

  // Teams policies, dial plans and voice routes: each exists with every setting the definition gives it.
  problems.push(...teamsSettingProblems(area, definition));

  // Group policy assignments: each department's grants on its group (their order: grantOrderProblems).
  for (const d of definition.departments) {
    for (const g of departmentGrants(d)) {
      const found = area.groupAssignments.find(
        (a) => a.groupId === groups[d.id] && a.policyType === g.policyType,
      );
      if (!found || found.policyName !== g.policyName) {
        problems.push(
          `department ${d.id}: ${g.policyType} grant ${found?.policyName ?? "missing"}, expected ${g.policyName}`,
        );
      }
    }
  }
  // Numbers: every row assigned to its user, in its category, at its emergency location; nothing else assigned.
  const userIds = new Map(doc.users.map((u) => [u.userPrincipalName.toLowerCase(), u.id]));
  // A definition location is the LIS location of that name under the civic address with its description.
  const locationIdByName = new Map<string, string>();
  for (const a of definition.tenant.emergencyAddresses) {
    const civic = area.civicAddresses.find(
      (c) =>
        field(c.fields, "streetName") === a.streetName &&
        field(c.fields, "houseNumber") === a.houseNumber &&
        field(c.fields, "postalCode") === a.postalCode,
    );
    for (const l of a.locations) {
      const live = area.locations.find(
        (x) => x.civicAddressId === civic?.civicAddressId && x.location === l.name,
      );
      if (live) locationIdByName.set(l.id, live.locationId);
    }
  }
  const expected = new Set<string>();
  for (const d of definition.departments) {
    for (const row of definition.numbers[d.id] ?? []) {
      expected.add(row.number);
      const n = area.numbers[row.number];
      const user = userIds.get(row.userPrincipalName.toLowerCase());
      const where = locationIdByName.get(row.emergencyLocation);
      if (!n || n.assignmentStatus !== "userAssigned" || n.assignmentTargetId !== user) {
        problems.push(
          `${row.number}: assigned to ${n?.assignmentTargetId ?? "nobody"}, expected ${row.userPrincipalName} (${user})`,
        );
      } else if (n.assignmentCategory !== row.category) {
        problems.push(`${row.number}: category ${n.assignmentCategory}, expected ${row.category}`);
      } else if (n.locationId !== where) {
        problems.push(
          `${row.number}: location ${n.locationId}, expected ${row.emergencyLocation} (${where})`,
        );
      }
    }
  }
  for (const [number, n] of Object.entries(area.numbers)) {
    if (n.assignmentStatus === "userAssigned" && !expected.has(number)) {
      problems.push(`${number}: assigned to ${n.assignmentTargetId} but the definition does not list it`);
    }
  }
  return problems;
}

/**
 * Phone services: each department's attendants and queues exist under their tenant names (`<department>-<name>`),
 * each resource account exists, answers for its attendant or queue, and holds its number (none when it has none);
 * no application instance holds a number the definition does not give it. Written from the schema's naming rule, not
 * with phoneServicesOf, so the render's own mapping is under test rather than the measure of it.
 */
export function phoneServiceProblems(doc: StateDocument, definition: TenantDefinition): string[] {
  const problems: string[] = [];
  const phone = teamsPhoneAreaOf(doc);
  const numbers = teamsAreaOf(doc).numbers;
  const givenNumbers = new Set<string>();
  for (const d of definition.departments) {
    const services = d.phoneServices;
    if (!services) continue;
    const ids = new Map<string, string>();
    for (const a of services.autoAttendants) {
      const live = phone.autoAttendants.find((x) => x.name === `${d.id}-${a.name}`);
      if (live) ids.set(`autoAttendant:${a.name}`, live.id);
      else problems.push(`department ${d.id}: auto attendant ${d.id}-${a.name} missing`);
    }
    for (const q of services.callQueues) {
      const live = phone.callQueues.find((x) => x.settings.Name === `${d.id}-${q.name}`);
      if (live) ids.set(`callQueue:${q.name}`, live.id);
      else problems.push(`department ${d.id}: call queue ${d.id}-${q.name} missing`);
    }
    for (const r of services.resourceAccounts) {
      const account = phone.applicationInstances.find(
        (x) => x.userPrincipalName.toLowerCase() === r.userPrincipalName.toLowerCase(),
      );
      if (!account) {
        problems.push(`department ${d.id}: resource account ${r.userPrincipalName} missing`);
        continue;
      }
      const answers =
        "autoAttendant" in r.answers
          ? `autoAttendant:${r.answers.autoAttendant}`
          : `callQueue:${r.answers.callQueue}`;
      if (
        !phone.associations.some((x) => x.id === account.objectId && x.configurationId === ids.get(answers))
      )
        problems.push(`${r.userPrincipalName}: does not answer for ${answers}`);
      if (r.number) givenNumbers.add(r.number);
      const held = account.phoneNumber ?? undefined;
      const want = r.number;
      if (held !== want || (want && numbers[want]?.assignmentTargetId !== account.objectId))
        problems.push(`${r.userPrincipalName}: holds ${held ?? "no number"}, expected ${want ?? "none"}`);
    }
  }
  for (const a of phone.applicationInstances)
    if (a.phoneNumber && !givenNumbers.has(a.phoneNumber))
      problems.push(`${a.userPrincipalName}: holds ${a.phoneNumber}, which the definition does not give it`);
  return problems;
}

/**
 * Teams keeps group-assignment ranks as positions 1..n per policy type (a grant at rank r pushes the others down),
 * so the definition's ranks must come out as the same ORDER: a user in two groups gets the lower rank's policy.
 */
export function grantOrderProblems(doc: StateDocument, definition: TenantDefinition): string[] {
  const problems: string[] = [];
  const groups = departmentGroupIds(doc, definition);
  const area = teamsAreaOf(doc);
  const liveRank = new Map<string, number>();
  for (const d of definition.departments) {
    for (const g of departmentGrants(d)) {
      const found = area.groupAssignments.find(
        (a) => a.groupId === groups[d.id] && a.policyType === g.policyType,
      );
      if (found) liveRank.set(`${g.policyType}/${d.id}`, found.rank);
    }
  }
  const byType = new Map<string, { dept: string; want: number; live: number }[]>();
  for (const d of definition.departments) {
    for (const g of departmentGrants(d)) {
      const live = liveRank.get(`${g.policyType}/${d.id}`);
      if (live === undefined) continue;
      byType.set(g.policyType, [...(byType.get(g.policyType) ?? []), { dept: d.id, want: g.rank, live }]);
    }
  }
  for (const [type, grants] of byType) {
    const ordered = [...grants].sort((a, b) => a.live - b.live);
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i].want < ordered[i - 1].want) {
        problems.push(
          `${type}: ${ordered[i].dept} (rank ${ordered[i].want}) is behind ${ordered[i - 1].dept} (rank ${ordered[i - 1].want}) in Teams`,
        );
      }
    }
  }

  return problems;
}
