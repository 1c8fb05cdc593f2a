/**
 * The scheduled drift workflow: valid for action-validator (as every workflow), and wired as docs/drift.md
 * says — schedule + manual, OIDC only, exit 3 updates one issue, any other non-zero fails the run.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const ROOT = join(__dirname, "..", "..");
const FILE = join(ROOT, ".github", "workflows", "tenant-drift.yml");

test("tenant-drift.yml passes action-validator", () => {
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "action-validator"), [FILE], { encoding: "utf8" });
  expect(r.stdout + r.stderr).toBe("");
  expect(r.status).toBe(0);
});

test("scheduled and manual, federated credentials only, one issue on drift, failure on error", () => {
  const text = readFileSync(FILE, "utf8");
  /* eslint-disable @typescript-eslint/no-explicit-any -- workflow YAML read as plain data */
  const wf = parse(text) as any;
  expect(Object.keys(wf.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
  expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
  expect(wf.permissions).toEqual({ contents: "read", "id-token": "write", issues: "write" });
  // No client secret or certificate anywhere: OIDC federated credential and tokens derived from it.
  expect(text).not.toMatch(/AZURE_CLIENT_SECRET|CERTIFICATE/);
  const steps = wf.jobs.drift.steps as any[];
  const drift = steps.find((s) => s.id === "drift");
  expect(drift.run).toContain(
    'npx tenant drift --stack "$TENANT_STACK" --graph https://graph.microsoft.com --format markdown --out drift.md',
  );
  expect(drift.run).toMatch(/if \[ "\$code" -ne 0 \] && \[ "\$code" -ne 3 \]; then[\s\S]*exit "\$code"/);
  const issue = steps.find((s) => s.name === "Open or update the drift issue");
  expect(issue.if).toBe("steps.drift.outputs.code == '3'");
  expect(issue.run).toContain("gh issue edit");
  expect(issue.run).toContain("gh issue create");
  const close = steps.find((s) => s.name === "Close the drift issue when the tenant matches again");
  expect(close.if).toBe("steps.drift.outputs.code == '0'");
  // Every step that comes before the drift run and needs the tenant uses the federated sign-in.
  expect(steps.findIndex((s) => s.uses === "azure/login@v2")).toBeLessThan(steps.indexOf(drift));
});
