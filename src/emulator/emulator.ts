import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TenantDefinition } from "../config/definition";
import { formatDiagnostic } from "../config/diagnostics";
import { validateDefinition } from "../config/validate";
import { SystemClock, type Clock } from "./clock";
import { Counters } from "./http/counters";
import type { FaultOptions } from "./http/faults";
import { WriteQuota } from "./http/quota";
import { listen } from "./http/server";
import { createCertificate } from "./http/tls";
import type { AuthConfig, EmulatorCore } from "./http/types";
import { guidFrom } from "./ids";
import { createRng } from "./random";
import { createRouteTable } from "./routes";
import { createTenantState, type TenantState } from "./state";
import { DEFAULT_LICENSING_TIMING, type LicensingTiming } from "./state/licensing";
import { loadStateFile, StateSaver } from "./state/persistence";
import { seedFromDefinition, type GroupDisplayName } from "./state/seed";
import { emptyDocument, type StateDocument } from "./state/types";

export interface StartEmulatorOptions {
  /** 0 (default) picks a free port. The emulator listens on 127.0.0.1 only. */
  port?: number;
  /** Keep the state in this file (written atomically after changes); an existing file wins over `seed`. */
  stateFile?: string;
  /** A definition, or the folder of one, to seed an empty tenant from. */
  seed?: TenantDefinition | string;
  /**
   * With `seed`: start as a successful `pulumi up` of that definition leaves the tenant (licences, Teams
   * policies, grants, addresses, numbers; state/applied.ts). What `up` would have failed on is in `warnings`.
   * A definition instead of `true`: the tenant seeded from `seed` (its users and groups) as an `up` of THAT
   * definition leaves it — the apply forecast's base applied to the head's people (src/forecast).
   */
  applied?: boolean | TenantDefinition;
  /** Initial fault injection; the returned `faults` object is live. */
  faults?: FaultOptions;
  /** Default: wall-clock time (still `advance`-able). Tests pass a `ManualClock`. */
  clock?: Clock;
  /** How seeding names department groups (the seam until the toolkit has its naming function). */
  groupDisplayName?: GroupDisplayName;
  /** The app the token endpoint accepts; defaults are printed by the CLI. */
  auth?: Partial<AuthConfig>;
  /** Durations of group licence processing on the emulator clock. */
  timing?: Partial<LicensingTiming>;
}

export interface EmulatorHandle {
  /** `https://127.0.0.1:<port>/` */
  url: string;
  /** PEM file of the CA that signed the server certificate. */
  caFile: string;
  caPem: string;
  tenantId: string;
  state: TenantState;
  /** Live: changes apply to the next request. */
  faults: FaultOptions;
  counters: Counters;
  clock: Clock;
  auth: AuthConfig;
  /** Access tokens the token endpoint issued, so a test can check that none of them was stored anywhere. */
  issuedTokens: ReadonlySet<string>;
  /** Notes from seeding (e.g. rules the emulator could not build users for). */
  warnings: string[];
  stop(): Promise<void>;
}

/** Default app credentials of the token endpoint (not secrets: the emulator is local and throw-away). */
export const DEFAULT_CLIENT_ID = "00000000-0000-0000-0000-00000000e001";
export const DEFAULT_CLIENT_SECRET = "emulator-secret";

const EMPTY_TENANT_ID = guidFrom("tenant-emulator", "empty-tenant");

function definitionFrom(seed: TenantDefinition | string): TenantDefinition {
  if (typeof seed !== "string") return seed;
  const result = validateDefinition(seed);
  if (!result.definition) {
    const lines = result.diagnostics.slice(0, 10).map(formatDiagnostic);
    throw new Error(`cannot seed the emulator from ${seed}: the definition is invalid\n${lines.join("\n")}`);
  }
  return result.definition;
}

/** Starts the emulator: state (loaded, seeded or empty), certificate, HTTPS listener. */
export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  const clock = opts.clock ?? new SystemClock();
  const warnings: string[] = [];
  if (opts.applied && opts.seed === undefined) {
    throw new Error("startEmulator: `applied` needs `seed` — the definition to apply");
  }
  let doc: StateDocument | undefined = opts.stateFile ? loadStateFile(opts.stateFile) : undefined;
  if (!doc && opts.seed !== undefined) {
    const definition = definitionFrom(opts.seed);
    const seeded = seedFromDefinition(definition, {
      groupDisplayName: opts.groupDisplayName,
      now: clock.now(),
    });
    doc = seeded.doc;
    warnings.push(...seeded.warnings);
    if (opts.applied) {
      // Loaded only here: it brings the providers (and the Pulumi SDK) a plain emulator does not need.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { applyDefinition } = require("./state/applied") as typeof import("./state/applied");
      const toApply = opts.applied === true ? definition : opts.applied;
      const applied = await applyDefinition(doc, toApply, { now: clock.now() });
      warnings.push(...applied.warnings);
    }
  }
  doc ??= emptyDocument({
    tenantId: EMPTY_TENANT_ID,
    displayName: "Empty tenant",
    verifiedDomains: ["emulator.example"],
    defaultUsageLocation: null,
  });
  const state = createTenantState(doc, clock);
  state.settle();

  let rng = createRng(opts.faults?.seed ?? 1);
  // Assigning `seed` (even the same value) restarts the fault sequence, so a run can be replayed mid-test.
  const faults = new Proxy<FaultOptions>(
    { ...(opts.faults ?? {}) },
    {
      set(target, prop, value) {
        (target as Record<string | symbol, unknown>)[prop] = value;
        if (prop === "seed") rng = createRng(typeof value === "number" ? value : 1);
        return true;
      },
    },
  );
  const saver = opts.stateFile
    ? new StateSaver(opts.stateFile, () => ({ revision: state.revision, doc: state.doc }))
    : undefined;
  const core: EmulatorCore = {
    state,
    clock,
    faults,
    counters: new Counters(),
    quota: new WriteQuota(clock),
    routes: createRouteTable(),
    timing: { ...DEFAULT_LICENSING_TIMING, ...(opts.timing ?? {}) },
    auth: {
      clientId: DEFAULT_CLIENT_ID,
      clientSecret: DEFAULT_CLIENT_SECRET,
      acceptAnyToken: true,
      ...(opts.auth ?? {}),
    },
    issuedTokens: new Set(),
    random: () => rng(),
    changed: () => saver?.changed(),
  };
  saver?.flush();

  const cert = await createCertificate(new Date());
  const caDir = opts.stateFile ? undefined : mkdtempSync(join(tmpdir(), "tenant-emulator-"));
  const caFile = opts.stateFile ? `${opts.stateFile}.ca.pem` : join(caDir!, "ca.pem");
  writeFileSync(caFile, cert.caPem);
  const server = await listen(core, cert, opts.port ?? 0);

  let stopped = false;
  return {
    url: `https://127.0.0.1:${server.port}/`,
    caFile,
    caPem: cert.caPem,
    tenantId: state.tenant.tenantId,
    state,
    faults,
    counters: core.counters,
    clock,
    auth: core.auth,
    issuedTokens: core.issuedTokens,
    warnings,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
      state.settle();
      saver?.flush();
      if (caDir) rmSync(caDir, { recursive: true, force: true });
    },
  };
}
