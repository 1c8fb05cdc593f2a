/**
 * The dynamic provider of `EmergencyAddress`: one civic address in the Teams LIS and the locations inside it.
 * - The address is found again by the `[id]` key in its Description (a re-run after lost state adopts it
 *   instead of creating a duplicate the dispatcher would see twice).
 * - Diff per address field and per location (by definition id); update sends only the changed fields.
 * - Outputs `locationIds` (definition location id → Teams LocationId), which NumberAssignments consumes.
 * - Delete refuses while ASSIGNED numbers still point at any of its locations, naming them (unassigned numbers
 *   are detached first: numbersAt.ts); a missing address is gone.
 * - An address field change Teams does not allow in place (any change outside the publicly editable countries,
 *   e.g. Spain: editable.ts) is a REPLACEMENT, create-before-delete: a new address with the same key and its
 *   locations is created, the numbers follow the new `locationIds` (NumberAssignments updates before the old
 *   address is deleted), and the old address goes last. Location changes stay in place.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CivicAddress } from "../admin/port";
import type { EmergencyAddressInputs } from "../../resourceTypes";
import { sameValue, settingsDelta } from "../provider/canonical";
import {
  configureFrom,
  teamsAdminFor,
  type TeamsProviderOptions,
  type TeamsStackSettings,
} from "../provider/context";
import { isInUse, isNotFound, serviceReason, StillAssignedError } from "../provider/errors";
import type { CheckFailure } from "../provider/settingsProvider";
import { whyNotEditable } from "./editable";
import { addressFields, inputsFromAddress } from "./fields";
import { reconcileLocations } from "./locations";
import { releaseLocations } from "./numbersAt";

export interface EmergencyAddressOutputs extends EmergencyAddressInputs {
  civicAddressId: string;
  /** Definition location id → Teams LocationId. */
  locationIds: Record<string, string>;
}

export type EmergencyAddressProvider = pulumi.dynamic.ResourceProvider<
  EmergencyAddressInputs,
  EmergencyAddressOutputs
>;

const MOVE_FIRST =
  "Move those numbers to another emergency location (or unassign them) in the departments' numbers files";

const label = (id: string) => `emergency address '${id}'`;

/** What the diff compares: the owned fields, and each location by id (order in the file does not matter). */
function comparable(i: EmergencyAddressInputs): unknown {
  const locations = [...(i.locations ?? [])]
    .map((l) => ({ id: l.id, name: l.name, elin: l.elin }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { fields: addressFields(i), locations };
}

/** `CompanyName` → `companyName`: the input properties a replacement names. */
function fieldInputs(fields: string[]): string[] {
  return fields.map((f) => f.charAt(0).toLowerCase() + f.slice(1));
}

export function checkEmergencyAddress(i: EmergencyAddressInputs): CheckFailure[] {
  const failures: CheckFailure[] = [];
  if (typeof i.key !== "string" || i.key === "" || i.key.includes("]"))
    failures.push({ property: "key", reason: "must be the definition's address id (no ']')" });
  const ids = (i.locations ?? []).map((l) => l.id);
  if (ids.length === 0)
    failures.push({ property: "locations", reason: "an address needs at least one location" });
  if (new Set(ids).size !== ids.length)
    failures.push({ property: "locations", reason: "location ids must be unique" });
  const names = (i.locations ?? []).map((l) => l.name);
  if (new Set(names).size !== names.length)
    failures.push({ property: "locations", reason: "location names must be unique within the address" });
  return failures;
}

export function createEmergencyAddressProvider(options: TeamsProviderOptions = {}): EmergencyAddressProvider {
  const stack: TeamsStackSettings = {};
  const admin = () => teamsAdminFor(options, stack);

  /**
   * The address this resource manages: by its recorded id when it has one (never by key then — during a
   * replacement the old and the new address share the key), else adopted by key if it can be brought to the
   * desired fields in place.
   */
  async function find(
    civicAddressId: string | undefined,
    key: string,
    desired?: CivicAddress["fields"],
  ): Promise<CivicAddress | undefined> {
    const all = await admin().powershell.listCivicAddresses();
    if (civicAddressId) return all.find((a) => a.civicAddressId === civicAddressId);
    return all.find(
      (a) =>
        a.key === key &&
        (!desired ||
          !whyNotEditable(
            a.fields.CountryOrRegion,
            settingsDelta(desired, a.fields as unknown as Record<string, unknown>),
          )),
    );
  }

  async function converge(
    inputs: EmergencyAddressInputs,
    olds?: EmergencyAddressOutputs,
  ): Promise<EmergencyAddressOutputs> {
    const a = admin();
    const fields = addressFields(inputs);
    let address = await find(olds?.civicAddressId, inputs.key, fields);
    if (!address) address = await a.powershell.createCivicAddress(inputs.key, fields);
    else {
      const delta = settingsDelta(fields, address.fields as unknown as Record<string, unknown>);
      const refused = whyNotEditable(address.fields.CountryOrRegion, delta);
      if (refused) {
        // diff plans a replacement for these; reaching here means the live address drifted out of band.
        throw new Error(
          `${label(inputs.key)}: ${Object.keys(delta).join(", ")} changed in Teams and ${refused}. ` +
            "Run `pulumi refresh`, then `pulumi up` replaces the address (its numbers move to the new one).",
        );
      }
      if (Object.keys(delta).length > 0) await a.powershell.setCivicAddress(address.civicAddressId, delta);
    }
    const locationIds = await reconcileLocations(
      a,
      {
        civicAddressId: address.civicAddressId,
        defaultLocationId: address.defaultLocationId,
        label: label(inputs.key),
      },
      inputs.locations,
      olds?.locationIds ?? {},
    );
    return { ...inputs, civicAddressId: address.civicAddressId, locationIds };
  }

  return {
    configure: configureFrom(stack),

    async check(_olds, news) {
      return { inputs: news, failures: checkEmergencyAddress(news) };
    },

    async diff(_id, olds, news) {
      // The id is the address's identity (it is written into Teams); a new id is a new address.
      if (olds.key !== news.key) return { changes: true, replaces: ["key"], deleteBeforeReplace: false };
      const delta = settingsDelta(
        addressFields(news),
        addressFields(olds) as unknown as Record<string, unknown>,
      );
      if (whyNotEditable(olds.countryOrRegion, delta)) {
        // Not editable in place: a new address, the numbers moved to it, then the old one removed.
        return { changes: true, replaces: fieldInputs(Object.keys(delta)), deleteBeforeReplace: false };
      }
      return {
        changes: !sameValue(comparable(olds), comparable(news)),
        replaces: [],
        deleteBeforeReplace: false,
      };
    },

    async create(inputs) {
      const outs = await converge(inputs);
      return { id: outs.civicAddressId, outs };
    },

    async read(id, props) {
      if (!props) throw new Error(`${label(id)}: read needs the resource's state (no import)`);
      const address = await find(props.civicAddressId ?? id, props.key);
      if (!address) return {};
      const live = await admin().powershell.listLocations(address.civicAddressId);
      const locationIds: Record<string, string> = {};
      const locations: EmergencyAddressInputs["locations"] = [];
      for (const l of props.locations ?? []) {
        const found = live.find((x) => x.locationId === props.locationIds?.[l.id]);
        // A location deleted in Teams drops out, so the next diff recreates it.
        if (!found) continue;
        locationIds[l.id] = found.locationId;
        locations.push({
          id: l.id,
          name: found.location,
          ...(l.elin !== undefined ? { elin: found.elin ?? "" } : {}),
        });
      }
      return {
        id: address.civicAddressId,
        props: {
          ...props,
          ...inputsFromAddress(props, address.fields),
          locations,
          civicAddressId: address.civicAddressId,
          locationIds,
        },
      };
    },

    async update(_id, olds, news) {
      return { outs: await converge(news, olds) };
    },

    async delete(id, props) {
      const a = admin();
      const address = await find(props.civicAddressId ?? id, props.key);
      if (!address) return;
      const locations = (await a.powershell.listLocations(address.civicAddressId)).map((l) => l.locationId);
      const used = await releaseLocations(a, locations);
      if (used.length > 0) throw new StillAssignedError(label(props.key), used, MOVE_FIRST);
      try {
        // Removing the address removes its locations with it.
        await a.powershell.removeCivicAddress(address.civicAddressId);
      } catch (error) {
        if (isNotFound(error)) return;
        if (isInUse(error))
          throw new StillAssignedError(label(props.key), [serviceReason(error)], MOVE_FIRST);
        throw error;
      }
    },
  };
}
