import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";
import { editFile, planSection } from "./helpers/planEdits";

/**
 * #17: "A new department's admins getting Contributor is never said in words. Every role assignment, group,
 * policy and membership change is." The plan of a new department and of an admin added, line by line.
 */
let bed: GitRepo;
let dir: string;

beforeAll(() => {
  bed = createGitRepo("tenant-plan-access-");
  dir = bed.addStack(MINIMAL_FIXTURE, "minimal");
  bed.commitAll("the stack");
});
afterAll(() => bed.remove());

const culture = () => join(dir, "departments", "culture.yaml");

describe("tenant plan --base says access changes in words", () => {
  it("a new department: its groups, their members and owners, and the admins' eligibility for Contributor", async () => {
    const file = join(dir, "departments", "youth.yaml");
    writeFileSync(
      file,
      readFileSync(culture(), "utf8")
        .replace("id: culture", "id: youth")
        .replace("displayName: Cultura", "displayName: Juventud")
        .replace("values: [Cultura]", "values: [Juventud]")
        .replace(
          "owners: [ana@villa.example]",
          "owners: [ana@villa.example]\nadmins: [adm.bea@villa.example]",
        )
        .replace("10.20.4.0/24", "10.20.9.0/24")
        .replace("headcount: 40", "headcount: 20")
        .replace("numberRanges: [main]\n", ""),
    );
    try {
      const { code, out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
      expect(code).toBe(0);
      const lines = planSection(out, /^youth \(new department\)/);
      expect(lines.filter((l) => l.startsWith("  access:"))).toEqual([
        "  access: group grp-vp-youth-admins: new; members adm.bea@villa.example; owners ana@villa.example, the deploying identity",
        "  access: group grp-vp-youth: new; dynamic membership by department: Juventud; owners ana@villa.example, the deploying identity",
        "  access: grp-vp-youth-admins becomes eligible for Contributor on resource group rg-vp-youth",
      ]);
      expect(out).toContain(
        "[medium] youth: grp-vp-youth-admins becomes eligible for Contributor on resource group rg-vp-youth",
      );
    } finally {
      rmSync(file);
    }
  });

  it("an admin added: one access line with the person, a medium risk, and no object ids", async () => {
    const undo = editFile(
      culture(),
      "owners: [ana@villa.example]",
      "owners: [ana@villa.example]\nadmins: [adm.bea@villa.example, adm.carlos@villa.example]",
    );
    try {
      bed.commitAll("culture has one admin");
    } finally {
      undo();
    }
    const again = editFile(
      culture(),
      "owners: [ana@villa.example]",
      "owners: [ana@villa.example]\nadmins: [adm.bea@villa.example]",
    );
    try {
      const { code, out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
      expect(code).toBe(0);
      expect(planSection(out, /^culture ·/)).toEqual([
        "culture · 1 to update",
        "  access: group grp-vp-culture-admins: members − adm.carlos@villa.example",
        "  ~ update Group grp-vp-culture-admins: access changes in words above",
      ]);
      expect(out).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    } finally {
      again();
    }
    const more = editFile(
      culture(),
      "owners: [ana@villa.example]",
      "owners: [ana@villa.example]\nadmins: [adm.bea@villa.example, adm.carlos@villa.example, adm.dora@villa.example]",
    );
    try {
      const { out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--format", "markdown"]);
      expect(out).toContain("- Access: group `grp-vp-culture-admins`: members + adm.dora@villa.example");
      expect(out).toContain("culture: grp-vp-culture-admins gains adm.dora@villa.example");
    } finally {
      more();
    }
  });
});
