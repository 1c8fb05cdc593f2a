import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runBasePlan } from "../../src/plan/runBasePlan";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { IDENTITY, withIdentity, withPolicies } from "../config/rules/helpers/identity";

/**
 * `tenant plan --base` end to end: a pull request that switches the MFA policy from reportOnly to on renders both
 * sides and ranks the switch as a high risk, in words.
 */
let bed: GitRepo;
let dir: string;

const [, last, withBlock] = withIdentity(
  IDENTITY("  conditionalAccess:\n    requireMfa: { state: reportOnly }\n"),
);

beforeAll(() => {
  bed = createGitRepo("tenant-plan-ca-");
  dir = bed.addStack(MINIMAL_FIXTURE, "minimal");
  const tenant = join(dir, "tenant.yaml");
  writeFileSync(
    tenant,
    readFileSync(tenant, "utf8").replace(last, () => withBlock),
  );
  bed.commitAll("the stack, MFA in report-only");
  writeFileSync(
    tenant,
    readFileSync(tenant, "utf8").replace("requireMfa: { state: reportOnly }", "requireMfa: { state: on }"),
  );
});
afterAll(() => bed.remove());

it("a conditional access policy switched on is a high risk of the plan", async () => {
  let out = "";
  const code = await runBasePlan(
    { dir, stack: "test", format: "text", layers: ["landingZone", "identity"], base: "HEAD" },
    (s) => (out += s),
    { evaluator: undefined, now: new Date("2026-11-15T00:00:00Z") },
  );
  expect(code).toBe(0);
  expect(out).toContain(
    "  [high] tenant-wide: conditional access policy ca-vp-requireMfa switches from report-only to on — from now on Entra blocks every sign-in that does not meet it; check its report-only results first\n",
  );
  expect(out).toContain(
    "  ~ update ConditionalAccessPolicy ca-vp-requireMfa: state enabledForReportingButNotEnforced → enabled\n",
  );
});

describe("an enforced policy that changes whom it covers", () => {
  let repo: GitRepo;
  let stack: string;
  const [, anchor, withLocations] = withPolicies(
    "    allowedLocations: { state: on, locations: [espana] }\n",
  );

  beforeAll(() => {
    repo = createGitRepo("tenant-plan-ca-scope-");
    stack = repo.addStack(MINIMAL_FIXTURE, "minimal");
    const tenant = join(stack, "tenant.yaml");
    writeFileSync(
      tenant,
      readFileSync(tenant, "utf8").replace(anchor, () => withLocations),
    );
    repo.commitAll("the stack, sign-in only from Spain, enforced");
    // The pull request: Portugal is allowed too, on a policy that is already on.
    writeFileSync(
      tenant,
      readFileSync(tenant, "utf8")
        .replace(
          "      countries: [ES]\n",
          "      countries: [ES]\n    - id: portugal\n      displayName: Portugal\n      countries: [PT]\n",
        )
        .replace("locations: [espana] }", "locations: [espana, portugal] }"),
    );
  });
  afterAll(() => repo.remove());

  it("is a medium risk naming the setting, with no report-only window", async () => {
    let out = "";
    const code = await runBasePlan(
      { dir: stack, stack: "test", format: "text", layers: ["landingZone", "identity"], base: "HEAD" },
      (s) => (out += s),
      { evaluator: undefined, now: new Date("2026-11-15T00:00:00Z") },
    );
    expect(code).toBe(0);
    expect(out).toContain(
      "  [medium] tenant-wide: conditional access policy ca-vp-allowedLocations is on and changes conditions.locations.excludedLocations — whom it covers or what it asks changes at once, with no report-only window\n",
    );
  });
});
