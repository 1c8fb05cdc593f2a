import { commandNotFound, driverError, moduleFamily } from "../../../src/emulator/state/teamsPsErrors";
import { psError } from "../../../src/emulator/state/teamsCmdletBinding";

/**
 * The error shapes a real MicrosoftTeams session reports, by the code that raises them:
 * ConfigAPI cmdlets — `ClientError,Microsoft.Teams.ConfigApi.Cmdlets.GrantCsTenantDialPlan`
 * (MicrosoftDocs/office-docs-powershell#9229); LIS cmdlets — `Unspecified,Microsoft.Rtc.Management.Hosted.Lis.…Cmdlet`
 * with BvdCmdletException (#7739); an unknown command — CommandNotFoundException (#7766); binding — PowerShell's
 * ParameterBindingException (PowerShell/PowerShell ParameterBinderStrings.resx). Service codes are *assumed*.
 */
describe("moduleFamily", () => {
  it.each([
    ["New-CsOnlineLisCivicAddress", "lis"],
    ["get-csonlinelislocation", "lis"],
    ["Set-CsTeamsCallingPolicy", "configApi"],
    ["Grant-CsTenantDialPlan", "configApi"],
  ])("%s is a %s cmdlet", (cmdlet, family) => {
    expect(moduleFamily(cmdlet)).toBe(family);
  });
});

describe("driverError", () => {
  it("reports a binding failure as PowerShell's ParameterBindingException with its error id", () => {
    const e = {
      ...psError("ParameterBinding", "A parameter cannot be found…"),
      bindingId: "NamedParameterNotFound",
    };
    expect(driverError(e, "Set-CsTeamsCallingPolicy")).toEqual({
      type: "InvalidArgument",
      message: "A parameter cannot be found…",
      cmdlet: "Set-CsTeamsCallingPolicy",
      category: "InvalidArgument",
      errorId: "NamedParameterNotFound,Set-CsTeamsCallingPolicy",
      exception: "System.Management.Automation.ParameterBindingException",
    });
  });

  it.each([
    ["ObjectNotFound", "NotFound"],
    ["ResourceExists", "Conflict"],
    ["InvalidArgument", "BadRequest"],
    ["LimitsExceeded", "BadRequest"],
  ] as const)("reports a ConfigAPI %s as InvalidOperation with code %s", (kind, code) => {
    expect(driverError(psError(kind, "m"), "Grant-CsTenantDialPlan")).toMatchObject({
      type: "InvalidOperation",
      category: "InvalidOperation",
      errorId: `${code},Microsoft.Teams.ConfigApi.Cmdlets.GrantCsTenantDialPlan`,
      exception: "System.Exception",
    });
  });

  it("reports a LIS failure as BvdCmdletException with category NotSpecified", () => {
    expect(driverError(psError("ObjectNotFound", "m"), "Set-CsOnlineLisLocation")).toMatchObject({
      type: "BvdCmdletException",
      category: "NotSpecified",
      errorId: "Unspecified,Microsoft.Rtc.Management.Hosted.Lis.SetCsOnlineLisLocationCmdlet",
      exception: "BvdCmdletException",
    });
  });

  it("labels the emulator's own refusal as the emulator's, never as a module error", () => {
    expect(driverError(psError("NotImplemented", "m"), "Set-CsOnlineLisLocation")).toMatchObject({
      type: "NotImplemented",
      errorId: "EmulatorNotImplemented,Set-CsOnlineLisLocation",
    });
  });
});

describe("commandNotFound", () => {
  it("words an unknown command as PowerShell 7 does", () => {
    expect(commandNotFound("Get-CsNothing")).toEqual({
      type: "ObjectNotFound",
      message:
        "The term 'Get-CsNothing' is not recognized as a name of a cmdlet, function, script file, or executable program.",
      cmdlet: "Get-CsNothing",
      category: "ObjectNotFound",
      errorId: "CommandNotFoundException",
      exception: "System.Management.Automation.CommandNotFoundException",
    });
  });
});
