/**
 * The dynamic-provider implementations, by name: what a serialized provider (src/dynamic/lazyProvider.ts) loads
 * in the provider process at call time.
 *
 * This file's path (`src/dynamic/implementations.ts`) and these names are stored in every stack's state, and a
 * `pulumi destroy` or the delete of a removed resource loads them from whatever checkout runs it. Never rename or
 * move this file, and never remove or rename a name while a stack may still hold a resource of it; add new
 * names instead. Each implementation must keep handling the outputs older versions wrote.
 *
 * Each entry requires its module when called, so the provider process loads only the one it runs.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose: one implementation per process */
import type { AdministrativeUnitProviderOptions } from "../identity/delegation/administrativeUnit/provider";
import type { ContextOptions } from "../m365/licensing/context";
import type { BackendOptions } from "../teams/numbers/backend";
import type { TeamsProviderOptions } from "../teams/provider/context";

export const PROVIDER_IMPLEMENTATIONS = {
  /** `GroupLicenses` (src/m365/licensing). */
  groupLicenses: (options: ContextOptions = {}) =>
    (
      require("../m365/licensing/provider") as typeof import("../m365/licensing/provider")
    ).createGroupLicensesProvider(options),
  /** `NumberAssignments` (src/teams/numbers), with its entries stored as lines (stateCodec.ts). */
  numberAssignments: (options: BackendOptions = {}) =>
    (
      require("../teams/numbers/stateCodec") as typeof import("../teams/numbers/stateCodec")
    ).withNumbersStateCodec(
      (
        require("../teams/numbers/provider") as typeof import("../teams/numbers/provider")
      ).createNumberAssignmentsProvider(options),
    ),
  /** Every other Teams voice resource, dispatched on its `kind` input (src/teams/provider/dispatcher.ts). */
  teams: (options: TeamsProviderOptions = {}) =>
    (
      require("../teams/provider/dispatcher") as typeof import("../teams/provider/dispatcher")
    ).createTeamsProvider(options),
  /** `PropagationWait` (src/landing-zone): a pause while Azure replicates a new group, definition or identity. */
  propagationWait: () =>
    (
      require("../landing-zone/propagationWaitProvider") as typeof import("../landing-zone/propagationWaitProvider")
    ).createPropagationWaitProvider(),
  /** `AdministrativeUnit` (src/identity/delegation): a department's unit with its dynamic membership rule. */
  administrativeUnit: (options: AdministrativeUnitProviderOptions = {}) =>
    (
      require("../identity/delegation/administrativeUnit/provider") as typeof import("../identity/delegation/administrativeUnit/provider")
    ).createAdministrativeUnitProvider(options),
};

export type ProviderImplementations = typeof PROVIDER_IMPLEMENTATIONS;
export type ImplementationName = keyof ProviderImplementations;
