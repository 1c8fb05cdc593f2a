import { GraphRequestError } from "../src/graph/errors";
import { isNotFound, powerShellErrorCode, powerShellFailure } from "../src/notFound";
import { TeamsPowerShellError } from "../src/teams/powershell/errors";

const graphError = (status: number) =>
  new GraphRequestError({ kind: "http", method: "DELETE", path: "/groups/1", status, detail: "x" });

describe("isNotFound: one test of 'already gone', whichever way the tenant said it", () => {
  it("Graph: a 404 is not found, other statuses are not", () => {
    expect(isNotFound(graphError(404))).toBe(true);
    expect(isNotFound(graphError(403))).toBe(false);
    expect(isNotFound(graphError(429))).toBe(false);
    // The getter on the error gives the same answer.
    expect(graphError(404).isNotFound).toBe(true);
    expect(graphError(400).isNotFound).toBe(false);
  });

  it("Graph: a copy of the error class from a serialized provider (only `status`) counts too", () => {
    expect(isNotFound({ name: "GraphRequestError", status: 404 })).toBe(true);
    expect(isNotFound({ status: "404" })).toBe(false);
  });

  it.each([
    ["its type", new TeamsPowerShellError("Get-CsTeamsCallingPolicy", "ObjectNotFound", "gone")],
    [
      "the code of its FullyQualifiedErrorId",
      new TeamsPowerShellError(
        "Remove-CsOnlineLisLocation",
        "Unspecified",
        "The request failed",
        "NotFound,Microsoft.Teams.ConfigApi.Cmdlets.RemoveCsOnlineLisLocation",
        "InvalidOperation",
      ),
    ],
    [
      "its category",
      new TeamsPowerShellError("Get-CsOnlineLisAddress", "Unspecified", "no", undefined, "ObjectNotFound"),
    ],
    [
      "its message",
      new TeamsPowerShellError(
        "Remove-CsTeamsCallingPolicy",
        "InvalidOperation",
        "Policy 'x' could not be found",
      ),
    ],
  ])("PowerShell: a cmdlet that failed for a missing object, said by %s", (_how, error) => {
    expect(isNotFound(error)).toBe(true);
    // A plain copy (another module instance) is recognised by its name and fields.
    expect(isNotFound({ ...error, name: "TeamsPowerShellError" })).toBe(true);
  });

  it("PowerShell: other failures, and errors that only look alike, are not", () => {
    expect(
      isNotFound(new TeamsPowerShellError("Remove-CsTeamsCallingPolicy", "InvalidOperation", "in use")),
    ).toBe(false);
    expect(isNotFound(new Error("policy not found"))).toBe(false);
    expect(isNotFound({ name: "Other", type: "ObjectNotFound", detail: "" })).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
    expect(isNotFound(null)).toBe(false);
    expect(isNotFound("404")).toBe(false);
  });

  it("reads the PowerShell failure and its code without the class", () => {
    const e = new TeamsPowerShellError("Get-X", "T", "d", "ResourceBusy,Microsoft.Teams.X");
    expect(powerShellFailure(e)).toBe(e);
    expect(powerShellErrorCode(powerShellFailure(e)!)).toBe("ResourceBusy");
    expect(powerShellFailure(new Error("x"))).toBeUndefined();
  });
});
