import { join } from "node:path";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant, succeeded } from "../helpers/tenantCli";
import { editFile, planSection } from "./helpers/planEdits";

/**
 * #17: "Giving one department `rank: 2` produces 28 red risks of the form 'TeamsEmergencyCallingPolicy X → X'
 * (nothing changes for any user)". One district of the example stack changes its rank; every other district
 * ranked after it only shifts its Teams position and keeps its policy. The plan says so, line by line.
 */
const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");

let bed: GitRepo;
let dir: string;

beforeAll(() => {
  bed = createGitRepo("tenant-plan-ranks-");
  dir = bed.addStack(EXAMPLE, "example");
  bed.commitAll("the example stack");
});
afterAll(() => bed.remove());

const arganzuela = () => join(dir, "departments", "arganzuela.yaml");
const plan = async () => {
  const run = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
  succeeded(run);
  return run.out;
};

describe("tenant plan --base: a department changes its rank", () => {
  it("20 → 10: its 4 grants change rank, the 20 districts after it shift position and nothing is a risk", async () => {
    const restore = editFile(arganzuela(), "rank: 20", "rank: 10");
    try {
      const out = await plan();
      expect(out.split("\n")[3]).toBe(
        "21 departments change: 4 policy grants changed, 80 grants shift Teams position; 21 to update; no policy findings",
      );
      expect(planSection(out, /^Risks:/)).toEqual(["Risks:", "  none"]);
      // The rank as the author wrote it, never the Teams position.
      expect(planSection(out, /^arganzuela /)).toEqual([
        "arganzuela · 1 to update",
        "  policy: OnlineVoiceRoutingPolicy CDE-Nacional rank 20 → 10",
        "  policy: TeamsCallingPolicy CDE-Estandar rank 20 → 10",
        "  policy: TeamsEmergencyCallingPolicy CDE-Aviso-Distritos rank 20 → 10",
        "  policy: TenantDialPlan ES-Capital rank 20 → 10",
        "  ~ update GroupPolicyAssignments tv-cde-grants-arganzuela: 4 entries changed, in words above",
      ]);
      const because =
        "because another department's grant came, went or changed rank ahead of it; its people keep the policy";
      // The 20 districts shift alike: one section naming them all, once each, instead of 20 identical ones.
      const districts =
        "barajas, carabanchel, centro, chamartin, chamberi, ciudad-lineal, fuencarral-el-pardo, hortaleza, latina, " +
        "moncloa-aravaca, moratalaz, puente-de-vallecas, retiro, salamanca, san-blas-canillejas, tetuan, usera, " +
        "vicalvaro, villa-de-vallecas, villaverde";
      expect(planSection(out, /^barajas/)).toEqual([
        `${districts} (20 departments alike; {department} is each of them) · 1 to update each`,
        `  policy: OnlineVoiceRoutingPolicy CDE-Nacional rank 20 (unchanged); its Teams position moves 26 → 27 ${because}`,
        `  policy: TeamsCallingPolicy CDE-Estandar rank 20 (unchanged); its Teams position moves 30 → 31 ${because}`,
        `  policy: TeamsEmergencyCallingPolicy CDE-Aviso-Distritos rank 20 (unchanged); its Teams position moves 30 → 31 ${because}`,
        `  policy: TenantDialPlan ES-Capital rank 20 (unchanged); its Teams position moves 30 → 31 ${because}`,
        "  ~ update GroupPolicyAssignments tv-cde-grants-{department}: 4 entries changed, in words above",
      ]);
      expect(out.split("\n").filter((l) => /^\S.* · /.test(l))).toHaveLength(2);

      // The markdown comment groups them the same way; the JSON plan keeps one entry per department.
      const md = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--format", "markdown"]);
      succeeded(md);
      expect(md.out).toContain(
        `**${districts
          .split(", ")
          .map((d) => `\`${d}\``)
          .join(", ")}** (20 departments alike; {department} is each of them) · 1 to update each\n`,
      );
      expect(md.out).toContain(
        "\n- `~` update GroupPolicyAssignments `tv-cde-grants-{department}`: 4 entries changed, in words above\n",
      );
      const json = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--format", "json"]);
      succeeded(json);
      const diff = JSON.parse(json.out) as { departments: { department?: string }[] };
      expect(diff.departments.map((d) => d.department)).toEqual(["arganzuela", ...districts.split(", ")]);
    } finally {
      restore();
    }
  });

  it("20 → 2 (approved): one risk per policy type, only where it now comes before another policy", async () => {
    const restoreRank = editFile(arganzuela(), "rank: 20", "rank: 2");
    const restoreApproval = editFile(
      join(dir, "tenant.yaml"),
      "  ranks:\n",
      "  ranks:\n    - department: arganzuela\n      rank: 2\n      reason: A district whose grants must win over every other\n",
    );
    try {
      const out = await plan();
      expect(out.split("\n")[3]).toBe(
        "49 departments change: 4 policy grants changed, 188 grants shift Teams position; 49 to update; no policy findings",
      );
      expect(planSection(out, /^Risks:/)).toEqual([
        "Risks:",
        "  [high] arganzuela: TeamsEmergencyCallingPolicy CDE-Aviso-Distritos rank 20 → 2 now comes before CDE-Aviso-CISEM, CDE-Aviso-Seguridad (actividades, agencia-tributaria, asesoria-juridica and 25 more): people also in those get CDE-Aviso-Distritos",
        "  [medium] arganzuela: OnlineVoiceRoutingPolicy CDE-Nacional rank 20 → 2 now comes before CDE-Internacional, CDE-Local (deportes, limpieza, oficina-digital): people also in those get CDE-Nacional",
        "  [medium] arganzuela: TeamsCallingPolicy CDE-Estandar rank 20 → 2 now comes before CDE-Direccion, CDE-Primera-Linea (bomberos, deportes, limpieza and 3 more): people also in those get CDE-Estandar",
        "  [medium] arganzuela: TenantDialPlan ES-Capital rank 20 → 2 now comes before ES-Capital-Emergencias (bomberos, policia-municipal, samur and 1 more): people also in those get ES-Capital",
      ]);
      expect(out).not.toMatch(/(\S+) → \1\n/);
      // Each title names a department once: no section lists another's name twice.
      const titled = out
        .split("\n")
        .filter((l) => /^[a-z].* · /.test(l))
        .flatMap((l) => l.split(" (")[0]!.split(" · ")[0]!.split(", "));
      expect(titled).toHaveLength(49);
      expect(new Set(titled).size).toBe(49);
    } finally {
      restoreApproval();
      restoreRank();
    }
  });
});
