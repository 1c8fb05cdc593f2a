import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";
import { editFile, planSection } from "./helpers/planEdits";

/**
 * #15: "The plan describes changes in words": a department's opening hours and menu edited, through
 * `tenant plan --base` on a git repository, in the text and markdown plans.
 */
let bed: GitRepo;
let dir: string;

const SERVICES = `phoneServices:
  resourceAccounts:
    - userPrincipalName: ra-culture-line@villa.example
      displayName: Línea de Cultura
      answers: { autoAttendant: line }
      number: "+34915550100"
  autoAttendants:
    - name: line
      language: es-ES
      greeting: Bienvenido
      businessHours: { weekly: { monday: [08:30-20:00], tuesday: [08:30-20:00] } }
      afterHours: { greeting: Cerrado }
      menu:
        options:
          - { key: "1", to: { callQueue: desk } }
  callQueues:
    - name: desk
      agents: department
    - name: taxes
      agents: department
`;

beforeAll(() => {
  bed = createGitRepo("tenant-plan-phone-");
  dir = bed.addStack(MINIMAL_FIXTURE, "minimal");
  appendFileSync(join(dir, "departments", "culture.yaml"), SERVICES);
  editFile(
    join(dir, "tenant.yaml"),
    "  skus:\n",
    "  skus:\n    - partNumber: PHONESYSTEM_VIRTUALUSER\n      seats: 2\n",
  );
  bed.commitAll("the stack, with the culture line");
});
afterAll(() => bed.remove());

const culture = () => join(dir, "departments", "culture.yaml");

describe("tenant plan --base says phone-service changes in words", () => {
  it("new opening hours and a menu key sent to another queue", async () => {
    const undoHours = editFile(
      culture(),
      "monday: [08:30-20:00], tuesday: [08:30-20:00]",
      "monday: [08:00-21:00], tuesday: [08:00-21:00]",
    );
    const undoMenu = editFile(culture(), "to: { callQueue: desk }", "to: { callQueue: taxes }");
    try {
      const text = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
      expect(text.code).toBe(0);
      expect(planSection(text.out, /^culture/).filter((l) => l.startsWith("  phone:"))).toEqual([
        "  phone: Línea de Cultura (culture-line): opening hours Mon–Tue 08:30–20:00 → Mon–Tue 08:00–21:00; key 1: queue culture-desk → queue culture-taxes",
      ]);
      const markdown = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--format", "markdown"]);
      expect(markdown.out).toContain(
        "- Phone services: Línea de Cultura (culture-line): opening hours Mon–Tue 08:30–20:00 → Mon–Tue 08:00–21:00; key 1: queue culture-desk → queue culture-taxes",
      );
    } finally {
      undoMenu();
      undoHours();
    }
  });

  it("a public line left unanswered out of hours is a high risk, and first in what could hurt", async () => {
    const undo = editFile(culture(), "afterHours: { greeting: Cerrado }", "afterHours: {}");
    try {
      const text = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
      expect(text.code).toBe(0);
      const lines = text.out.split("\n");
      const after = (heading: string) => lines.slice(lines.indexOf(heading) + 1, lines.indexOf(heading) + 2);
      expect(after("What could hurt (worst first):")).toEqual([
        "  1. 1 public line left unanswered or without agents (culture)",
      ]);
      expect(after("Risks:")).toEqual([
        "  [high] culture: Línea de Cultura (culture-line): out of hours +34915550100 is left unanswered: the after-hours flow ends the call at once",
      ]);
      expect(planSection(text.out, /^culture/).filter((l) => l.startsWith("  phone:"))).toEqual([
        "  phone: Línea de Cultura (culture-line): after hours: greeting removed",
        "  phone: Línea de Cultura (culture-line): out of hours +34915550100 is left unanswered: the after-hours flow ends the call at once",
      ]);
    } finally {
      undo();
    }
  });
});
