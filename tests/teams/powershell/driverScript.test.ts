import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Node } from "web-tree-sitter";
import { TEAMS_CMDLETS } from "../../../src/emulator/state/teamsCmdlets";
import {
  CONFIRM_FALSE_CMDLETS,
  contractCmdlet,
  DRIVER_ALLOW_LIST,
  driverAllowListFile,
  resolveParameter,
} from "../../../src/teams/powershell/contract";
import { DRIVER_SCRIPT_PATH } from "../../../src/teams/powershell/driverPath";
import { LIST_PARAMETERS } from "../../../src/teams/powershell/listParameters";
import {
  descendants,
  hashAssignedTo,
  literalCommands,
  powershellParser,
  stringListTable,
  syntaxProblems,
} from "./helpers/psSyntax";

/**
 * Offline checks of the shipped PowerShell (it cannot run here): every .ps1 parses; the allow-list the driver
 * loads (contract/driver-allow-list.json) is the one derived from the vendored cmdlet contract; every cmdlet and
 * parameter the driver names is in the contract; and nothing in it turns text into code.
 */
const ROOT = join(__dirname, "..", "..", "..");
const SKIP_DIRS = new Set(["node_modules", ".git", ".cache", "coverage"]);

/** Cmdlets the driver allows that the emulator does not implement, and why (numbers go through Graph there). */
const NOT_EMULATED: Record<string, string> = {
  "Get-CsPhoneNumberAssignment":
    "the emulator serves numbers through Graph (§2.1); PowerShell is the fallback",
};

function ps1Files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : ps1Files(join(dir, e.name));
    return e.name.toLowerCase().endsWith(".ps1") ? [join(dir, e.name)] : [];
  });
}

async function parse(text: string): Promise<Node> {
  const tree = (await powershellParser()).parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree.rootNode;
}

describe("shipped PowerShell scripts", () => {
  let driver: Node;
  beforeAll(async () => {
    driver = await parse(readFileSync(DRIVER_SCRIPT_PATH, "utf8"));
  });

  it("finds the driver among the repository's .ps1 files", () => {
    expect(ps1Files(ROOT).map((f) => relative(ROOT, f))).toContain(relative(ROOT, DRIVER_SCRIPT_PATH));
  });

  it("parses every .ps1 in the repository without a syntax error", async () => {
    const failures: string[] = [];
    for (const file of ps1Files(ROOT)) {
      const root = await parse(readFileSync(file, "utf8"));
      if (!root.hasError) continue;
      for (const p of syntaxProblems(root)) {
        failures.push(
          `${relative(ROOT, file)}:${p.line}:${p.column} ${p.kind} near ${JSON.stringify(p.text)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it("reports line and column of a syntax error (the check can fail)", async () => {
    const root = await parse("$ok = 1\nfunction Broken( {\n  $x = \n");
    expect(root.hasError).toBe(true);
    expect(syntaxProblems(root)[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(syntaxProblems(root)[0].line).toBeGreaterThanOrEqual(2);
  });

  it("loads the allow-list derived from the cmdlet contract, and the shipped copy is current", () => {
    const source = readFileSync(DRIVER_SCRIPT_PATH, "utf8");
    expect(source).toMatch(/Join-Path -Path \$PSScriptRoot -ChildPath 'contract\/driver-allow-list\.json'/);
    const shipped = JSON.parse(
      readFileSync(join(dirname(DRIVER_SCRIPT_PATH), "contract", "driver-allow-list.json"), "utf8"),
    );
    // Stale after a contract or derivation change: run `npx tsx tools/cmdlet-contract/writeAllowList.ts`.
    expect(shipped).toEqual(JSON.parse(JSON.stringify(driverAllowListFile())));
    const nested = stringListTable(hashAssignedTo(driver, "NestedObjectKeys")!);
    for (const [param, keys] of nested) expect(LIST_PARAMETERS[param]?.objectKeys).toEqual(keys);
  });

  it("passes -Confirm:$false to every state-changing cmdlet that supports -Confirm (a prompt would hang)", () => {
    const source = readFileSync(DRIVER_SCRIPT_PATH, "utf8");
    expect(source).toContain("$splat['Confirm'] = $false");
    expect(source).toContain("$clearSplat['Confirm'] = $false");
    // Set-CsTeamsCallingPolicy.md @ 93336da lists -Confirm; Get-* never prompts.
    expect(CONFIRM_FALSE_CMDLETS).toContain("Set-CsTeamsCallingPolicy");
    expect(CONFIRM_FALSE_CMDLETS).toContain("Remove-CsOnlineLisCivicAddress");
    expect(CONFIRM_FALSE_CMDLETS.filter((c) => c.startsWith("Get-"))).toEqual([]);
    for (const c of CONFIRM_FALSE_CMDLETS) expect(contractCmdlet(c)?.supportsConfirm).toBe(true);
  });

  it("calls module cmdlets by name only with documented parameters", () => {
    const problems: string[] = [];
    const teamsCommands = literalCommands(driver).filter((c) => /^[A-Za-z]+-Cs|MicrosoftTeams$/.test(c.name));
    expect(teamsCommands.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "New-CsVoiceNormalizationRule",
        "New-CsTeamsEmergencyNumber",
        "Connect-MicrosoftTeams",
      ]),
    );
    for (const c of teamsCommands) {
      const doc = contractCmdlet(c.name);
      if (!doc) {
        problems.push(`line ${c.line}: ${c.name} is not in the cmdlet contract`);
        continue;
      }
      for (const p of c.parameters) {
        // Common parameters exist on every cmdlet.
        if (["ErrorAction", "WarningAction", "WarningVariable"].includes(p)) continue;
        if (!resolveParameter(doc, p)) problems.push(`line ${c.line}: ${c.name} -${p} is not documented`);
      }
    }
    // Properties of the plain objects the driver splats onto the element builders.
    const builders: Record<string, string> = {
      NormalizationRules: "New-CsVoiceNormalizationRule",
      EmergencyNumbers: "New-CsTeamsEmergencyNumber",
      ExtendedNotifications: "New-CsTeamsEmergencyCallingExtendedNotification",
    };
    for (const [param, keys] of stringListTable(hashAssignedTo(driver, "NestedObjectKeys")!)) {
      const doc = contractCmdlet(builders[param])!;
      for (const k of keys)
        if (!resolveParameter(doc, k)) problems.push(`${builders[param]} -${k} is not documented`);
    }
    // Phone services: the properties of each nested object, keyed by the builder the driver calls for it.
    const phoneBuilders = [...stringListTable(hashAssignedTo(driver, "PhoneBuilderKeys")!)];
    expect(phoneBuilders.map(([b]) => b)).toContain("New-CsAutoAttendantCallFlow");
    for (const [builder, keys] of phoneBuilders) {
      const doc = contractCmdlet(builder);
      if (!doc) problems.push(`${builder} is not in the cmdlet contract`);
      else
        for (const k of keys)
          if (!resolveParameter(doc, k)) problems.push(`${builder} -${k} is not documented`);
    }
    expect(problems).toEqual([]);
  });

  it("the emulator implements every allow-listed cmdlet, except those it serves through Graph", () => {
    const emulated = new Set(Object.keys(TEAMS_CMDLETS).map((k) => k.toLowerCase()));
    const problems = Object.keys(DRIVER_ALLOW_LIST).filter(
      (c) => !emulated.has(c.toLowerCase()) && !NOT_EMULATED[c],
    );
    expect(problems).toEqual([]);
  });

  it("never turns text into code", () => {
    const commands = descendants(driver, "command").map((c) =>
      c.childForFieldName("command_name")?.text.toLowerCase(),
    );
    for (const forbidden of ["invoke-expression", "iex", "invoke-command", "start-process", "add-type"]) {
      expect(commands).not.toContain(forbidden);
    }
    // The code without its comments (the header names these very things to forbid them).
    let text = driver.text;
    for (const c of descendants(driver, "comment").reverse()) {
      text = text.slice(0, c.startIndex) + " ".repeat(c.endIndex - c.startIndex) + text.slice(c.endIndex);
    }
    expect(text).not.toMatch(
      /\[scriptblock\]::create|\.InvokeScript\(|NewScriptBlock|ExpandString|Invoke-Expression|\biex\b/i,
    );
  });

  it("invokes request-named cmdlets only through a command object resolved from the MicrosoftTeams module", () => {
    const invocations = descendants(driver, "command").filter((c) => c.text.startsWith("&"));
    expect(invocations.length).toBeGreaterThan(0);
    for (const inv of invocations) {
      // `& $command …` / `& $getter …`, where both come from `Get-Command -Module MicrosoftTeams`.
      expect(inv.text).toMatch(/^& \$(command|getter) /);
    }
    const source = readFileSync(DRIVER_SCRIPT_PATH, "utf8");
    expect(
      source.match(/\$(command|getter) = Get-Command -Name \$\w+ -Module MicrosoftTeams/g)?.length,
    ).toBeGreaterThan(0);
  });
});
