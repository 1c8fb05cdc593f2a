/**
 * The tenant-wide Teams voice resources over real HTTPS against the emulator, through the fake `pwsh`:
 * lifecycle of each kind, diff per owned setting, update = only the delta, re-run = 0 writes, ordered
 * normalization rules, PSTN usages owned by what they added, refusals while assigned, hostile names as data.
 */
import { StillAssignedError } from "../../../src/teams/provider";
import { createVia, startTeamsTestbed, upVia, type Props, type TeamsTestbed } from "./helpers/teamsEmulator";

let bed: TeamsTestbed;
beforeAll(async () => {
  bed = await startTeamsTestbed();
});
afterAll(async () => {
  await bed.stop();
});
beforeEach(() => bed.resetCounters());

const policyIn = (type: string, name: string) =>
  bed.area().policies.find((p) => p.type === type && p.name.toLowerCase() === name.toLowerCase());

describe("CallingPolicy", () => {
  const standard: Props = {
    kind: "CallingPolicy",
    name: "Std",
    allowPrivateCalling: true,
    allowVoicemail: "UserOverride",
  };

  it("create → read → no-change diff → update only the delta → delete", async () => {
    const { id, outs } = await createVia(bed, standard);
    expect(id).toBe("Std");
    expect(outs.settings).toEqual({ AllowPrivateCalling: true, AllowVoicemail: "UserOverride" });
    expect(policyIn("TeamsCallingPolicy", "Std")?.settings).toMatchObject({ AllowPrivateCalling: true });
    expect(bed.writes()).toBe(1);

    const read = await bed.provider.read!(id, outs);
    expect(read.props).toEqual(outs);
    expect((await bed.provider.diff!(id, outs, { ...standard })).changes).toBe(false);

    // An admin changes a setting the definition does not own: the toolkit leaves it alone.
    bed.ps("Set-CsTeamsCallingPolicy", { Identity: "Std", AllowCallGroups: false });
    bed.resetCounters();
    const changed = await upVia(bed, id, outs, { ...standard, allowVoicemail: "AlwaysEnabled" });
    expect(changed.changed).toBe(true);
    expect(bed.writes()).toBe(1);
    expect(policyIn("TeamsCallingPolicy", "Std")?.settings).toMatchObject({
      AllowVoicemail: "AlwaysEnabled",
      AllowPrivateCalling: true,
      AllowCallGroups: false,
    });

    await bed.provider.delete!(id, changed.outs);
    expect(policyIn("TeamsCallingPolicy", "Std")).toBeUndefined();
    // Already gone counts as deleted.
    await expect(bed.provider.delete!(id, changed.outs)).resolves.toBeUndefined();
  });

  it("a re-run over an existing identical policy (lost state) adopts it with 0 writes", async () => {
    bed.ps("New-CsTeamsCallingPolicy", { Identity: "Adopt", AllowPrivateCalling: true });
    bed.resetCounters();
    const { outs } = await createVia(bed, {
      kind: "CallingPolicy",
      name: "Adopt",
      allowPrivateCalling: true,
    });
    expect(bed.writes()).toBe(0);
    await bed.provider.delete!("Adopt", outs);
  });

  it("refresh shows drift of an owned setting, and the next up repairs only that setting", async () => {
    const { id, outs } = await createVia(bed, { ...standard, name: "Drift" });
    bed.ps("Set-CsTeamsCallingPolicy", { Identity: "Drift", AllowPrivateCalling: false });
    const refreshed = (await bed.provider.read!(id, outs)).props as Props;
    expect(refreshed.settings.AllowPrivateCalling).toBe(false);
    bed.resetCounters();
    const up = await upVia(bed, id, refreshed, { ...standard, name: "Drift" });
    expect(up.changed).toBe(true);
    expect(bed.writesOf("Set-CsTeamsCallingPolicy")).toBe(1);
    expect(policyIn("TeamsCallingPolicy", "Drift")?.settings.AllowPrivateCalling).toBe(true);
    await bed.provider.delete!(id, up.outs);
  });

  it("delete refuses while the policy is granted to a group, naming the group and what to remove", async () => {
    const { id, outs } = await createVia(bed, { ...standard, name: "Granted" });
    const groupId = bed.t.emu.state.groups[0].id;
    bed.ps("New-CsGroupPolicyAssignment", {
      GroupId: groupId,
      PolicyType: "TeamsCallingPolicy",
      PolicyName: "Granted",
      Rank: 1,
    });
    const refusal = bed.provider.delete!(id, outs);
    await expect(refusal).rejects.toBeInstanceOf(StillAssignedError);
    await expect(refusal).rejects.toThrow(
      new RegExp(
        `calling policy 'Granted'.*granted to group ${groupId} at rank 1.*Remove its group assignments`,
      ),
    );
    expect(policyIn("TeamsCallingPolicy", "Granted")).toBeDefined();
    bed.ps("Remove-CsGroupPolicyAssignment", { GroupId: groupId, PolicyType: "TeamsCallingPolicy" });
    await bed.provider.delete!(id, outs);
  });

  it("delete refuses while users hold the policy directly, with the service's reason", async () => {
    const { id, outs } = await createVia(bed, { ...standard, name: "Direct" });
    const user = bed.t.emu.state.users[0].id.toLowerCase();
    bed.area().userPolicies[user] = {
      TeamsCallingPolicy: policyIn("TeamsCallingPolicy", "Direct")!.policyId,
    };
    await expect(bed.provider.delete!(id, outs)).rejects.toThrow(
      /Direct.*assigned to 1 user\(s\) directly.*direct user/,
    );
    delete bed.area().userPolicies[user];
    await bed.provider.delete!(id, outs);
  });
});

describe("DialPlan", () => {
  const rule = (name: string, pattern: string) => ({
    name,
    pattern,
    translation: "+3491$1",
    isInternalExtension: false,
  });
  const plan = (rules: Props[]): Props => ({ kind: "DialPlan", name: "ES-Test", normalizationRules: rules });

  it("diffs the rules as an ordered list: a reorder is a change and Teams ends in the new order", async () => {
    const a = rule("A", "^(\\d{4})$");
    const b = rule("B", "^(\\d{7})$");
    const { id, outs } = await createVia(bed, plan([a, b]));
    expect((await bed.provider.diff!(id, outs, plan([a, b]))).changes).toBe(false);
    bed.resetCounters();
    const up = await upVia(bed, id, outs, plan([b, a]));
    expect(up.changed).toBe(true);
    expect(bed.writes()).toBe(1);
    const live = policyIn("TenantDialPlan", "ES-Test")!.settings.NormalizationRules as Props[];
    expect(live.map((r) => r.Name)).toEqual(["B", "A"]);
    // A re-run of the same (reordered) definition writes nothing.
    bed.resetCounters();
    expect((await upVia(bed, id, up.outs, plan([b, a]))).changed).toBe(false);
    expect((await bed.provider.read!(id, up.outs)).props).toEqual(up.outs);
    expect(bed.writes()).toBe(0);
    await bed.provider.delete!(id, up.outs);
  });

  it("refuses more than 50 rules, and a name Teams would refuse, at check", async () => {
    const rules = Array.from({ length: 51 }, (_, i) => rule(`R${i}`, `^(${i})$`));
    const checked = await bed.provider.check!({}, { ...plan(rules), name: "bad name!" });
    expect(checked.failures?.map((f) => f.property).sort()).toEqual(["name", "normalizationRules"]);
  });
});

describe("PstnUsages", () => {
  it("adds only what is missing, records what it added, and removes only those", async () => {
    bed.area().pstnUsages.push("CarrierOwned");
    const { id, outs } = await createVia(bed, {
      kind: "PstnUsages",
      usages: ["CarrierOwned", "Local", "Intl"],
    });
    expect(id).toBe("global");
    expect(outs.added).toEqual(["Local", "Intl"]);
    expect(bed.writes()).toBe(1);
    bed.resetCounters();
    expect(
      (await upVia(bed, id, outs, { kind: "PstnUsages", usages: ["Intl", "Local", "CarrierOwned"] })).changed,
    ).toBe(false);

    // Dropping Intl removes it; dropping CarrierOwned (not ours) leaves it in the tenant.
    const up = await upVia(bed, id, outs, { kind: "PstnUsages", usages: ["Local"] });
    expect(up.outs.added).toEqual(["Local"]);
    expect(bed.area().pstnUsages).toEqual(expect.arrayContaining(["CarrierOwned", "Local"]));
    expect(bed.area().pstnUsages).not.toContain("Intl");

    await bed.provider.delete!(id, up.outs);
    expect(bed.area().pstnUsages).toContain("CarrierOwned");
    expect(bed.area().pstnUsages).not.toContain("Local");
  });

  it("refuses to remove a usage a voice route still uses, saying what to remove first", async () => {
    const { id, outs } = await createVia(bed, { kind: "PstnUsages", usages: ["Busy"] });
    bed.ps("New-CsOnlineVoiceRoute", { Identity: "UsesBusy", OnlinePstnUsages: ["Busy"] });
    await expect(bed.provider.delete!(id, outs)).rejects.toThrow(
      /PSTN usage\(s\) 'Busy'.*UsesBusy.*Remove the voice routes/,
    );
    bed.ps("Remove-CsOnlineVoiceRoute", { Identity: "UsesBusy" });
    await bed.provider.delete!(id, outs);
  });
});

describe("voice routes and routing/emergency policies", () => {
  beforeAll(async () => {
    await createVia(bed, { kind: "PstnUsages", usages: ["Spain", "Emergency"] });
  });

  it("VoiceRoute: create, no-change, update of one setting, delete", async () => {
    const route: Props = {
      kind: "VoiceRoute",
      name: "ES",
      numberPattern: "^\\+34\\d{9}$",
      gateways: ["sbc1.x.example"],
      pstnUsages: ["Spain"],
      priority: 1,
    };
    const { id, outs } = await createVia(bed, route);
    expect((await bed.provider.read!(id, outs)).props).toEqual(outs);
    expect((await bed.provider.diff!(id, outs, route)).changes).toBe(false);
    bed.resetCounters();
    const up = await upVia(bed, id, outs, { ...route, gateways: ["sbc1.x.example", "sbc2.x.example"] });
    expect(bed.writesOf("Set-CsOnlineVoiceRoute")).toBe(1);
    expect(bed.area().voiceRoutes.find((r) => r.name === "ES")?.settings.OnlinePstnGatewayList).toEqual([
      "sbc1.x.example",
      "sbc2.x.example",
    ]);
    await bed.provider.delete!(id, up.outs);
    expect(bed.area().voiceRoutes.find((r) => r.name === "ES")).toBeUndefined();
  });

  it("VoiceRoutingPolicy: the usage order is compared, so a reorder is a change", async () => {
    const p: Props = { kind: "VoiceRoutingPolicy", name: "ES", pstnUsages: ["Spain", "Emergency"] };
    const { id, outs } = await createVia(bed, p);
    expect((await bed.provider.diff!(id, outs, { ...p, pstnUsages: ["Emergency", "Spain"] })).changes).toBe(
      true,
    );
    expect((await bed.provider.diff!(id, outs, p)).changes).toBe(false);
    await bed.provider.delete!(id, outs);
  });

  it("EmergencyCallingPolicy and EmergencyCallRoutingPolicy round-trip their lists and re-run with 0 writes", async () => {
    const calling: Props = {
      kind: "EmergencyCallingPolicy",
      name: "Em",
      notificationGroup: ["a@x.example", "b@x.example"],
      notificationMode: "NotificationOnly",
    };
    const routing: Props = {
      kind: "EmergencyCallRoutingPolicy",
      name: "EmR",
      allowEnhancedEmergencyServices: true,
      emergencyNumbers: [
        { emergencyDialString: "112", emergencyDialMask: ["911"], onlinePstnUsage: "Emergency" },
      ],
    };
    const c = await createVia(bed, calling);
    const r = await createVia(bed, routing);
    bed.resetCounters();
    for (const [x, news] of [
      [c, calling],
      [r, routing],
    ] as const) {
      const read = (await bed.provider.read!(x.id, x.outs)).props as Props;
      expect(read.settings).toEqual(x.outs.settings);
      expect((await upVia(bed, x.id, read, news)).changed).toBe(false);
    }
    expect(bed.writes()).toBe(0);
    await bed.provider.delete!(c.id, c.outs);
    await bed.provider.delete!(r.id, r.outs);
  });
});

describe("hostile names and values arrive as plain data", () => {
  const hostile = [
    `O'Brien "x"`,
    "$(Remove-Item -Recurse C:\\)",
    "`whoami`",
    "a; Remove-CsTeamsCallingPolicy -Identity Global",
    "line1\nline2",
  ];

  it.each(hostile)("calling policy description %j", async (text) => {
    const news: Props = {
      kind: "CallingPolicy",
      name: "Hostile",
      description: text,
      allowPrivateCalling: true,
    };
    const { id, outs } = await createVia(bed, news);
    expect(policyIn("TeamsCallingPolicy", "Hostile")?.settings.Description).toBe(text);
    bed.resetCounters();
    expect((await upVia(bed, id, (await bed.provider.read!(id, outs)).props as Props, news)).changed).toBe(
      false,
    );
    expect(bed.writes()).toBe(0);
    await bed.provider.delete!(id, outs);
    expect(
      bed
        .area()
        .policies.some(
          (p) => p.name === "Global" && p.type === "TeamsCallingPolicy" && Object.keys(p.settings).length > 0,
        ),
    ).toBe(false);
  });

  it("a voice route whose name is a PowerShell injection is created and removed under exactly that name", async () => {
    const name = `R'; $(whoami) \`x\``;
    await createVia(bed, { kind: "PstnUsages", usages: ["Spain"] });
    const { id, outs } = await createVia(bed, {
      kind: "VoiceRoute",
      name,
      numberPattern: "^1$",
      gateways: ["sbc.x.example"],
      pstnUsages: ["Spain"],
      priority: 2,
    });
    expect(bed.area().voiceRoutes.map((r) => r.name)).toContain(name);
    await bed.provider.delete!(id, outs);
    expect(bed.area().voiceRoutes.map((r) => r.name)).not.toContain(name);
  });
});
