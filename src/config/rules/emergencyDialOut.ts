import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Rule, RuleContext } from "./context";

const msg = {
  invalid: (number: string) =>
    `${number} is not a valid phone number of any country (libphonenumber: wrong length or unallocated prefix) — write the security desk's number in E.164, such as +34915550100`,
};

export const emergencyDialOutRule: Rule = {
  info: {
    id: "emergency-dial-out",
    summary:
      "The number an emergency calling policy conferences in on every emergency call is a real number (any country), not only '+' and digits.",
    errors: [
      {
        when: "`notificationDialOutNumber` is not a valid number of any country",
        example: msg.invalid("+3491555"),
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
    if (number === undefined || parsePhoneNumberFromString(number)?.isValid()) return;
    ctx.at(
      tenant,
      ["teamsVoice", "emergencyCallingPolicies", p, "notificationDialOutNumber"],
      msg.invalid(number),
    );
  });
}
