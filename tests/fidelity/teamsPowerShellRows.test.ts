import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TEAMS_CMDLETS } from "../../src/emulator/state/teamsCmdlets";
import { TEAMS_POWERSHELL_ROWS } from "../../src/fidelity/rows/teamsPowerShell";
import { CMDLET_CONTRACT } from "../../src/teams/powershell/contract";

/** Every behaviour of the emulator's PowerShell surface and the fake pwsh has a ledger row with a source. */
describe("fidelity ledger: Teams PowerShell rows", () => {
  const cmdletRows = new Set(TEAMS_POWERSHELL_ROWS.filter((r) => r.kind === "cmdlet").map((r) => r.subject));

  it("has a cmdlet row for every cmdlet the emulator implements", () => {
    expect(Object.keys(TEAMS_CMDLETS).filter((c) => !cmdletRows.has(c))).toEqual([]);
  });

  it("has a row for every cmdlet the fake pwsh lets through (it forwards all of them to the emulator)", () => {
    const allowList = JSON.parse(
      readFileSync(join(__dirname, "../../src/teams/powershell/contract/driver-allow-list.json"), "utf8"),
    ) as { cmdlets: Record<string, unknown> };
    // Users' numbers go through Graph in the emulator: the fake forwards Get and the emulator answers
    // CommandNotFound (Set and Remove are emulated for resource accounts and have rows).
    const phoneNumbers = ["Get-CsPhoneNumberAssignment"];
    const missing = Object.keys(allowList.cmdlets).filter(
      (c) => !cmdletRows.has(c) && !phoneNumbers.includes(c),
    );
    expect(missing).toEqual([]);
    expect(TEAMS_POWERSHELL_ROWS.some((r) => r.subject === "(fake pwsh)")).toBe(true);
  });

  it("cites documents at the contract's pinned commit, on pages the contract was generated from", () => {
    const paths = new Set(Object.values(CMDLET_CONTRACT.cmdlets).map((c) => c.path));
    for (const r of TEAMS_POWERSHELL_ROWS) {
      if (r.source.kind !== "doc" || r.source.repo !== CMDLET_CONTRACT.provenance.repo) continue;
      expect(r.source.commit).toBe(CMDLET_CONTRACT.provenance.commit);
      expect(paths.has(r.source.path)).toBe(true);
    }
  });

  it("every source is complete: a 40-hex commit, an issue URL, or an assumption with its reason", () => {
    for (const r of TEAMS_POWERSHELL_ROWS) {
      expect(r.area).toBe("teams-powershell");
      if (r.source.kind === "doc") expect(r.source.commit).toMatch(/^[0-9a-f]{40}$/);
      if (r.source.kind === "issue") expect(r.source.url).toMatch(/^https:\/\/github\.com\/.+\/issues\/\d+$/);
      if (r.source.kind === "assumed") expect(r.source.reason.length).toBeGreaterThan(20);
    }
  });

  it("counts the assumed rows (reported in docs/teams-powershell.md)", () => {
    const assumed = TEAMS_POWERSHELL_ROWS.filter((r) => r.source.kind === "assumed").length;
    const doc = join(__dirname, "../../docs/teams-powershell.md");
    expect(existsSync(doc)).toBe(true);
    expect(readFileSync(doc, "utf8")).toContain(
      `${assumed} of ${TEAMS_POWERSHELL_ROWS.length} rows are assumed`,
    );
  });
});
