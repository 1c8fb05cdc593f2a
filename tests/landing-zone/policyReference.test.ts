import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ofType, type CapturedResource } from "../helpers/pulumiMocks";
import {
  VENDORED_REFERENCE,
  checkAssignment,
  loadBuiltIns,
  type AssignmentUnderCheck,
} from "./helpers/policyReference";
import { renderLandingZone } from "./helpers/renderLandingZone";

const builtIns = loadBuiltIns();
let assignments: CapturedResource[];
let customs: Record<string, unknown>[];

beforeAll(async () => {
  const { captured } = await renderLandingZone();
  assignments = ofType(captured, "azure-native:authorization:PolicyAssignment");
  customs = ofType(captured, "azure-native:authorization:PolicyDefinitionAtManagementGroup").map(
    (c) => c.inputs,
  );
});

/** A rendered assignment by name, deep-copied so a negative case can break it. */
function rendered(name: string): AssignmentUnderCheck & Record<string, unknown> {
  const found = assignments.find((a) => a.inputs.policyAssignmentName === name);
  if (!found) throw new Error(`no rendered assignment '${name}'`);
  return structuredClone(found.inputs);
}

const errorsOf = (a: AssignmentUnderCheck) => checkAssignment(a, builtIns, customs).errors;

test("every assignment the landing zone renders is one Azure would accept", () => {
  expect(assignments.length).toBeGreaterThan(0);
  const problems = assignments.map((a) => ({
    name: a.name,
    ...checkAssignment(a.inputs, builtIns, customs),
  }));
  expect(problems.filter((p) => p.errors.length > 0 || p.warnings.length > 0)).toEqual([]);
});

test("the vendored reference is the copy its README records, and every entry names its source", () => {
  const readme = readFileSync(join(__dirname, "reference", "README.md"), "utf8");
  const sha = createHash("sha256").update(readFileSync(VENDORED_REFERENCE)).digest("hex");
  expect(readme).toContain(`\`${sha}\``);
  const entries = JSON.parse(readFileSync(VENDORED_REFERENCE, "utf8")) as {
    source?: Record<string, string>;
  }[];
  expect(entries.length).toBe(builtIns.size);
  for (const e of entries) {
    expect(e.source).toMatchObject({
      repo: "Azure/azure-policy",
      commit: "f4a50bacae07ddb096943c597669bcae494a6e29",
      path: expect.stringMatching(/^built-in-policies\//),
    });
  }
});

describe("the check refuses what Azure refuses", () => {
  test("a made-up GUID", () => {
    const a = rendered("Deny-Resource-Locations");
    a.policyDefinitionId =
      "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4d";
    expect(errorsOf(a)).toEqual([expect.stringContaining("is not a built-in in the reference data")]);
  });

  test("a misspelt parameter name, which also leaves the required one out", () => {
    const a = rendered("Deny-Resource-Locations");
    a.parameters = { listOfAllowedLocation: { value: ["westeurope"] } };
    expect(errorsOf(a)).toEqual([
      expect.stringContaining("parameter 'listOfAllowedLocation' does not exist"),
      expect.stringContaining("required parameter 'listOfAllowedLocations'"),
    ]);
  });

  test("a value without the { value } shape", () => {
    const a = rendered("Deny-Resource-Locations");
    a.parameters = { listOfAllowedLocations: ["westeurope"] };
    expect(errorsOf(a)).toEqual([expect.stringContaining("must have the shape { value }")]);
  });

  test("a value of the wrong type", () => {
    const a = rendered("Deploy-AzActivity-Log");
    a.parameters = { logAnalytics: { value: ["workspace"] } };
    expect(errorsOf(a)).toEqual([expect.stringContaining("must be of type String")]);
  });

  test("an effect outside the allowed values, case-sensitively", () => {
    const a = rendered("Deny-Public-IP");
    a.parameters = { ...(a.parameters as object), effect: { value: "deny" } };
    expect(errorsOf(a)).toEqual([expect.stringContaining('"deny" not in its allowed values')]);
  });

  test("spaincentral on a Sovereignty Baseline set, whose region list does not have it", () => {
    const a = rendered("Deny-Resource-Locations");
    a.policyDefinitionId =
      "/providers/Microsoft.Authorization/policySetDefinitions/c1cbff38-87c0-4b9f-9f70-035c7a3b5523";
    a.parameters = { listOfAllowedLocations: { value: ["spaincentral", "westeurope"] } };
    expect(errorsOf(a)).toEqual([expect.stringContaining('"spaincentral" not in its allowed values')]);
  });

  test("a policy set referenced as a policy definition", () => {
    const a = rendered("Deny-Resource-Locations");
    a.policyDefinitionId =
      "/providers/Microsoft.Authorization/policyDefinitions/bebfcba2-e789-4da6-9043-726ef3a00d02";
    expect(errorsOf(a)).toEqual([expect.stringContaining("must use 'policySetDefinitions'")]);
  });

  test("a DeployIfNotExists assignment without identity or location", () => {
    const a = rendered("Deploy-AzActivity-Log");
    delete a.identity;
    delete a.location;
    expect(errorsOf(a)).toEqual([
      expect.stringContaining("needs a managed identity"),
      expect.stringContaining("needs a location"),
    ]);
  });

  test("a custom definition that is not created, or a parameter it does not declare", () => {
    const missing = rendered("Deny-RG-Dept-Values");
    missing.policyDefinitionId = String(missing.policyDefinitionId).replace(
      "Deny-RG-Tag-Values",
      "Deny-RG-Tag-Value",
    );
    expect(errorsOf(missing)).toEqual([
      expect.stringContaining("no custom policy definition 'Deny-RG-Tag-Value'"),
    ]);
    const extra = rendered("Deny-RG-Dept-Values");
    extra.parameters = { ...(extra.parameters as object), tagValue: { value: "x" } };
    expect(errorsOf(extra)).toEqual([expect.stringContaining("parameter 'tagValue' does not exist")]);
  });

  test("a name over 24 characters at management-group scope, DoNotEnforce, no message", () => {
    const a = rendered("Deny-RG-Locations");
    a.policyAssignmentName = "Deny-Resource-Group-Locations";
    a.enforcementMode = "DoNotEnforce";
    a.nonComplianceMessages = [];
    expect(errorsOf(a)).toEqual([
      expect.stringContaining("1 to 24 characters"),
      "enforcementMode must be 'Default'",
      "nonComplianceMessages must hold at least one message",
    ]);
  });

  test("a case-only difference in a parameter name is a warning, not an error", () => {
    const a = rendered("Deploy-AzActivity-Log");
    a.parameters = { LogAnalytics: { value: "workspace" } };
    expect(checkAssignment(a, builtIns, customs)).toEqual({
      errors: [],
      warnings: [expect.stringContaining("differs only in case")],
    });
  });
});
