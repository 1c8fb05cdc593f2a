/**
 * The toolkit's Teams ports served in-process by the emulator's own state functions, so `applyDefinition`
 * (applied.ts) can run the REAL provider code without HTTP, TLS or a `pwsh`:
 * - PowerShell: the real `PowerShellTeamsAdmin` over a stand-in for `PwshProcess` whose `call` hands the
 *   request, framed exactly as on the wire (`encodeRequest`), to `runCmdlet` — what the fake `pwsh` reaches
 *   through `POST /_emulator/teams/powershell`;
 * - numbers: a `NumbersBackend` whose operations go through `startNumberOperation` and `updateNumber`, so the
 *   emulator's own rules (licence, location, category clash) decide each outcome.
 * Time never moves: everything happens at `now` (number operations complete within their start).
 */
import type { AssignmentCategory, InventoryNumber, NumberOperationOutcome } from "../../teams/admin/port";
import type { DriverResponse } from "../../teams/admin/protocol";
import type { NumbersBackend } from "../../teams/numbers/backend";
import { upnKey } from "../../teams/numbers/inputs";
import type { UserLookup } from "../../teams/numbers/users";
import type { PwshProcess } from "../../teams/powershell/pwshProcess";
import { encodeRequest } from "../../teams/powershell/wire";
import { teamsArea, type TeamsOperationRecord } from "./teams";
import { findNumber } from "./teamsInventory";
import { startNumberOperation, updateNumber } from "./teamsOperations";
import { runCmdlet } from "./teamsPowerShell";
import type { TenantState } from "./tenantState";

/**
 * What `PowerShellTeamsAdmin` uses of `PwshProcess`: `call` and `close`. `now` is a fixed time or the
 * emulator clock's; `onCmdlet` sees each cmdlet and whether it succeeded (the apply forecast counts them).
 */
export function inProcessPwsh(
  state: TenantState,
  now: number | (() => number),
  onCmdlet?: (cmdlet: string, ok: boolean) => void,
): PwshProcess {
  let id = 0;
  const stand: Pick<PwshProcess, "call" | "close"> = {
    async call(cmdlet: string, parameters: Record<string, unknown>): Promise<DriverResponse> {
      // Through the wire encoding and back: the state never holds a reference into a provider's inputs.
      const request = JSON.parse(encodeRequest({ id: ++id, cmdlet, parameters })) as unknown;
      const response = runCmdlet(state, request, typeof now === "number" ? now : now());
      onCmdlet?.(cmdlet, response.ok);
      return response;
    },
    async close(): Promise<void> {},
  };
  return stand as PwshProcess;
}

/** Runs one number operation to its end at `now` and forgets it (real Graph forgets finished ones too). */
function runOperation(
  state: TenantState,
  kind: TeamsOperationRecord["kind"],
  request: TeamsOperationRecord["request"],
  now: number,
): NumberOperationOutcome {
  const area = teamsArea(state);
  const saved = area.timing;
  area.timing = { numberQueuedMs: 0, numberProcessingMs: 0 };
  try {
    const op = startNumberOperation(state, kind, request, { now, draw: () => 1, failureRate: 0 });
    delete area.operations[op.id];
    const detail = op.numbers[0]?.statusDetail ?? undefined;
    return op.status === "succeeded"
      ? { telephoneNumber: request.telephoneNumber, succeeded: true }
      : { telephoneNumber: request.telephoneNumber, succeeded: false, reason: detail ?? op.status };
  } finally {
    area.timing = saved;
  }
}

/** The NumberAssignments backend over the state: the same port the Graph backend implements. */
export function inProcessNumbersBackend(state: TenantState, now: number): NumbersBackend {
  const area = teamsArea(state);
  return {
    async findNumbers(numbers: readonly string[]): Promise<InventoryNumber[]> {
      const found: InventoryNumber[] = [];
      for (const n of new Set(numbers)) {
        const entry = findNumber(area, n);
        if (!entry) continue;
        const r = entry.record;
        const assigned = r.assignmentStatus !== "unassigned";
        found.push({
          telephoneNumber: n,
          numberType: entry.range.numberType,
          assignmentStatus: r.assignmentStatus,
          assignmentTargetId: assigned ? r.assignmentTargetId : null,
          assignmentCategory: assigned ? (r.assignmentCategory as AssignmentCategory | null) : null,
          locationId: r.locationId,
        });
      }
      return found;
    },
    async resolveUsers(upns: readonly string[]): Promise<Map<string, UserLookup>> {
      const out = new Map<string, UserLookup>();
      for (const upn of upns) {
        const user = state.findUser(upn);
        out.set(
          upnKey(upn),
          user ? { id: user.id } : { reason: `no user has the principal name ${JSON.stringify(upn)} (404)` },
        );
      }
      return out;
    },
    async assignNumbers(requests) {
      return requests.map((r) =>
        runOperation(
          state,
          "assign",
          {
            telephoneNumber: r.telephoneNumber,
            numberType: r.numberType,
            assignmentTargetId: r.assignmentTargetId,
            assignmentCategory: r.assignmentCategory,
            // As the Graph adapter sends it: no locationId at all when there is none.
            ...(r.locationId ? { locationId: r.locationId } : {}),
          },
          now,
        ),
      );
    },
    async unassignNumbers(numbers) {
      return numbers.map((n) =>
        runOperation(
          state,
          "unassign",
          { telephoneNumber: n.telephoneNumber, numberType: n.numberType },
          now,
        ),
      );
    },
    async updateNumberLocations(numbers) {
      return numbers.map((n) => {
        // The Graph adapter sends "" to clear a location (null would mean "keep it").
        const failure = updateNumber(state, n.telephoneNumber, { locationId: n.locationId ?? "" }, now);
        return failure
          ? { telephoneNumber: n.telephoneNumber, succeeded: false, reason: failure.message }
          : { telephoneNumber: n.telephoneNumber, succeeded: true };
      });
    },
  };
}
