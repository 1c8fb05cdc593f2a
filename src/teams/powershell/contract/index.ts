/**
 * The MicrosoftTeams cmdlet contract (generated, vendored: teams-cmdlets.json, see its `provenance`) and what
 * the toolkit derives from it: the driver's allow-list, which calls pass `-Confirm:$false`, and parameter name
 * resolution (names and aliases, case-insensitive, as PowerShell binds them).
 */
import contractJson from "./teams-cmdlets.json";
import type { CmdletContract, ContractCmdlet, ContractParameter } from "./types";

export type { CmdletContract, ContractCmdlet, ContractParameter } from "./types";

export const CMDLET_CONTRACT = contractJson as unknown as CmdletContract;

/**
 * Parameters the driver itself controls or that never belong in a request: ShouldProcess switches (the driver
 * passes `-Confirm:$false`), `-Force`/`-PassThru`/`-InMemory`, and the autorest transport parameters.
 */
export const DRIVER_CONTROLLED_PARAMETERS: ReadonlySet<string> = new Set(
  [
    "Confirm",
    "WhatIf",
    "Force",
    "PassThru",
    "InMemory",
    "Break",
    "HttpPipelineAppend",
    "HttpPipelinePrepend",
    "Proxy",
    "ProxyCredential",
    "ProxyUseDefaultCredentials",
  ].map((p) => p.toLowerCase()),
);

/** The contract's spelling of a cmdlet, case-insensitively; undefined if the contract does not have it. */
export function contractCmdletName(cmdlet: string): string | undefined {
  const lower = cmdlet.toLowerCase();
  return Object.keys(CMDLET_CONTRACT.cmdlets).find((c) => c.toLowerCase() === lower);
}

export function contractCmdlet(cmdlet: string): ContractCmdlet | undefined {
  const name = contractCmdletName(cmdlet);
  return name ? CMDLET_CONTRACT.cmdlets[name] : undefined;
}

/** A parameter by name or alias, case-insensitively: `[canonicalName, parameter]`. */
export function resolveParameter(
  cmdlet: ContractCmdlet,
  given: string,
): [string, ContractParameter] | undefined {
  const lower = given.toLowerCase();
  for (const [name, p] of Object.entries(cmdlet.parameters)) {
    if (name.toLowerCase() === lower || p.aliases.some((a) => a.toLowerCase() === lower)) return [name, p];
  }
  return undefined;
}

/** A request may carry this parameter: it is in a set the toolkit calls, public, and not driver-controlled. */
function requestable(cmdlet: ContractCmdlet, name: string, p: ContractParameter): boolean {
  return (
    !DRIVER_CONTROLLED_PARAMETERS.has(name.toLowerCase()) &&
    !p.internalOnly &&
    cmdlet.calledSets.some((s) => s in p.sets)
  );
}

/** Cmdlet → parameter names (and their aliases) a request may carry: derived, never written by hand. */
export const DRIVER_ALLOW_LIST: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(CMDLET_CONTRACT.cmdlets)
    .filter(([, c]) => !c.driverOnly)
    .map(([name, c]) => [
      name,
      Object.entries(c.parameters)
        .filter(([p, spec]) => requestable(c, p, spec))
        .flatMap(([p, spec]) => [p, ...spec.aliases]),
    ]),
);

/** Cmdlets that change the tenant and support `-Confirm`: the driver passes `-Confirm:$false` to each. */
export const CONFIRM_FALSE_CMDLETS: readonly string[] = Object.entries(CMDLET_CONTRACT.cmdlets)
  .filter(([name, c]) => !c.driverOnly && c.supportsConfirm && !/^Get-/i.test(name))
  .map(([name]) => name);

/** The shipped driver's copy (driver-allow-list.json): what `teams-driver.ps1` loads at start-up. */
export function driverAllowListFile(): {
  $comment: string;
  contractSha256: string;
  cmdlets: Record<string, { parameters: readonly string[]; confirmFalse: boolean }>;
} {
  return {
    $comment:
      "Generated from teams-cmdlets.json by tools/cmdlet-contract (npx tsx tools/cmdlet-contract/writeAllowList.ts). " +
      "teams-driver.ps1 refuses any cmdlet or parameter not listed here. Do not edit by hand.",
    contractSha256: CMDLET_CONTRACT.sha256,
    cmdlets: Object.fromEntries(
      Object.entries(DRIVER_ALLOW_LIST).map(([name, parameters]) => [
        name,
        { parameters, confirmFalse: CONFIRM_FALSE_CMDLETS.includes(name) },
      ]),
    ),
  };
}

/** The allow-listed spelling of a cmdlet, matched case-insensitively as PowerShell does; undefined if refused. */
export function allowedCmdlet(cmdlet: string): string | undefined {
  const lower = cmdlet.toLowerCase();
  return Object.keys(DRIVER_ALLOW_LIST).find((c) => c.toLowerCase() === lower);
}

/** The first parameter name the driver would refuse for this cmdlet, if any. */
export function refusedParameter(cmdlet: string, parameters: Record<string, unknown>): string | undefined {
  const allowed = new Set((DRIVER_ALLOW_LIST[cmdlet] ?? []).map((p) => p.toLowerCase()));
  return Object.keys(parameters).find((p) => !allowed.has(p.toLowerCase()));
}
