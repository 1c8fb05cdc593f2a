import {
  TEAMS_POLICY_TYPES,
  type CivicAddress,
  type GroupPolicyAssignment,
  type LisLocation,
  type TeamsPolicy,
  type TeamsPolicyType,
  type TeamsPowerShellAdmin,
  type VoiceRoute,
} from "../admin/port";
import { allowedCmdlet, DRIVER_ALLOW_LIST, refusedParameter } from "./contract";
import { LIST_PARAMETERS } from "./listParameters";
import { TeamsPowerShellError } from "./errors";
import { policyCmdlet } from "./policyCmdlets";
import type { PwshProcess } from "./pwshProcess";
import { listProp, pick, prop, resultObjects, stringProp, stripTag, type PsObject } from "./results";

/**
 * The PowerShell side of the Teams admin port: each method is one (sometimes two) allow-listed cmdlet calls
 * sent as data to the driver. Reads are "list, then pick" rather than `Get-… -Identity x`, so a missing object
 * is `undefined` without parsing an error text, and a hostile name is never a `-Filter` wildcard.
 */
export class PowerShellTeamsAdmin implements TeamsPowerShellAdmin {
  constructor(private readonly ps: PwshProcess) {}

  /** Runs one allow-listed cmdlet; a driver error (thrown or returned as an object) becomes a TeamsPowerShellError. */
  async run(cmdlet: string, parameters: Record<string, unknown> = {}): Promise<PsObject[]> {
    const name = allowedCmdlet(cmdlet);
    if (!name)
      throw new TeamsPowerShellError(cmdlet, "NotAllowed", "the cmdlet is not on the driver's allow-list");
    const clean = Object.fromEntries(Object.entries(parameters).filter(([, v]) => v !== undefined));
    const refused = refusedParameter(name, clean);
    if (refused) {
      throw new TeamsPowerShellError(
        name,
        "NotAllowed",
        `parameter -${refused} is not allowed (allowed: ${DRIVER_ALLOW_LIST[name].join(", ")})`,
      );
    }
    const response = await this.ps.call(name, clean);
    if (!response.ok) {
      throw new TeamsPowerShellError(
        response.error.cmdlet || name,
        response.error.type,
        response.error.message,
        response.error.errorId,
        response.error.category,
      );
    }
    return resultObjects(response.result);
  }

  // ------------------------------------------------------------------------------------------------------
  // Policies

  async listPolicies(type: TeamsPolicyType): Promise<TeamsPolicy[]> {
    const objects = await this.run(policyCmdlet("Get", type));
    return objects.map((o) => this.policyFrom(type, o));
  }

  async getPolicy(type: TeamsPolicyType, name: string): Promise<TeamsPolicy | undefined> {
    return findByName(await this.listPolicies(type), name, (p) => p.name);
  }

  async createPolicy(policy: TeamsPolicy): Promise<void> {
    await this.run(policyCmdlet("New", policy.type), {
      ...settingsIn(policy.settings),
      Identity: policy.name,
    });
  }

  async setPolicy(type: TeamsPolicyType, name: string, settings: Record<string, unknown>): Promise<void> {
    if (Object.keys(settings).length === 0) return;
    // A list setting is sent whole (a JSON array): the driver replaces the list, keeping the given order.
    await this.run(policyCmdlet("Set", type), { ...settingsIn(settings), Identity: name });
  }

  async removePolicy(type: TeamsPolicyType, name: string): Promise<void> {
    await this.run(policyCmdlet("Remove", type), { Identity: name });
  }

  /** Settings as the port models them: the New cmdlet's allow-listed parameters the object has a value for. */
  private policyFrom(type: TeamsPolicyType, o: PsObject): TeamsPolicy {
    const settings: Record<string, unknown> = {};
    for (const key of DRIVER_ALLOW_LIST[policyCmdlet("New", type)]) {
      if (key === "Identity") continue;
      const value = prop(o, key);
      if (value === null || value === undefined) continue;
      const list = LIST_PARAMETERS[key];
      settings[key] = list?.objectKeys
        ? listProp(o, key).map((item) => plainElement(item, list.objectKeys!))
        : value;
    }
    return { type, name: stripTag(stringProp(o, "Identity") ?? ""), settings };
  }

  // ------------------------------------------------------------------------------------------------------
  // PSTN usages and voice routes

  async getPstnUsages(): Promise<string[]> {
    const [global] = await this.run("Get-CsOnlinePstnUsage", { Identity: "Global" });
    return global ? listProp(global, "Usage").map(String) : [];
  }

  async updatePstnUsages(change: { add: string[]; remove: string[] }): Promise<void> {
    const usage: Record<string, string[]> = {};
    if (change.add.length > 0) usage.Add = change.add;
    if (change.remove.length > 0) usage.Remove = change.remove;
    if (Object.keys(usage).length === 0) return;
    await this.run("Set-CsOnlinePstnUsage", { Identity: "Global", Usage: usage });
  }

  async listVoiceRoutes(): Promise<VoiceRoute[]> {
    return (await this.run("Get-CsOnlineVoiceRoute")).map(voiceRouteFrom);
  }

  async getVoiceRoute(name: string): Promise<VoiceRoute | undefined> {
    return findByName(await this.listVoiceRoutes(), name, (r) => r.name);
  }

  async createVoiceRoute(route: VoiceRoute): Promise<void> {
    await this.run("New-CsOnlineVoiceRoute", { ...route.settings, Identity: route.name });
  }

  async setVoiceRoute(name: string, settings: Partial<VoiceRoute["settings"]>): Promise<void> {
    if (Object.keys(settings).length === 0) return;
    await this.run("Set-CsOnlineVoiceRoute", { ...settings, Identity: name });
  }

  async removeVoiceRoute(name: string): Promise<void> {
    await this.run("Remove-CsOnlineVoiceRoute", { Identity: name });
  }

  // ------------------------------------------------------------------------------------------------------
  // Emergency addresses and locations

  async listCivicAddresses(): Promise<CivicAddress[]> {
    return (await this.run("Get-CsOnlineLisCivicAddress")).map(civicAddressFrom);
  }

  async createCivicAddress(key: string, fields: CivicAddress["fields"]): Promise<CivicAddress> {
    assertAddressKey(key);
    const [created] = await this.run("New-CsOnlineLisCivicAddress", {
      ...fields,
      Description: describe(key, fields.Description),
    });
    if (created && stringProp(created, "CivicAddressId")) return civicAddressFrom(created);
    // Some module versions print nothing: find the address again by the key we wrote into its description.
    const found = (await this.listCivicAddresses()).find((a) => a.key === key);
    if (!found)
      throw new TeamsPowerShellError(
        "New-CsOnlineLisCivicAddress",
        "NotFound",
        `address [${key}] not found after creation`,
      );
    return found;
  }

  async setCivicAddress(civicAddressId: string, fields: Partial<CivicAddress["fields"]>): Promise<void> {
    if (Object.keys(fields).length === 0) return;
    const parameters: Record<string, unknown> = { ...fields, CivicAddressId: civicAddressId };
    if ("Description" in fields) {
      // The key lives in the description: keep it when the human part changes.
      const current = (await this.listCivicAddresses()).find((a) => a.civicAddressId === civicAddressId);
      parameters.Description = describe(current?.key ?? "", fields.Description);
    }
    await this.run("Set-CsOnlineLisCivicAddress", parameters);
  }

  async removeCivicAddress(civicAddressId: string): Promise<void> {
    await this.run("Remove-CsOnlineLisCivicAddress", { CivicAddressId: civicAddressId });
  }

  async listLocations(civicAddressId: string): Promise<LisLocation[]> {
    const objects = await this.run("Get-CsOnlineLisLocation", { CivicAddressId: civicAddressId });
    return objects.map((o) => locationFrom(o, civicAddressId));
  }

  async createLocation(civicAddressId: string, location: string, elin?: string): Promise<LisLocation> {
    const [created] = await this.run("New-CsOnlineLisLocation", {
      CivicAddressId: civicAddressId,
      Location: location,
      Elin: elin,
    });
    if (created && stringProp(created, "LocationId")) return locationFrom(created, civicAddressId);
    const found = (await this.listLocations(civicAddressId)).find((l) => l.location === location);
    if (!found)
      throw new TeamsPowerShellError(
        "New-CsOnlineLisLocation",
        "NotFound",
        `location '${location}' not found after creation`,
      );
    return found;
  }

  async setLocation(locationId: string, change: { location?: string; elin?: string }): Promise<void> {
    if (change.location === undefined && change.elin === undefined) return;
    await this.run("Set-CsOnlineLisLocation", {
      LocationId: locationId,
      Location: change.location,
      Elin: change.elin,
    });
  }

  async removeLocation(locationId: string): Promise<void> {
    await this.run("Remove-CsOnlineLisLocation", { LocationId: locationId });
  }

  // ------------------------------------------------------------------------------------------------------
  // Group and global grants

  async listGroupPolicyAssignments(filter: {
    groupId?: string;
    policyType?: TeamsPolicyType;
  }): Promise<GroupPolicyAssignment[]> {
    const objects = await this.run("Get-CsGroupPolicyAssignment", {
      GroupId: filter.groupId,
      PolicyType: filter.policyType,
    });
    return objects.flatMap((o) => {
      const policyType = TEAMS_POLICY_TYPES.find(
        (t) => t.toLowerCase() === stringProp(o, "PolicyType")?.toLowerCase(),
      );
      // Types the toolkit does not manage (meeting, messaging…) are someone else's.
      if (!policyType) return [];
      return [
        {
          groupId: stringProp(o, "GroupId") ?? "",
          policyType,
          policyName: stripTag(stringProp(o, "PolicyName") ?? ""),
          // The docs' table shows `Rank`; the output object has been seen as `Priority`: accept both.
          rank: Number(prop(o, "Rank") ?? prop(o, "Priority") ?? 0),
        },
      ];
    });
  }

  async grantGroupPolicy(a: GroupPolicyAssignment): Promise<void> {
    const [existing] = await this.listGroupPolicyAssignments({
      groupId: a.groupId,
      policyType: a.policyType,
    });
    if (existing) {
      if (existing.policyName.toLowerCase() === a.policyName.toLowerCase() && existing.rank === a.rank)
        return;
      // A group holds one assignment per type; New-CsGroupPolicyAssignment refuses a second one.
      await this.run("Remove-CsGroupPolicyAssignment", { GroupId: a.groupId, PolicyType: a.policyType });
    }
    await this.run("New-CsGroupPolicyAssignment", {
      GroupId: a.groupId,
      PolicyType: a.policyType,
      PolicyName: a.policyName,
      Rank: a.rank,
    });
  }

  async removeGroupPolicy(groupId: string, policyType: TeamsPolicyType): Promise<void> {
    const existing = await this.listGroupPolicyAssignments({ groupId, policyType });
    if (existing.length === 0) return;
    await this.run("Remove-CsGroupPolicyAssignment", { GroupId: groupId, PolicyType: policyType });
  }

  /** `Grant-Cs… -Global -PolicyName x`: copies x's settings into Global (see globalGrantProvider.ts). */
  async grantGlobalPolicy(policyType: TeamsPolicyType, policyName: string): Promise<void> {
    await this.run(policyCmdlet("Grant", policyType), { Global: true, PolicyName: policyName });
  }

  async close(): Promise<void> {
    await this.ps.close();
  }
}

// ---------------------------------------------------------------------------------------------------------

function findByName<T>(items: T[], name: string, nameOf: (t: T) => string): T | undefined {
  // Teams identities are case-insensitive; an exact match wins if two differ only by case.
  return (
    items.find((i) => nameOf(i) === name) ?? items.find((i) => nameOf(i).toLowerCase() === name.toLowerCase())
  );
}

function settingsIn(settings: Record<string, unknown>): Record<string, unknown> {
  if (Object.keys(settings).some((k) => k.toLowerCase() === "identity")) {
    throw new TeamsPowerShellError(
      "(settings)",
      "InvalidRequest",
      "a policy's name is its Identity; do not put Identity in settings",
    );
  }
  return settings;
}

function plainElement(item: unknown, keys: readonly string[]): unknown {
  if (typeof item !== "object" || item === null) return item;
  const out = pick(item as PsObject, keys);
  // Priority is the list position (the emulator and module number rules in order); the list order carries it.
  delete out.Priority;
  for (const [k, v] of Object.entries(out)) if (v === null) delete out[k];
  return out;
}

function voiceRouteFrom(o: PsObject): VoiceRoute {
  const settings: VoiceRoute["settings"] = {
    NumberPattern: stringProp(o, "NumberPattern") ?? "",
    OnlinePstnGatewayList: listProp(o, "OnlinePstnGatewayList").map(String),
    OnlinePstnUsages: listProp(o, "OnlinePstnUsages").map(String),
    Priority: Number(prop(o, "Priority") ?? 0),
  };
  const description = stringProp(o, "Description");
  if (description) settings.Description = description;
  return { name: stripTag(stringProp(o, "Identity") ?? ""), settings };
}

const KEYED_DESCRIPTION = /^\[([^\]]*)\] ?([\s\S]*)$/;

/** `[key] human text`: how an address remembers which tenant.yaml entry it is. */
function describe(key: string, description: string | undefined): string {
  return description ? `[${key}] ${description}` : `[${key}]`;
}

function assertAddressKey(key: string): void {
  if (key === "" || key.includes("]")) {
    throw new TeamsPowerShellError(
      "New-CsOnlineLisCivicAddress",
      "InvalidRequest",
      `address key '${key}' must be non-empty and contain no ']'`,
    );
  }
}

const REQUIRED_ADDRESS_FIELDS = [
  "CompanyName",
  "HouseNumber",
  "StreetName",
  "City",
  "PostalCode",
  "CountryOrRegion",
] as const;
const OPTIONAL_ADDRESS_FIELDS = ["StateOrProvince", "Latitude", "Longitude"] as const;

/** Addresses not created by the toolkit have no `[key]`: their key is "". */
function civicAddressFrom(o: PsObject): CivicAddress {
  const fields: Record<string, string> = {};
  for (const f of REQUIRED_ADDRESS_FIELDS) fields[f] = stringProp(o, f) ?? "";
  for (const f of OPTIONAL_ADDRESS_FIELDS) {
    const v = stringProp(o, f);
    if (v) fields[f] = v;
  }
  const match = KEYED_DESCRIPTION.exec(stringProp(o, "Description") ?? "");
  const description = match ? match[2] : stringProp(o, "Description");
  if (description) fields.Description = description;
  return {
    civicAddressId: stringProp(o, "CivicAddressId") ?? "",
    key: match ? match[1] : "",
    fields: fields as CivicAddress["fields"],
    defaultLocationId: stringProp(o, "DefaultLocationId") ?? "",
  };
}

function locationFrom(o: PsObject, civicAddressId: string): LisLocation {
  const out: LisLocation = {
    locationId: stringProp(o, "LocationId") ?? "",
    civicAddressId: stringProp(o, "CivicAddressId") ?? civicAddressId,
    location: stringProp(o, "Location") ?? "",
  };
  const elin = stringProp(o, "Elin");
  if (elin) out.elin = elin;
  return out;
}
