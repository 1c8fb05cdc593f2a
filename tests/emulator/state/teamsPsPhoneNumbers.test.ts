import { validateDefinition } from "../../../src/config/validate";
import { ManualClock } from "../../../src/emulator";
import { createTenantState } from "../../../src/emulator/state";
import { seedFromDefinition } from "../../../src/emulator/state/seed";
import { teamsArea } from "../../../src/emulator/state/teams";
import { inProcessNumbersBackend } from "../../../src/emulator/state/appliedBackends";
import { runCmdlet } from "../../../src/emulator/state/teamsPowerShell";
import { AUTO_ATTENDANT_APP_ID } from "../../../src/emulator/state/teamsPsPhone";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";

/**
 * Numbers for resource accounts (Set-/Remove-CsPhoneNumberAssignment.md at 93336da2: "Assigns a phone number to a
 * user or a resource account"): from the same inventory as users' numbers (the fixture's Direct Routing range
 * +34915550000–9999), held as `voiceApplicationAssigned`; users' numbers stay on Graph in the emulator.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- driver results are arbitrary JSON */
function bed() {
  const result = validateDefinition(MINIMAL_FIXTURE);
  if (!result.definition) throw new Error(JSON.stringify(result.diagnostics));
  const state = createTenantState(seedFromDefinition(result.definition).doc, new ManualClock());
  let seq = 0;
  const ps = (cmdlet: string, parameters: Record<string, unknown>): any =>
    runCmdlet(state, { id: ++seq, cmdlet, parameters }, 0);
  const ok = (cmdlet: string, parameters: Record<string, unknown>): any => {
    const out = ps(cmdlet, parameters);
    if (!out.ok) throw new Error(`${cmdlet}: ${out.error.message}`);
    return out.result;
  };
  const ra = ok("New-CsOnlineApplicationInstance", {
    UserPrincipalName: "ra-010@villa.example",
    ApplicationId: AUTO_ATTENDANT_APP_ID,
  });
  return { state, ps, ok, ra };
}

const assign = (Identity: string, TelephoneNumber: string, NumberType = "DirectRouting") => ({
  Identity,
  TelephoneNumber,
  NumberType,
});

describe("Set-CsPhoneNumberAssignment with a resource account", () => {
  it("assigns an inventory number (without -NetworkSiteId) and shows it on the account and in the inventory", () => {
    const { ok, state, ra } = bed();
    expect(ok("Set-CsPhoneNumberAssignment", assign("ra-010@villa.example", "34915550010"))).toBeNull();
    expect(ok("Get-CsOnlineApplicationInstance", { Identity: ra.ObjectId })[0].PhoneNumber).toBe(
      "+34915550010",
    );
    expect(teamsArea(state).numbers["+34915550010"]).toMatchObject({
      assignmentStatus: "voiceApplicationAssigned",
      assignmentTargetId: ra.ObjectId,
    });
    // The same call again changes nothing and succeeds.
    expect(ok("Set-CsPhoneNumberAssignment", assign(ra.ObjectId, "+34915550010"))).toBeNull();
  });

  it.each([
    [
      "a number outside the inventory",
      assign("ra-010@villa.example", "+34915560000"),
      "NotFound",
      "is not found",
    ],
    [
      "the wrong number type",
      assign("ra-010@villa.example", "+34915550010", "CallingPlan"),
      "BadRequest",
      "is a 'directRouting' number",
    ],
    [
      "a number type off the page's list",
      assign("ra-010@villa.example", "+34915550010", "Mobile"),
      "BadRequest",
      "not supported",
    ],
    [
      "a user (numbers of users go through Graph here)",
      assign("ana@villa.example", "+34915550010"),
      "EmulatorNotImplemented",
      "not a resource account",
    ],
  ])("refuses %s", (_why, params, code, text) => {
    const out = bed().ps("Set-CsPhoneNumberAssignment", params);
    expect(out.ok).toBe(false);
    expect(out.error.errorId!.split(",")[0]).toBe(code);
    expect(out.error.message).toContain(text);
  });

  it("refuses a number someone else holds and a second number for the account", () => {
    const { ok, ps } = bed();
    const other = ok("New-CsOnlineApplicationInstance", {
      UserPrincipalName: "ra-2@villa.example",
      ApplicationId: AUTO_ATTENDANT_APP_ID,
    });
    ok("Set-CsPhoneNumberAssignment", assign("ra-010@villa.example", "+34915550010"));
    expect(ps("Set-CsPhoneNumberAssignment", assign(other.ObjectId, "+34915550010")).error.message).toContain(
      "already been assigned",
    );
    expect(
      ps("Set-CsPhoneNumberAssignment", assign("ra-010@villa.example", "+34915550011")).error.message,
    ).toContain("already has the number");
  });

  it("a number a resource account holds is refused to a user on the Graph path", async () => {
    const { ok, state, ra } = bed();
    ok("Set-CsPhoneNumberAssignment", assign(ra.ObjectId, "+34915550010"));
    const ana = state.findUser("ana@villa.example")!;
    const [result] = await inProcessNumbersBackend(state, 0).assignNumbers([
      {
        telephoneNumber: "+34915550010",
        numberType: "directRouting",
        assignmentTargetId: ana.id,
        assignmentCategory: "primary",
        locationId: null,
      },
    ]);
    expect(result).toMatchObject({
      succeeded: false,
      reason: expect.stringContaining("assigned to a resource account"),
    });
  });

  it("Remove-CsPhoneNumberAssignment gives the number back to the inventory", () => {
    const { ok, ps, state, ra } = bed();
    ok("Set-CsPhoneNumberAssignment", assign(ra.ObjectId, "+34915550010"));
    expect(ps("Remove-CsPhoneNumberAssignment", assign(ra.ObjectId, "+34915550011")).error.message).toContain(
      "does not hold",
    );
    expect(ok("Remove-CsPhoneNumberAssignment", { Identity: ra.ObjectId, RemoveAll: true })).toBeNull();
    expect(teamsArea(state).numbers["+34915550010"].assignmentStatus).toBe("unassigned");
    expect(ok("Get-CsOnlineApplicationInstance", { Identity: ra.ObjectId })[0].PhoneNumber).toBeNull();
  });
});
