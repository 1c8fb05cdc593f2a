import type { PhoneServicesRunner } from "../../../../src/teams/phoneServices/adapter";
import type { PhoneServicesBackend } from "../../../../src/teams/phoneServices/backend";
import type { PhoneServicesInputs } from "../../../../src/teams/phoneServices/diff";
import type { PsObject } from "../../../../src/teams/powershell/results";
import { TeamsPowerShellError } from "../../../../src/teams/powershell/errors";

/** One cmdlet call as the runner saw it. */
export interface Call {
  cmdlet: string;
  parameters: Record<string, unknown>;
}

/**
 * A fault for the calls matching `when`: `throttle` (429-like, no effect), `fail` (refused, no effect) or
 * `lose` (carried out, then the answer is lost). `times` calls are hit (default 1).
 */
export interface Fault {
  when: (c: Call) => boolean;
  kind: "throttle" | "fail" | "lose";
  times?: number;
}

/** Records every call and injects faults, in front of the real runner (the fake pwsh). */
export class RecordingRunner implements PhoneServicesRunner {
  readonly calls: Call[] = [];
  faults: Fault[] = [];
  constructor(private readonly inner: PhoneServicesRunner) {}

  async run(cmdlet: string, parameters: Record<string, unknown> = {}): Promise<PsObject[]> {
    const call = { cmdlet, parameters };
    this.calls.push(call);
    const fault = this.faults.find((f) => (f.times ?? 1) > 0 && f.when(call));
    if (fault) fault.times = (fault.times ?? 1) - 1;
    if (fault?.kind === "throttle")
      throw new TeamsPowerShellError(cmdlet, "ServerBusy", "Too many requests: the request was throttled.");
    if (fault?.kind === "fail")
      throw new TeamsPowerShellError(
        cmdlet,
        "InvalidOperation",
        "Injected failure: the service refused the call.",
      );
    const out = await this.inner.run(cmdlet, parameters);
    if (fault?.kind === "lose") throw new Error(`the connection dropped after ${cmdlet} was sent`);
    return out;
  }

  /** Cmdlet names since `from`, in order. */
  since(from: number): string[] {
    return this.calls.slice(from).map((c) => c.cmdlet);
  }
  writesSince(from: number): string[] {
    return this.since(from).filter((c) => !c.startsWith("Get-"));
  }
}

export const AGENTS: Record<string, string> = {
  "ana@villa.example": "11111111-1111-4111-8111-111111111111",
  "luis@villa.example": "11111111-1111-4111-8111-111111111112",
};

/** Users from a fixed directory; usage locations, licensed and deleted accounts recorded. */
export function testBackend(ps: PhoneServicesRunner) {
  const usageLocations = new Map<string, string>();
  const deleted: string[] = [];
  const licensed: string[] = [];
  const backend: PhoneServicesBackend = {
    ps,
    resolveUsers: async (upns) =>
      new Map(
        upns.map((u) => [
          u.toLowerCase(),
          AGENTS[u.toLowerCase()]
            ? { id: AGENTS[u.toLowerCase()] }
            : { reason: `no user has the principal name "${u}" (404)` },
        ]),
      ),
    ensureUsageLocation: async (id, _upn, location) => void usageLocations.set(id, location),
    ensureLicence: async (id) => {
      // The real backend's order: assignLicense refuses an account without a usage location.
      if (!usageLocations.has(id)) throw new Error(`licence before usage location for ${id}`);
      licensed.push(id);
    },
    deleteAccount: async (id) => void deleted.push(id),
  };
  return { backend, usageLocations, deleted, licensed };
}

/** A small department: a citizen line whose menu reaches a queue, a person and a second attendant. */
export function district(
  department: string,
  n: number,
  scheduleIds: Record<string, string[]> = {},
): PhoneServicesInputs {
  const p = (s: string) => `${department}-${s}`;
  const number = (i: number) => `+3491555${String(n * 10 + i).padStart(4, "0")}`;
  return {
    department,
    scheduleIds,
    callQueues: [
      {
        name: p("taxes"),
        agents: ["ana@villa.example"],
        agentGroupIds: [],
        routing: "LongestIdle",
        presenceBasedRouting: true,
        allowOptOut: true,
        agentAlertTime: 30,
        overflowThreshold: 20,
        overflow: { action: "Forward", target: { type: "autoAttendant", name: p("switchboard") } },
        timeoutSeconds: 600,
        timeout: { action: "Disconnect" },
        useDefaultMusicOnHold: true,
      },
    ],
    autoAttendants: [
      {
        name: p("citizen-line"),
        language: "es-ES",
        timeZone: "Romance Standard Time",
        open: {
          greeting: "Bienvenido",
          options: [
            { key: "1", action: "transfer", target: { type: "callQueue", name: p("taxes") } },
            { key: "2", action: "transfer", target: { type: "autoAttendant", name: p("switchboard") } },
            {
              key: "3",
              action: "transfer",
              target: { type: "user", userPrincipalName: "luis@villa.example" },
            },
          ],
        },
        hours: {
          weekly: { monday: [{ start: "08:30", end: "20:00" }], friday: [{ start: "08:30", end: "14:00" }] },
        },
        afterHours: { greeting: "Estamos cerrados", options: [] },
      },
      {
        name: p("switchboard"),
        language: "es-ES",
        timeZone: "Romance Standard Time",
        open: { greeting: "Junta de distrito", options: [{ key: "0", action: "operator" }] },
        operator: { type: "externalNumber", number: "+34910000000" },
      },
    ],
    resourceAccounts: [
      {
        userPrincipalName: `ra-${department}-line@villa.example`,
        displayName: "Línea ciudadana",
        answers: { type: "autoAttendant", name: p("citizen-line") },
        number: number(1),
        numberType: "directRouting",
        usageLocation: "ES",
      },
      {
        userPrincipalName: `ra-${department}-switchboard@villa.example`,
        displayName: "Centralita",
        answers: { type: "autoAttendant", name: p("switchboard") },
        usageLocation: "ES",
      },
      {
        userPrincipalName: `ra-${department}-taxes@villa.example`,
        displayName: "Impuestos",
        answers: { type: "callQueue", name: p("taxes") },
        number: number(2),
        numberType: "directRouting",
        usageLocation: "ES",
      },
    ],
  };
}
