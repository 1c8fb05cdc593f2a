import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TEAMS_POLICY_TYPES } from "../../../src/teams/admin/port";
import { contractHash } from "../../../src/teams/powershell/contract/hash";
import {
  CMDLET_CONTRACT,
  contractCmdlet,
  DRIVER_ALLOW_LIST,
  resolveParameter,
} from "../../../src/teams/powershell/contract";
import { policyCmdlet } from "../../../src/teams/powershell/policyCmdlets";
import { parsePage } from "../../../tools/cmdlet-contract/parsePage";

/**
 * The vendored cmdlet contract checks itself without the office-docs-powershell checkout: its checksum, its
 * provenance, and that every cmdlet and parameter the code sends is in it. (Regenerate with
 * `npx tsx tools/cmdlet-contract/generate.ts <checkout>`; `--check` compares against a checkout.)
 */
describe("the vendored cmdlet contract", () => {
  it("is unmodified since generation (sha256 of its cmdlets) and says where it comes from", () => {
    expect(contractHash(CMDLET_CONTRACT.cmdlets)).toBe(CMDLET_CONTRACT.sha256);
    expect(CMDLET_CONTRACT.provenance).toMatchObject({
      repo: "MicrosoftDocs/office-docs-powershell",
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      pathPrefix: "teams/teams-ps/MicrosoftTeams/",
    });
    for (const [name, c] of Object.entries(CMDLET_CONTRACT.cmdlets)) {
      expect(c.path).toBe(`teams/teams-ps/MicrosoftTeams/${name}.md`);
      expect(c.blob).toMatch(/^[0-9a-f]{40}$/);
      expect(c.parameterSets).toContain(c.defaultParameterSet);
    }
  });

  it("holds every cmdlet the adapter sends, and every parameter the adapter and driver name", () => {
    for (const type of TEAMS_POLICY_TYPES)
      for (const verb of ["Get", "New", "Set", "Remove", "Grant"] as const)
        expect(contractCmdlet(policyCmdlet(verb, type))).toBeDefined();
    const adapter = readFileSync(join(__dirname, "../../../src/teams/powershell/adapter.ts"), "utf8");
    const literal = [...adapter.matchAll(/this\.run\("([A-Za-z]+-[A-Za-z]+)",\s*\{([^}]*)\}/g)];
    expect(literal.length).toBeGreaterThan(10);
    for (const [, cmdlet, body] of literal) {
      const c = contractCmdlet(cmdlet);
      expect(c).toBeDefined();
      for (const [, p] of body.matchAll(/\b([A-Z][A-Za-z]+):/g))
        expect([cmdlet, resolveParameter(c!, p)?.[0]]).toEqual([cmdlet, expect.any(String)]);
    }
    for (const [cmdlet, params] of Object.entries(DRIVER_ALLOW_LIST))
      for (const p of params) expect(resolveParameter(contractCmdlet(cmdlet)!, p)).toBeDefined();
  });

  it("records the disagreements issue #13 found, as the pages state them", () => {
    const set = contractCmdlet("Set-CsTeamsCallingPolicy")!;
    expect(set.parameters.Description.missingFromSyntax).toBe(true);
    expect(DRIVER_ALLOW_LIST["Set-CsTeamsCallingPolicy"]).toContain("Description");
    expect(set.parameters.AllowCallRedirect.unavailableValues).toEqual(["UserOverride"]);
    expect(contractCmdlet("Set-CsOnlineLisCivicAddress")!.countryRestriction).not.toContain("ES");
    expect(contractCmdlet("New-CsTeamsEmergencyCallingPolicy")!.parameters.Description.maxLength).toBe(512);
    expect(contractCmdlet("Set-CsOnlineLisLocation")!.parameters.Elin.notes?.join(" ")).toMatch(
      /can't clear/,
    );
  });
});

describe("tools/cmdlet-contract parsePage", () => {
  const page = [
    "---",
    "title: Set-CsExample",
    "---",
    "# Set-CsExample",
    "## SYNTAX",
    "### Identity (Default)",
    "```",
    "Set-CsExample [-Identity] <string> [-Mode <string>] [-Count <Int32>] [-WhatIf] [-Confirm] [<CommonParameters>]",
    "```",
    "### Other",
    "```",
    "Set-CsExample -Name <string> [-Confirm] [<CommonParameters>]",
    "```",
    "## PARAMETERS",
    "### -Mode",
    "Valid options are:",
    "",
    "- On: yes.",
    "- Off: no.",
    "- Maybe: This option is not available for use.",
    "",
    "```yaml",
    "Type: String",
    "Parameter Sets: Identity",
    "Aliases: m",
    "Required: False",
    "```",
    "### -Identity",
    "```yaml",
    "Type: String",
    "Parameter Sets: (All)",
    "Required: False",
    "Position: 1",
    "```",
    "### -Secret",
    "This parameter is reserved for internal Microsoft use. Maximum characters: 12.",
    "```yaml",
    "Type: String",
    "Parameter Sets: (All)",
    "Required: False",
    "Accepted values: A, B",
    "```",
    "### -Confirm",
    "```yaml",
    "Type: SwitchParameter",
    "Parameter Sets: (All)",
    "Aliases: cf",
    "Required: False",
    "```",
  ].join("\n");

  it("reads sets, mandatory (SYNTAX wins), aliases, listed and unavailable values, limits and -Confirm", () => {
    const { name, cmdlet } = parsePage(page, { path: "p.md", blob: "0".repeat(40) });
    expect(name).toBe("Set-CsExample");
    expect(cmdlet.parameterSets).toEqual(["Identity", "Other"]);
    expect(cmdlet.defaultParameterSet).toBe("Identity");
    expect(cmdlet.supportsConfirm).toBe(true);
    expect(cmdlet.parameters.Identity.sets.Identity.required).toBe(true);
    expect(cmdlet.parameters.Mode).toMatchObject({
      aliases: ["m"],
      values: ["On", "Off", "Maybe"],
      valuesFrom: "description",
      unavailableValues: ["Maybe"],
    });
    expect(cmdlet.parameters.Secret).toMatchObject({
      internalOnly: true,
      maxLength: 12,
      values: ["A", "B"],
      valuesFrom: "validateSet",
    });
    expect(cmdlet.parameters.Count).toMatchObject({ type: "Int32", notes: ["documented only in SYNTAX"] });
    expect(cmdlet.parameters.Name.sets.Other.required).toBe(true);
  });
});
