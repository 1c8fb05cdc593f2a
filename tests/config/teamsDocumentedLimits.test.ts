import {
  callingPolicySchema,
  dialPlanSchema,
  emergencyCallingPolicySchema,
  emergencyCallRoutingPolicySchema,
} from "../../src/config/schema/teamsVoice";
import { emergencyAddressSchema, emergencyLocationSchema } from "../../src/config/schema/telephony";

/**
 * Limits the definition takes from Microsoft's cmdlet reference (MicrosoftDocs/office-docs-powershell,
 * teams/teams-ps/MicrosoftTeams/, commit 93336da2bca96c31c0fc8acc52658a30ef8a6c94), issue #13 points 3, 11, 12.
 */
const DOCS = "MicrosoftDocs/office-docs-powershell@93336da teams/teams-ps/MicrosoftTeams";
const address = {
  id: "sede",
  companyName: "Ayuntamiento",
  houseNumber: "1",
  streetName: "Plaza Mayor",
  city: "Villa",
  postalCode: "28001",
  countryOrRegion: "ES",
  locations: [{ id: "sede-p0", name: "Planta baja" }],
};
const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.path.join("."));

describe(`documented limits (${DOCS})`, () => {
  it("New-CsOnlineLisCivicAddress.md: coordinates are required except in Australia and Japan", () => {
    expect(paths(emergencyAddressSchema.safeParse(address))).toEqual(["latitude", "longitude"]);
    expect(paths(emergencyAddressSchema.safeParse({ ...address, latitude: 40.4, longitude: -3.7 }))).toEqual(
      [],
    );
    for (const country of ["AU", "JP"])
      expect(paths(emergencyAddressSchema.safeParse({ ...address, countryOrRegion: country }))).toEqual([]);
  });

  it("Set-CsOnlineLisLocation.md (-Elin): an ELIN can be set or changed, not cleared", () => {
    expect(paths(emergencyLocationSchema.safeParse({ id: "p0", name: "Planta baja", elin: "" }))).toEqual([
      "elin",
    ]);
    expect(
      paths(emergencyLocationSchema.safeParse({ id: "p0", name: "Planta baja", elin: "ELIN1" })),
    ).toEqual([]);
  });

  it("Set-CsTeamsCallingPolicy.md (-AllowCallRedirect): UserOverride 'is not available for use'", () => {
    expect(paths(callingPolicySchema.safeParse({ name: "p", allowCallRedirect: "UserOverride" }))).toEqual([
      "allowCallRedirect",
    ]);
    expect(paths(callingPolicySchema.safeParse({ name: "p", allowCallRedirect: "Disabled" }))).toEqual([]);
  });

  it("New-CsTeamsEmergencyCallingPolicy.md / New-CsTeamsEmergencyCallRoutingPolicy.md: 'Maximum characters: 512'", () => {
    const routing = {
      name: "r",
      emergencyNumbers: [{ emergencyDialString: "112", emergencyDialMask: [], onlinePstnUsage: "Emergency" }],
    };
    expect(
      paths(emergencyCallingPolicySchema.safeParse({ name: "e", description: "x".repeat(513) })),
    ).toEqual(["description"]);
    expect(
      paths(emergencyCallingPolicySchema.safeParse({ name: "e", description: "x".repeat(512) })),
    ).toEqual([]);
    expect(
      paths(emergencyCallRoutingPolicySchema.safeParse({ ...routing, description: "x".repeat(513) })),
    ).toEqual(["description"]);
  });

  it("New-CsTenantDialPlan.md (-Identity): 'The value should not begin with a (.)'", () => {
    expect(paths(dialPlanSchema.safeParse({ name: ".ES", normalizationRules: [] }))).toEqual(["name"]);
    expect(paths(dialPlanSchema.safeParse({ name: "ES.Villa", normalizationRules: [] }))).toEqual([]);
  });
});
