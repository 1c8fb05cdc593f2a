/**
 * Every generated file of the repository, by the generator that owns it. `npm run gen` writes them and
 * `npm run gen -- --check` compares them (tools/gen/main.ts); each generator's own `gen:*` script stays the way to
 * run it alone. A generator computes its files in memory and never writes: the runner does.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { EXAMPLE_DIR, exampleNumberFiles } from "../../bench/example-numbers";
import {
  DEFAULT_PLATFORM_TEAM,
  expectedCodeowners,
  readCodeowners,
  rememberedPlatformTeam,
} from "../../src/codeowners/codeowners";
import { departmentSchema } from "../../src/config/schema/department";
import { tenantSchema } from "../../src/config/schema/tenant";
import { generateDocFiles } from "../../src/config/docs/reference";
import { generateSchemaFiles, REPO_ROOT } from "../../src/config/jsonSchemas";
import { renderFormattedFidelityDoc } from "../../src/fidelity/generateDoc";
import { buildGraphContract } from "../../src/graphContract/build";
import { checkPermissionManifests } from "../../src/permissions/check";
import { renderFormattedPermissionsDoc } from "../../src/permissions/generateDoc";
import { PERMISSION_MANIFESTS } from "../../src/permissions/registry";
import { formatPlanMarkdown } from "../../src/plan/format/markdown";
import { toPosixPath } from "../../src/posixPath";
import { generatedFiles as policyGeneratedFiles } from "../../src/policy/generated";
import { driverAllowListFile } from "../../src/teams/powershell/contract";
import { alzParityDoc } from "../../tests/landing-zone/helpers/alzLibrary";
import { SCENARIOS } from "../../tests/plan/helpers/scenarios";
import { generate as generateCmdletContract } from "../cmdlet-contract/generate";
import { CONTRACT_PATH as GRAPH_CONTRACT_PATH, reader as graphDocsReader } from "../graph-contract/generate";

/** Repository-relative path (with `/`) → the exact content it should have. */
export type GeneratedFiles = Map<string, string>;

export interface GenOptions {
  /** A checkout of microsoftgraph/microsoft-graph-docs-contrib (the Graph contract needs one). */
  graphDocs?: string;
  /** A checkout of MicrosoftDocs/office-docs-powershell (the cmdlet contract needs one). */
  powershellDocs?: string;
}

export interface Generator {
  name: string;
  /** How to run this generator alone. */
  alone: string;
  /** Why it cannot run with these options (an input it reads is missing); undefined when it can. */
  unavailable?(opts: GenOptions): string | undefined;
  /** Its files as they should be. */
  files(opts: GenOptions): Promise<GeneratedFiles>;
  /** Files it once generated that should no longer exist (e.g. the numbers of a department that has none). */
  obsolete?(expected: GeneratedFiles): string[];
  /** Run after its files were written (e.g. what is derived from them in a fresh process). */
  afterWrite?(): void;
}

const posix = (abs: string) => toPosixPath(relative(REPO_ROOT, abs));

export const ALZ_PARITY_DOC = "docs/alz-parity.md";
/** Golden pull-request comments of tests/plan/markdown.golden.test.ts, one per scenario. */
export const PLAN_GOLDEN_DIR = "tests/fixtures/plan";
const EXAMPLE_NUMBERS_DIR = posix(join(EXAMPLE_DIR, "numbers"));

export function planGoldenFiles(): GeneratedFiles {
  return new Map(
    Object.entries(SCENARIOS).map(([name, plan]) => [
      `${PLAN_GOLDEN_DIR}/${name}.md.golden`,
      formatPlanMarkdown(plan()),
    ]),
  );
}

/** What `tenant codeowners --stack example` writes (keeping the platform team the committed file names). */
function exampleCodeowners(): string {
  const committed = readCodeowners(join(REPO_ROOT, ".github", "CODEOWNERS"));
  const platformTeam = rememberedPlatformTeam(committed) ?? DEFAULT_PLATFORM_TEAM;
  const expected = expectedCodeowners({ dir: EXAMPLE_DIR, root: REPO_ROOT, stack: "example", platformTeam });
  if ("problems" in expected) {
    throw new Error(`the example definition is invalid — run npx tenant validate --stack example`);
  }
  return expected.text;
}

function exampleNumbers(): GeneratedFiles {
  const yaml = (path: string) => parse(readFileSync(path, "utf8")) as unknown;
  const tenant = tenantSchema.parse(yaml(join(EXAMPLE_DIR, "tenant.yaml")));
  const departments = readdirSync(join(EXAMPLE_DIR, "departments"))
    .filter((n) => n.endsWith(".yaml"))
    .map((n) => departmentSchema.parse(yaml(join(EXAMPLE_DIR, "departments", n))));
  const files = exampleNumberFiles(tenant, departments);
  return new Map([...files].map(([id, csv]) => [`${EXAMPLE_NUMBERS_DIR}/${id}.csv`, csv]));
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** In the order they run: the driver's allow-list before the contract it is derived from (see afterWrite). */
export const GENERATORS: readonly Generator[] = [
  {
    name: "schemas",
    alone: "npm run gen:schemas",
    files: async () => generateSchemaFiles(REPO_ROOT),
  },
  {
    name: "docs",
    alone: "npm run gen:docs",
    files: async () => generateDocFiles(REPO_ROOT),
  },
  {
    name: "permissions",
    alone: "npm run gen:permissions",
    files: async () => {
      const problems = checkPermissionManifests(PERMISSION_MANIFESTS);
      if (problems.length > 0)
        throw new Error(
          `permission manifests break the least-privilege check:\n  - ${problems.join("\n  - ")}`,
        );
      return new Map([["docs/permissions.md", await renderFormattedPermissionsDoc()]]);
    },
  },
  {
    name: "fidelity",
    alone: "npm run gen:fidelity",
    files: async () => new Map([["docs/fidelity.md", await renderFormattedFidelityDoc()]]),
  },
  {
    name: "rules",
    alone: "npm run gen:rules",
    files: async () => new Map(policyGeneratedFiles().map((f) => [posix(f.path), f.content])),
  },
  {
    name: "codeowners",
    alone: "npx tenant codeowners --stack example",
    files: async () => new Map([[".github/CODEOWNERS", exampleCodeowners()]]),
  },
  {
    name: "example-numbers",
    alone: "npm run example:numbers",
    files: async () => exampleNumbers(),
    obsolete: (expected) =>
      readdirSync(join(REPO_ROOT, EXAMPLE_NUMBERS_DIR))
        .filter((n) => n.endsWith(".csv"))
        .map((n) => `${EXAMPLE_NUMBERS_DIR}/${n}`)
        .filter((p) => !expected.has(p)),
  },
  {
    name: "alz-parity",
    alone: "UPDATE_GOLDEN=1 npx jest tests/landing-zone/alzParity",
    files: async () => new Map([[ALZ_PARITY_DOC, alzParityDoc()]]),
  },
  {
    name: "plan-goldens",
    alone: "UPDATE_GOLDEN=1 npx jest tests/plan/markdown.golden",
    files: async () => planGoldenFiles(),
  },
  {
    name: "driver-allow-list",
    alone: "npx tsx tools/cmdlet-contract/writeAllowList.ts",
    files: async () =>
      new Map([["src/teams/powershell/contract/driver-allow-list.json", json(driverAllowListFile())]]),
  },
  {
    name: "cmdlet-contract",
    alone: "npx tsx tools/cmdlet-contract/generate.ts <office-docs-powershell checkout>",
    unavailable: (opts) =>
      opts.powershellDocs
        ? undefined
        : "needs --powershell-docs <MicrosoftDocs/office-docs-powershell checkout>",
    files: async (opts) =>
      new Map([
        [
          "src/teams/powershell/contract/teams-cmdlets.json",
          json(generateCmdletContract(opts.powershellDocs!)),
        ],
      ]),
    // The allow-list is derived from the contract module this process already loaded: derive it afresh.
    afterWrite: () =>
      execFileSync("npx", ["tsx", join(REPO_ROOT, "tools", "cmdlet-contract", "writeAllowList.ts")], {
        stdio: "inherit",
      }),
  },
  {
    name: "graph-contract",
    alone: "npx tsx tools/graph-contract/generate.ts --docs <microsoft-graph-docs-contrib checkout>",
    unavailable: (opts) =>
      opts.graphDocs
        ? undefined
        : "needs --graph-docs <microsoftgraph/microsoft-graph-docs-contrib checkout>",
    files: async (opts) => {
      const { read, note } = graphDocsReader(opts.graphDocs!);
      return new Map([[posix(GRAPH_CONTRACT_PATH), json(buildGraphContract(read, note))]]);
    },
  },
];
