import type { DriverError } from "../../teams/admin/protocol";
import type { PsError, PsErrorKind } from "./teamsCmdletBinding";

/**
 * The error a real driver would report for a failure, by the family of module code that raises it:
 *
 * - parameter binding (PowerShell itself): category InvalidArgument, exception ParameterBindingException,
 *   FullyQualifiedErrorId `<ErrorId>,<command>` (PowerShell/PowerShell ParameterBinderStrings.resx names the ids).
 *   The second part is the implementing type; MicrosoftTeams' types are not documented, so the cmdlet name stands in.
 * - ConfigAPI cmdlets (policies, grants, voice routes, PSTN usages, dial plans, group assignments): category
 *   InvalidOperation, exception System.Exception, id `<service code>,Microsoft.Teams.ConfigApi.Cmdlets.<VerbNoun>`
 *   (quoted in MicrosoftDocs/office-docs-powershell#9229: `ClientError,Microsoft.Teams.ConfigApi.Cmdlets.GrantCsTenantDialPlan`).
 * - LIS cmdlets (civic addresses, locations): category NotSpecified, exception BvdCmdletException, id
 *   `Unspecified,Microsoft.Rtc.Management.Hosted.Lis.<VerbNoun>Cmdlet` (office-docs-powershell#7739).
 * - an unknown command: category ObjectNotFound, id CommandNotFoundException (office-docs-powershell#7766).
 *
 * `type` is what the driver derives: its own kind, else the category unless NotSpecified, else the exception type.
 */

/** The service code a ConfigAPI error carries for each outcome (assumed: the module's codes are not documented). */
const CONFIG_API_CODE: Record<PsErrorKind, string> = {
  ObjectNotFound: "NotFound",
  ResourceExists: "Conflict",
  ResourceBusy: "BadRequest",
  InvalidArgument: "BadRequest",
  InvalidOperation: "BadRequest",
  LimitsExceeded: "BadRequest",
  ParameterBinding: "ParameterBinding",
  NotImplemented: "NotImplemented",
};

export type ModuleFamily = "configApi" | "lis";

export function moduleFamily(cmdlet: string): ModuleFamily {
  return /-CsOnlineLis/i.test(cmdlet) ? "lis" : "configApi";
}

const verbNoun = (cmdlet: string) => cmdlet.replace("-", "");

export function driverError(e: PsError, cmdlet: string): DriverError {
  if (e.kind === "ParameterBinding") {
    return {
      type: "InvalidArgument",
      message: e.message,
      cmdlet,
      category: "InvalidArgument",
      errorId: `${e.bindingId ?? "ParameterBindingFailed"},${cmdlet}`,
      exception: "System.Management.Automation.ParameterBindingException",
    };
  }
  if (e.kind === "NotImplemented") {
    // The emulator's own refusal: no real module says this, so it is labelled as the emulator's.
    return {
      type: "NotImplemented",
      message: e.message,
      cmdlet,
      category: "NotImplemented",
      errorId: `EmulatorNotImplemented,${cmdlet}`,
    };
  }
  if (moduleFamily(cmdlet) === "lis") {
    return {
      type: "BvdCmdletException",
      message: e.message,
      cmdlet,
      category: "NotSpecified",
      errorId: `Unspecified,Microsoft.Rtc.Management.Hosted.Lis.${verbNoun(cmdlet)}Cmdlet`,
      exception: "BvdCmdletException",
    };
  }
  return {
    type: "InvalidOperation",
    message: e.message,
    cmdlet,
    category: "InvalidOperation",
    errorId: `${CONFIG_API_CODE[e.kind]},Microsoft.Teams.ConfigApi.Cmdlets.${verbNoun(cmdlet)}`,
    exception: "System.Exception",
  };
}

/** `The term 'X' is not recognized…` as PowerShell 7 words it for a command that does not exist. */
export function commandNotFound(cmdlet: string): DriverError {
  return {
    type: "ObjectNotFound",
    message: `The term '${cmdlet}' is not recognized as a name of a cmdlet, function, script file, or executable program.`,
    cmdlet,
    category: "ObjectNotFound",
    errorId: "CommandNotFoundException",
    exception: "System.Management.Automation.CommandNotFoundException",
  };
}
