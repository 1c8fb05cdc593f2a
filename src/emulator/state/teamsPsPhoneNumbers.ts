import { normalizeNumber, teamsArea, type TeamsNumberType } from "./teams";
import { isPsError, psError } from "./teamsCmdletBinding";
import { findNumber, materialise } from "./teamsInventory";
import { teamsPhoneAreaOf } from "./teamsPhone";
import type { CmdletHandler, PsContext } from "./teamsPsPolicies";

/**
 * Set-CsPhoneNumberAssignment for a resource account ("Assigns a phone number to a user or a resource account",
 * Set-CsPhoneNumberAssignment.md @ the contract's commit): the number comes from the same inventory as users'
 * numbers and is then held by the account (assignmentStatus `voiceApplicationAssigned`, as Graph's
 * numberAssignment enum names it). Users' numbers go through Graph in the emulator, so a user identity is
 * refused as not emulated.
 */

/** -NumberType values (the page: "DirectRouting, CallingPlan, and OperatorConnect") → the inventory's type. */
const NUMBER_TYPES: Readonly<Record<string, TeamsNumberType>> = {
  directrouting: "directRouting",
  callingplan: "callingPlan",
  operatorconnect: "operatorConnect",
};

function resourceAccount(ctx: PsContext, identity: string, cmdlet: string) {
  const account = teamsPhoneAreaOf(ctx.state.doc).applicationInstances.find(
    (a) =>
      a.objectId.toLowerCase() === identity.toLowerCase() ||
      a.userPrincipalName.toLowerCase() === identity.toLowerCase(),
  );
  return (
    account ??
    psError(
      "NotImplemented",
      `The emulator changes users' numbers through Graph; -Identity '${identity}' is not a resource account (${cmdlet} is emulated for resource accounts only).`,
    )
  );
}

export const PHONE_NUMBER_HANDLERS: Record<string, CmdletHandler> = {
  "Set-CsPhoneNumberAssignment": (ctx, p) => {
    const account = resourceAccount(ctx, String(p.Identity ?? ""), "Set-CsPhoneNumberAssignment");
    if (isPsError(account)) return account;
    const type = NUMBER_TYPES[String(p.NumberType ?? "").toLowerCase()];
    if (!type) {
      return psError(
        "InvalidArgument",
        `NumberType '${String(p.NumberType)}' is not supported; use DirectRouting, CallingPlan or OperatorConnect.`,
      );
    }
    // "The phone number can't have "tel:" prefixed" (-TelephoneNumber).
    const n = normalizeNumber(String(p.TelephoneNumber ?? ""));
    if (!n) return psError("InvalidArgument", `'${String(p.TelephoneNumber)}' is not a telephone number.`);
    const area = teamsArea(ctx.state);
    const entry = findNumber(area, n);
    if (!entry)
      return psError("ObjectNotFound", `Telephone Number '${n}' is not found from tenant '${ctx.tenantId}'`);
    if (entry.range.numberType !== type) {
      return psError(
        "InvalidArgument",
        `Telephone Number '${n}' is a '${entry.range.numberType}' number, not '${type}'.`,
      );
    }
    const holder = entry.record.assignmentTargetId?.toLowerCase();
    if (entry.record.assignmentStatus !== "unassigned" && holder !== account.objectId) {
      return psError(
        "ResourceExists",
        `Telephone Number '${n}' has already been assigned to another user or resource account`,
      );
    }
    if (account.phoneNumber && account.phoneNumber !== n) {
      return psError(
        "ResourceExists",
        `Resource account '${account.userPrincipalName}' already has the number '${account.phoneNumber}'; unassign it first`,
      );
    }
    const record = materialise(area, n);
    record.assignmentStatus = "voiceApplicationAssigned";
    record.assignmentTargetId = account.objectId;
    record.assignmentCategory = "primary";
    account.phoneNumber = n;
    return null;
  },
  /** -RemoveAll or the account's own number; the number goes back to the inventory unassigned. */
  "Remove-CsPhoneNumberAssignment": (ctx, p) => {
    const account = resourceAccount(ctx, String(p.Identity ?? ""), "Remove-CsPhoneNumberAssignment");
    if (isPsError(account)) return account;
    const n = p.RemoveAll === true ? account.phoneNumber : normalizeNumber(String(p.TelephoneNumber ?? ""));
    if (!n || n !== account.phoneNumber) {
      return psError(
        "ObjectNotFound",
        `Resource account '${account.userPrincipalName}' does not hold the number '${String(n ?? p.TelephoneNumber)}'.`,
      );
    }
    const record = materialise(teamsArea(ctx.state), n);
    record.assignmentStatus = "unassigned";
    record.assignmentTargetId = null;
    record.assignmentCategory = null;
    account.phoneNumber = null;
    return null;
  },
};
