import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Rule, RuleContext } from "./context";

const msg = {
  invalid: (number: string) =>
    `${number} is not a valid phone number of any country (libphonenumber: wrong length or unallocated prefix) — write the security desk's number in E.164, such as +34915550100`,
  neverDialled: (number: string, mode: string | undefined) =>
    `${number} would never be dialled: Teams dials it only when notificationMode is ConferenceMuted or ConferenceUnMuted (here ${mode ?? "unset"}) — set one of those modes, or remove the number`,
};

/**
 * New-CsTeamsEmergencyCallingPolicy -NotificationDialOutNumber: "the PSTN number which can be dialed out if
 * NotificationMode is set to either of the two Conference values" (MicrosoftDocs/office-docs-powershell
 * teams/teams-ps/MicrosoftTeams/New-CsTeamsEmergencyCallingPolicy.md @93336da).
 */
const CONFERENCE_MODES: readonly string[] = ["ConferenceMuted", "ConferenceUnMuted"];

export const emergencyDialOutRule: Rule = {
  info: {
    id: "emergency-dial-out",
    summary:
      "The number an emergency calling policy conferences in on every emergency call is a real number (any country), and the policy's mode makes Teams dial it.",
    errors: [
      {
        when: "`notificationDialOutNumber` is not a valid number of any country",
        example: msg.invalid("+3491555"),
      },
      {
        when: "`notificationDialOutNumber` is set but `notificationMode` is not a conference mode, so Teams never dials it",
        example: msg.neverDialled("+34915530201", "NotificationOnly"),
      },
    ],
  },
  check: checkEmergencyDialOut,
};

function checkEmergencyDialOut(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  tenant.value.teamsVoice.emergencyCallingPolicies.forEach((policy, p) => {
    const number = policy.notificationDialOutNumber;
    if (number === undefined) return;
    const path = ["teamsVoice", "emergencyCallingPolicies", p, "notificationDialOutNumber"];
    if (!parsePhoneNumberFromString(number)?.isValid()) ctx.at(tenant, path, msg.invalid(number));
    const mode = policy.notificationMode;
    if (mode === undefined || !CONFERENCE_MODES.includes(mode))
      ctx.at(tenant, path, msg.neverDialled(number, mode));
  });
}
