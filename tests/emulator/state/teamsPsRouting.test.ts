import { emptyTeamsArea } from "../../../src/emulator/state/teams";
import { isPsError, type ListChange } from "../../../src/emulator/state/teamsCmdletBinding";
import type { PsContext } from "../../../src/emulator/state/teamsPsPolicies";
import { ROUTING_HANDLERS } from "../../../src/emulator/state/teamsPsRouting";

/**
 * PSTN usages and online voice routes (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
 * Set-CsOnlinePstnUsage.md, New-CsOnlineVoiceRoute.md at 93336da2bca96c31c0fc8acc52658a30ef8a6c94): one global usage
 * list (`-Identity global`), changed with `@{Add=…;Remove=…}`; a route names usages from that list. A usage still in
 * use cannot be removed (*assumed*: the service's exact refusal is not documented). Parameters arrive bound.
 */
type Obj = Record<string, unknown>;
const change = (c: Partial<ListChange>): ListChange => ({ add: [], remove: [], ...c });

function routing() {
  const area = emptyTeamsArea();
  const ctx = { area, tenantId: "t", now: 0 } as PsContext;
  const run = (cmdlet: string, params: Obj = {}) => ROUTING_HANDLERS[cmdlet](ctx, params);
  const ok = (cmdlet: string, params: Obj = {}) => {
    const result = run(cmdlet, params);
    if (isPsError(result)) throw new Error(`${cmdlet}: ${result.message}`);
    return result as Obj & Obj[];
  };
  const usages = (c: Partial<ListChange>) =>
    run("Set-CsOnlinePstnUsage", { Identity: "Global", Usage: change(c) });
  return { area, run, ok, usages };
}

describe("PSTN usages", () => {
  it("adds and removes usages on the one global list, case-insensitively", () => {
    const { ok, usages } = routing();
    expect(usages({ add: ["Local", "Long"] })).toBeNull();
    expect(usages({ add: ["local"], remove: ["LONG"] })).toBeNull();
    expect(ok("Get-CsOnlinePstnUsage")).toEqual([{ Identity: "Global", Usage: ["Local"] }]);
  });

  it.each([
    [
      "Set",
      "Set-CsOnlinePstnUsage",
      { Identity: "Site:Madrid", Usage: change({ add: ["X"] }) },
      "InvalidArgument",
    ],
    ["Get", "Get-CsOnlinePstnUsage", { Identity: "Site:Madrid" }, "ObjectNotFound"],
  ])("%s refuses an identity other than global", (_verb, cmdlet, params, kind) => {
    expect(routing().run(cmdlet, params)).toMatchObject({ kind });
  });

  it.each([
    [
      "a voice route",
      (r: ReturnType<typeof routing>) =>
        r.ok("New-CsOnlineVoiceRoute", { Identity: "R", OnlinePstnUsages: change({ replace: ["Local"] }) }),
      "voice route 'R'",
    ],
    [
      "a voice routing policy",
      (r: ReturnType<typeof routing>) =>
        r.area.policies.push({
          type: "OnlineVoiceRoutingPolicy",
          name: "P",
          policyId: "p",
          settings: { OnlinePstnUsages: ["local"] },
        }),
      "OnlineVoiceRoutingPolicy 'P'",
    ],
    [
      "an emergency call routing policy",
      (r: ReturnType<typeof routing>) =>
        r.area.policies.push({
          type: "TeamsEmergencyCallRoutingPolicy",
          name: "E",
          policyId: "e",
          settings: { EmergencyNumbers: [{ EmergencyDialString: "112", OnlinePSTNUsage: "Local" }] },
        }),
      "TeamsEmergencyCallRoutingPolicy 'E'",
    ],
  ])("will not remove a usage %s still uses, and says who", (_what, use, user) => {
    const r = routing();
    r.usages({ add: ["Local"] });
    use(r);
    expect(r.usages({ remove: ["Local"] })).toMatchObject({
      kind: "ResourceBusy",
      message: expect.stringContaining(user),
    });
    expect(r.area.pstnUsages).toEqual(["Local"]);
  });
});

describe("voice routes", () => {
  it("creates a route showing every setting, unset ones at their defaults", () => {
    const r = routing();
    r.usages({ add: ["Local"] });
    expect(
      r.ok("New-CsOnlineVoiceRoute", { Identity: "R1", OnlinePstnUsages: change({ replace: ["Local"] }) }),
    ).toEqual({
      Identity: "R1",
      Name: "R1",
      Description: null,
      NumberPattern: "[0-9]{10}",
      OnlinePstnGatewayList: [],
      OnlinePstnUsages: ["Local"],
      Priority: 0,
      BridgeSourcePhoneNumber: null,
    });
  });

  it.each([
    [
      "a usage that is not on the global list",
      { OnlinePstnUsages: change({ replace: ["Nowhere"] }) },
      "ObjectNotFound",
    ],
  ])("refuses a route with %s", (_what, params, kind) => {
    expect(routing().run("New-CsOnlineVoiceRoute", { Identity: "R", ...params })).toMatchObject({ kind });
  });

  it("refuses a second route of the same name (any casing)", () => {
    const r = routing();
    r.ok("New-CsOnlineVoiceRoute", { Identity: "R" });
    expect(r.run("New-CsOnlineVoiceRoute", { Identity: "r" })).toMatchObject({ kind: "ResourceExists" });
  });

  it("changes a route's lists by Add/Remove and keeps the rest", () => {
    const r = routing();
    r.usages({ add: ["Local", "Long"] });
    r.ok("New-CsOnlineVoiceRoute", {
      Identity: "R",
      Priority: 3,
      OnlinePstnUsages: change({ replace: ["Local"] }),
    });
    expect(
      r.run("Set-CsOnlineVoiceRoute", {
        Identity: "r",
        OnlinePstnUsages: change({ add: ["Long"], remove: ["local"] }),
        OnlinePstnGatewayList: change({ add: ["sbc1.villa.example"] }),
      }),
    ).toBeNull();
    expect(r.ok("Get-CsOnlineVoiceRoute", { Identity: "R" })[0]).toMatchObject({
      Priority: 3,
      OnlinePstnUsages: ["Long"],
      OnlinePstnGatewayList: ["sbc1.villa.example"],
    });
  });

  it("filters routes with PowerShell wildcards and removes them by name", () => {
    const r = routing();
    ["Madrid-Local", "Madrid-Intl", "Sevilla"].forEach((n) =>
      r.ok("New-CsOnlineVoiceRoute", { Identity: n }),
    );
    expect(r.ok("Get-CsOnlineVoiceRoute", { Filter: "madrid-*" }).map((x: Obj) => x.Name)).toEqual([
      "Madrid-Local",
      "Madrid-Intl",
    ]);
    expect(r.run("Remove-CsOnlineVoiceRoute", { Identity: "SEVILLA" })).toBeNull();
    expect(r.run("Remove-CsOnlineVoiceRoute", { Identity: "Sevilla" })).toMatchObject({
      kind: "ObjectNotFound",
    });
  });
});
