import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";

const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");

/**
 * The example city committed in a throw-away repository. Its total at the base, by hand: 17,245 E5 × 54.75 +
 * 10,000 F1 × 2.10 + 10,000 Teams Phone × 7.90 + 160 calling plans × 11.20 = 1,045,955.75 EUR a month.
 */
let bed: GitRepo;
let dir: string;

beforeAll(() => {
  bed = createGitRepo("tenant-plan-cost-");
  dir = bed.addStack(EXAMPLE, "example");
  bed.commitAll("the example city");
  // Cultura takes on 20 people: 20 × 54.75 EUR of Microsoft 365 E5 a month, above the 1,000 EUR threshold.
  const file = join(dir, "departments", "cultura.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("headcount: 900", "headcount: 920"));
});
afterAll(() => bed.remove());

const plan = (format: string) => runTenant(["plan", "--dir", dir, "--base", "HEAD", "--format", format]);

describe("tenant plan --base: licence cost", () => {
  it("shows the department's cost change beside the seat chart, with its budget, and the increase as a risk", async () => {
    const { code, out } = await plan("markdown");
    expect(code).toBe(0);
    const lines = out.split("\n");
    const title = lines.findIndex((l) => l.startsWith("**Licence cost**"));
    expect(lines.slice(title, title + 3)).toEqual([
      "**Licence cost** · 1,045,955.75 → 1,047,050.75 EUR a month (+1,095.00)",
      "- `cultura`: 49,275.00 → 50,370.00 EUR a month (+1,095.00) · Azure budget 2,900.00 a month",
      "",
    ]);
    expect(lines[title + 3]).toMatch(/^<details><summary>Seat use per SKU/);
    expect(out).toContain(
      "- 🟠 cultura: licence cost +1,095.00 EUR a month (49,275.00 → 50,370.00), above the 1,000.00 of planRisks.costIncreasePerMonth",
    );
  });

  it("carries the cost per department and in total as numbers in the JSON plan", async () => {
    const { out } = await plan("json");
    const json = JSON.parse(out) as {
      cost: unknown;
      departments: { department?: string; cost?: unknown }[];
      risks: { kind: string; department?: string }[];
    };
    const cultura = { department: "cultura", before: 49275, after: 50370, delta: 1095, budget: 2900 };
    expect(json.cost).toEqual({
      currency: "EUR",
      total: { before: 1045955.75, after: 1047050.75, delta: 1095 },
      departments: [cultura],
      unpriced: [],
    });
    expect(json.departments.find((d) => d.department === "cultura")?.cost).toEqual(cultura);
    expect(json.risks.filter((r) => r.kind === "cost-increase").map((r) => r.department)).toEqual([
      "cultura",
    ]);
  });

  it("says the same in the text plan", async () => {
    const { out } = await plan("text");
    expect(out).toContain(
      "Licence cost: 1,045,955.75 → 1,047,050.75 EUR a month (+1,095.00)\n" +
        "  cultura: 49,275.00 → 50,370.00 EUR a month (+1,095.00) · Azure budget 2,900.00 a month\n",
    );
  });
});
