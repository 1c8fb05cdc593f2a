import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Edit } from "../config/helpers/validate";
import { runBasePlan } from "../../src/plan/runBasePlan";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { IDENTITY, withIdentity, withPolicies } from "../config/rules/helpers/identity";

/**
 * `tenant plan --base` end to end for conditional access: the minimal stack with an identity section committed as
 * the base, then the pull request's edit of tenant.yaml, rendered on both sides and ranked.
 */
function repoWithPullRequest(
  prefix: string,
  [, anchor, withIdentitySection]: Edit,
  pullRequest: (tenantYaml: string) => string,
): { repo: GitRepo; dir: string } {
  const repo = createGitRepo(prefix);
  const dir = repo.addStack(MINIMAL_FIXTURE, "minimal");
  const tenant = join(dir, "tenant.yaml");
  writeFileSync(
    tenant,
    readFileSync(tenant, "utf8").replace(anchor, () => withIdentitySection),
  );
  repo.commitAll("the stack with its identity section");
  writeFileSync(tenant, pullRequest(readFileSync(tenant, "utf8")));
  return { repo, dir };
}

async function planText(dir: string): Promise<string> {
  let out = "";
  const code = await runBasePlan(
    { dir, stack: "test", format: "text", layers: ["landingZone", "identity"], base: "HEAD" },
    (s) => (out += s),
    { evaluator: undefined, now: new Date("2026-11-15T00:00:00Z") },
  );
  expect(code).toBe(0);
  return out;
}

describe("a policy switched from report-only to on", () => {
  let bed: { repo: GitRepo; dir: string };
  beforeAll(() => {
    bed = repoWithPullRequest(
      "tenant-plan-ca-",
      withIdentity(IDENTITY("  conditionalAccess:\n    requireMfa: { state: reportOnly }\n")),
      (yaml) => yaml.replace("requireMfa: { state: reportOnly }", "requireMfa: { state: on }"),
    );
  });
  afterAll(() => bed.repo.remove());

  it("is a high risk of the plan, in words", async () => {
    const out = await planText(bed.dir);
    expect(out).toContain(
      "  [high] tenant-wide: conditional access policy ca-vp-requireMfa switches from report-only to on — from now on Entra blocks every sign-in that does not meet it; check its report-only results first\n",
    );
    expect(out).toContain(
      "  ~ update ConditionalAccessPolicy ca-vp-requireMfa: state enabledForReportingButNotEnforced → enabled\n",
    );
  });
});

describe("an enforced policy that changes whom it covers", () => {
  let bed: { repo: GitRepo; dir: string };
  beforeAll(() => {
    // The pull request: Portugal is allowed too, on a location policy that is already on.
    bed = repoWithPullRequest(
      "tenant-plan-ca-scope-",
      withPolicies("    allowedLocations: { state: on, locations: [espana] }\n"),
      (yaml) =>
        yaml
          .replace(
            "      countries: [ES]\n",
            "      countries: [ES]\n    - id: portugal\n      displayName: Portugal\n      countries: [PT]\n",
          )
          .replace("locations: [espana] }", "locations: [espana, portugal] }"),
    );
  });
  afterAll(() => bed.repo.remove());

  it("is a medium risk naming the setting, with no report-only window", async () => {
    expect(await planText(bed.dir)).toContain(
      "  [medium] tenant-wide: conditional access policy ca-vp-allowedLocations is on and changes conditions.locations.excludedLocations — whom it covers or what it asks changes at once, with no report-only window\n",
    );
  });
});
