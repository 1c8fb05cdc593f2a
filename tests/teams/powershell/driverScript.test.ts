import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Node } from "web-tree-sitter";
import { TEAMS_CMDLETS } from "../../../src/emulator/state/teamsCmdlets";
import { DRIVER_ALLOW_LIST, LIST_PARAMETERS } from "../../../src/teams/powershell/allowList";
import { documentedCmdlet } from "../../../src/teams/powershell/documentedCmdlets";
import { DRIVER_SCRIPT_PATH } from "../../../src/teams/powershell/driverPath";
import {
  descendants,
  hashAssignedTo,
  literalCommands,
  powershellParser,
  stringListTable,
  syntaxProblems,
} from "./helpers/psSyntax";

/**
 * Offline checks of the shipped PowerShell (it cannot run here): every .ps1 parses; the driver's allow-list, read
 * from its syntax tree, matches the adapter's mirror, the documented cmdlets (reference §3) and the emulator's
 * cmdlet table; and nothing in it turns text into code.
 */
const ROOT = join(__dirname, "..", "..", "..");
const SKIP_DIRS = new Set(["node_modules", ".git", ".cache", "coverage"]);

/** Cmdlets the driver allows that the emulator does not implement, and why (numbers go through Graph there). */
const NOT_EMULATED: Record<string, string> = {
  "Get-CsPhoneNumberAssignment":
    "the emulator serves numbers through Graph (§2.1); PowerShell is the fallback",
  "Set-CsPhoneNumberAssignment": "ditto (§2.2); kept for the -TelephoneNumber/-PhoneNumber rename (§3.1)",
  "Remove-CsPhoneNumberAssignment": "ditto (§2.3)",
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

  it("has the allow-list the adapter mirrors", () => {
    const table = stringListTable(hashAssignedTo(driver, "AllowedCmdlets")!);
    expect(Object.fromEntries(table)).toEqual(DRIVER_ALLOW_LIST);
    const nested = stringListTable(hashAssignedTo(driver, "NestedObjectKeys")!);
    for (const [param, keys] of nested) expect(LIST_PARAMETERS[param]?.objectKeys).toEqual(keys);
  });

  it("allows only documented cmdlets and parameters (reference §3)", () => {
    const problems: string[] = [];
    for (const [cmdlet, params] of stringListTable(hashAssignedTo(driver, "AllowedCmdlets")!)) {
      const doc = documentedCmdlet(cmdlet);
      if (!doc) problems.push(`${cmdlet} is not documented`);
      for (const p of params)
        if (doc && !doc.parameters.includes(p)) problems.push(`${cmdlet} -${p} is not documented`);
    }
    expect(problems).toEqual([]);
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
      const doc = documentedCmdlet(c.name);
      if (!doc) {
        problems.push(`line ${c.line}: ${c.name} is not documented`);
        continue;
      }
      for (const p of c.parameters) {
        // Common parameters exist on every cmdlet.
        if (["ErrorAction", "WarningAction", "WarningVariable"].includes(p)) continue;
        if (!doc.parameters.includes(p)) problems.push(`line ${c.line}: ${c.name} -${p} is not documented`);
      }
    }
    // Properties of the plain objects the driver splats onto the element builders.
    const builders: Record<string, string> = {
      NormalizationRules: "New-CsVoiceNormalizationRule",
      EmergencyNumbers: "New-CsTeamsEmergencyNumber",
      ExtendedNotifications: "New-CsTeamsEmergencyCallingExtendedNotification",
    };
    for (const [param, keys] of stringListTable(hashAssignedTo(driver, "NestedObjectKeys")!)) {
      const doc = documentedCmdlet(builders[param])!;
      for (const k of keys)
        if (!doc.parameters.includes(k)) problems.push(`${builders[param]} -${k} is not documented`);
    }
    expect(problems).toEqual([]);
  });

  it("stays within the emulator's cmdlet table (teamsCmdlets.ts)", () => {
    const emulated = new Map(Object.entries(TEAMS_CMDLETS).map(([k, v]) => [k.toLowerCase(), v]));
    const problems: string[] = [];
    for (const [cmdlet, params] of Object.entries(DRIVER_ALLOW_LIST)) {
      const spec = emulated.get(cmdlet.toLowerCase());
      if (!spec) {
        if (!NOT_EMULATED[cmdlet]) problems.push(`${cmdlet} is not in the emulator's table`);
        continue;
      }
      const known = new Set(Object.keys(spec.params).map((p) => p.toLowerCase()));
      for (const p of params)
        if (!known.has(p.toLowerCase())) problems.push(`${cmdlet} -${p} is not in the emulator's table`);
    }
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
