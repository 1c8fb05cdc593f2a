/**
 * What an administrator did by hand for the base to have applied, done on the forecast's emulator. The
 * toolkit does not hold User.ReadWrite.All, so a resource account's usage location is set by an admin when
 * the first `up` asks for it (src/teams/phoneServices/backend.ts `ensureUsageLocation`); a base that is on
 * main has been through that. Without this step every forecast would count the base's unfinished numbers.
 */
import type { EmulatorHandle } from "../emulator";
import type { Props } from "./resources";

/** Sets the usage location of each resource account the phone services name; returns how many changed. */
export function setResourceAccountUsageLocations(emu: EmulatorHandle, phoneServices: Props): number {
  const accounts = (phoneServices.resourceAccounts ?? []) as {
    userPrincipalName: string;
    usageLocation?: string;
  }[];
  let changed = 0;
  for (const account of accounts) {
    const user = emu.state.findUser(account.userPrincipalName);
    if (!user || !account.usageLocation || user.usageLocation === account.usageLocation) continue;
    user.usageLocation = account.usageLocation;
    changed += 1;
  }
  return changed;
}
