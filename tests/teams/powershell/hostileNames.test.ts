import type { PowerShellTeamsAdmin } from "../../../src/teams/powershell/adapter";
import { decodeLine, encodeRequest } from "../../../src/teams/powershell/wire";
import { fakeAdmin, startTestEmulator, type TestEmulator } from "./helpers/fakeSession";

/**
 * Names a user may write in tenant.yaml that would be code if anyone built PowerShell source from them. They
 * travel as JSON values and must come back byte for byte.
 */
const HOSTILE = [
  `O'Brien "quoted"`,
  "$(Remove-Item C:\\ -Recurse)",
  "back`tick`$env:SECRET",
  "a; Stop-Computer; b",
  "line1\nline2\r\nline3",
  "Ávila–Móstoles 東京 🚒 \u2028sep",
  "@{Add='x'} | iex",
];

describe("hostile names arrive as plain data", () => {
  let t: TestEmulator;
  let admin: PowerShellTeamsAdmin;
  beforeAll(async () => {
    t = await startTestEmulator();
    admin = fakeAdmin(t);
  });
  afterAll(async () => {
    await admin.close();
    await t.stop();
  });

  it.each(HOSTILE)("round-trips %j as a policy description and a PSTN usage", async (value) => {
    const name = `P-${HOSTILE.indexOf(value)}`;
    await admin.createPolicy({ type: "TeamsCallingPolicy", name, settings: { Description: value } });
    expect((await admin.getPolicy("TeamsCallingPolicy", name))?.settings.Description).toBe(value);
    await admin.updatePstnUsages({ add: [value], remove: [] });
    expect(await admin.getPstnUsages()).toContain(value);
  });

  it("round-trips every hostile value as an emergency location name", async () => {
    const address = await admin.createCivicAddress("hostile", {
      CompanyName: HOSTILE[0],
      HouseNumber: "1",
      StreetName: HOSTILE[1],
      City: HOSTILE[5],
      PostalCode: "28001",
      CountryOrRegion: "ES",
      Latitude: "40.4168",
      Longitude: "-3.7038",
      Description: HOSTILE[4],
    });
    expect(address.fields).toMatchObject({
      CompanyName: HOSTILE[0],
      StreetName: HOSTILE[1],
      City: HOSTILE[5],
    });
    expect(address.fields.Description).toBe(HOSTILE[4]);
    for (const value of HOSTILE) await admin.createLocation(address.civicAddressId, value);
    const names = (await admin.listLocations(address.civicAddressId)).map((l) => l.location);
    expect(names).toEqual(expect.arrayContaining(HOSTILE));
  });

  it("encodes every request as one ASCII line that decodes to the same values", () => {
    for (const value of HOSTILE) {
      const line = encodeRequest({
        id: 7,
        cmdlet: "Set-CsTeamsCallingPolicy",
        parameters: { Identity: value },
      });
      expect(line.endsWith("\n")).toBe(true);
      expect(line.slice(0, -1)).not.toMatch(/[\n\r\u007f-\uffff]/);
      expect(JSON.parse(line)).toEqual({
        id: 7,
        cmdlet: "Set-CsTeamsCallingPolicy",
        parameters: { Identity: value },
      });
    }
  });
});

describe("decodeLine", () => {
  it("tells the ready line, responses and host noise apart", () => {
    expect(decodeLine('{"ready":true,"moduleVersion":"7.6.0"}')).toEqual({
      kind: "ready",
      ready: { ready: true, moduleVersion: "7.6.0" },
    });
    expect(decodeLine('{"id":3,"ok":true,"result":[{"Identity":"Tag:x"}]}')).toEqual({
      kind: "response",
      response: { id: 3, ok: true, result: [{ Identity: "Tag:x" }] },
    });
    expect(
      decodeLine('{"id":4,"ok":false,"error":{"type":"ObjectNotFound","message":"m","cmdlet":"Get-X"}}'),
    ).toEqual({
      kind: "response",
      response: { id: 4, ok: false, error: { type: "ObjectNotFound", message: "m", cmdlet: "Get-X" } },
    });
    expect(decodeLine("Account   Environment Tenant")).toMatchObject({ kind: "noise" });
    expect(decodeLine("{not json")).toMatchObject({ kind: "noise" });
    expect(decodeLine('{"something":"else"}')).toMatchObject({ kind: "noise" });
  });
});
