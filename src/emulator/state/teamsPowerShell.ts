import type { DriverRequest, DriverResponse } from "../../teams/admin/protocol";
import { bindParameters, cmdletSpec, isPsError, type PsError } from "./teamsCmdletBinding";
import { commandNotFound, driverError } from "./teamsPsErrors";
import { GROUP_HANDLERS } from "./teamsPsGroups";
import { LIS_HANDLERS } from "./teamsPsLis";
import { PHONE_HANDLERS } from "./teamsPsPhone";
import { PHONE_NUMBER_HANDLERS } from "./teamsPsPhoneNumbers";
import { POLICY_HANDLERS, psContext, type CmdletHandler } from "./teamsPsPolicies";
import { ROUTING_HANDLERS } from "./teamsPsRouting";
import type { TenantState } from "./tenantState";

/**
 * The semantics behind `POST /_emulator/teams/powershell`: one `DriverRequest` in, one `DriverResponse` out,
 * as the driver script would answer after splatting the parameters onto the cmdlet. Binding follows the
 * vendored cmdlet contract (teamsCmdletBinding.ts); failures come back as the driver reports them, with the
 * module's category, FullyQualifiedErrorId and exception type (teamsPsErrors.ts).
 */

const HANDLERS: Record<string, CmdletHandler> = {
  ...POLICY_HANDLERS,
  ...ROUTING_HANDLERS,
  ...LIS_HANDLERS,
  ...GROUP_HANDLERS,
  ...PHONE_HANDLERS,
  ...PHONE_NUMBER_HANDLERS,
};

/** Cmdlets whose success changes the tenant (counted as writes). */
export function isWriteCmdlet(cmdlet: string): boolean {
  return /^(New|Set|Remove|Grant)-/i.test(cmdlet);
}

export function runCmdlet(state: TenantState, body: unknown, now: number): DriverResponse {
  const req = body as Partial<DriverRequest> | undefined;
  const id = typeof req?.id === "number" ? req.id : -1;
  const cmdlet = typeof req?.cmdlet === "string" ? req.cmdlet : "";
  const fail = (e: PsError, name = cmdlet): DriverResponse => ({
    id,
    ok: false,
    error: driverError(e, name),
  });
  if (typeof req?.id !== "number" || typeof req.cmdlet !== "string") {
    return {
      id,
      ok: false,
      error: {
        type: "InvalidRequest",
        message: "A request is {id: number, cmdlet: string, parameters: object}.",
        cmdlet,
      },
    };
  }
  const found = cmdletSpec(cmdlet);
  const handler = found && HANDLERS[found.name];
  if (!found || !handler) return { id, ok: false, error: commandNotFound(cmdlet) };
  const params = bindParameters(found.name, found.spec, found.contract, req.parameters);
  if (isPsError(params)) return fail(params, found.name);
  const result = handler(psContext(state, now), params);
  if (isPsError(result)) return fail(result, found.name);
  state.touch();
  // ConvertTo-Json semantics: a snapshot of plain data, never a live reference into the state.
  const output = found.spec.output === "none" ? null : JSON.parse(JSON.stringify(result ?? null));
  return { id, ok: true, result: output };
}
