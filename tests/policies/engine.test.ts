import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { evaluatePolicies } from "../../src/policy";
import { SecretValue, UNKNOWN, type RenderedGraph, type RenderedResource } from "../../src/render/graph";
import { renderTenant } from "../../src/render/renderer";
import { loadValidDefinition } from "../../src/stackConfig";
import { registry } from "../../policies/registry";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

/**
 * The pack as the Pulumi CLI runs it: `@pulumi/pulumi/cmd/run-policy-pack` in policies/ (ts-node, type-checked),
 * spoken to over the analyzer's gRPC protocol. Proves the pack loads from the repository as it stands and that
 * the real analyzer and the offline evaluator give the same results for the same graph.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- generated gRPC stubs are untyped here */
const grpc = require("@grpc/grpc-js");
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
const { unknownStringValue } = require("@pulumi/policy/proxy");
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, "..", "..");
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;

let pack: ChildProcess;
let client: any;

function call<T>(method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    client[method](request, (err: Error | null, res: T) => (err ? reject(err) : resolve(res))),
  );
}

/** Inputs on the wire: secrets in plaintext (the analyzer unwraps them), unknowns as the engine's sentinel. */
function wire(value: unknown): unknown {
  if (value instanceof SecretValue) return wire(value.value);
  if (value === UNKNOWN) return unknownStringValue;
  if (Array.isArray(value)) return value.map(wire);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v)]));
  }
  return value;
}

function options(r: RenderedResource): any {
  const o = new analyzerProto.AnalyzerResourceOptions();
  if (r.parent) o.setParent(r.parent);
  return o;
}

interface EngineResult {
  policy: string;
  level: string;
  message: string;
  urn?: string;
}

function results(diagnostics: any[]): EngineResult[] {
  return diagnostics.map((d) => ({
    policy: d.getPolicyname(),
    level: LEVELS[d.getEnforcementlevel()],
    // The analyzer prefixes the description; the offline result carries the message alone.
    message: d.getMessage().replace(`${d.getDescription()}\n`, ""),
    ...(d.getUrn() ? { urn: d.getUrn() } : {}),
  }));
}

async function analyze(graph: RenderedGraph): Promise<EngineResult[]> {
  const found: EngineResult[] = [];
  for (const r of graph.resources) {
    if (r.read) continue;
    const req = new analyzerProto.AnalyzeRequest();
    req.setType(r.type);
    req.setUrn(r.urn);
    req.setName(r.name);
    req.setProperties(Struct.fromJavaScript(wire(r.inputs)));
    req.setOptions(options(r));
    const res: any = await call("analyze", req);
    found.push(...results(res.getDiagnosticsList()).map((d) => ({ ...d, urn: d.urn ?? r.urn })));
  }
  const stack = new analyzerProto.AnalyzeStackRequest();
  stack.setResourcesList(
    graph.resources.map((r) => {
      const a = new analyzerProto.AnalyzerResource();
      a.setType(r.type);
      a.setUrn(r.urn);
      a.setName(r.name);
      a.setProperties(Struct.fromJavaScript(wire(r.inputs)));
      a.setOptions(options(r));
      if (r.parent) a.setParent(r.parent);
      a.setDependenciesList(r.dependencies);
      return a;
    }),
  );
  const res: any = await call("analyzeStack", stack);
  found.push(...results(res.getDiagnosticsList()));
  return found;
}

let graph: RenderedGraph;

beforeAll(async () => {
  pack = spawn(
    process.execPath,
    [join(ROOT, "node_modules/@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:1", "."],
    {
      cwd: join(ROOT, "policies"),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  pack.stderr?.on("data", (d) => (stderr += String(d)));
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    pack.stdout?.on("data", (d) => {
      out += String(d);
      const m = /^(\d+)\s*$/m.exec(out);
      if (m) resolve(m[1]);
    });
    pack.on("exit", (code) => reject(new Error(`the pack exited with ${code} before serving:\n${stderr}`)));
  });
  client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const definition = loadValidDefinition(MINIMAL_FIXTURE);
  // A department in a region the landing zone does not allow, and a resource group without its tags.
  const moved = {
    ...definition,
    departments: definition.departments.map((d) =>
      d.id === "mobility" ? { ...d, network: { ...d.network, region: "eastus" } } : d,
    ),
  };
  graph = (
    await renderTenant(moved, {
      layers: ["landingZone", "identity", "m365", "teamsVoice"],
      budgetStartDate: "2026-11-01T00:00:00Z",
      environment: "test",
    })
  ).graph;
  const rg = graph.resources.find((r) => r.name === "rg-vp-culture") as RenderedResource;
  rg.inputs = { ...rg.inputs, tags: { managedBy: "tenant-provisioning" } };
});

afterAll(() => {
  client?.close();
  pack?.kill();
});

describe("the pack under the engine's loader", () => {
  it("serves every registered policy with its metadata", async () => {
    const info: any = await call("getAnalyzerInfo", new Empty());
    expect(info.getName()).toBe("tenant-guard");
    expect(info.getVersion()).toBe("0.1.0");
    expect(
      info
        .getPoliciesList()
        .map((p: any) => [p.getName(), LEVELS[p.getEnforcementlevel()], p.getDescription()]),
    ).toEqual(registry.all().map(({ metadata: m }) => [m.id, m.enforcementLevel, m.description]));
  });

  it("reports what the offline evaluator reports for the same graph", async () => {
    const offline = evaluatePolicies(graph).map((r) => ({
      policy: r.policy,
      level: r.enforcementLevel,
      message: r.message,
      ...(r.urn ? { urn: r.urn } : {}),
    }));
    const sort = (list: EngineResult[]) =>
      [...list].sort((a, b) =>
        `${a.policy}${a.urn}${a.message}`.localeCompare(`${b.policy}${b.urn}${b.message}`),
      );
    const engine = await analyze(graph);
    expect(offline.length).toBeGreaterThanOrEqual(3);
    expect(sort(engine)).toEqual(sort(offline));
  });
});
