// The offline policy evaluation's public surface: the pack's policies run against a rendered graph.
export {
  evaluate,
  evaluatePolicies,
  policyExitCode,
  type EvaluateOptions,
  type Evaluation,
  type NotApplicable,
  type PolicyResult,
} from "./evaluate";
export {
  enforcementLevelOf,
  loadPackConfig,
  packConfigProblems,
  PackConfigError,
  policyConfigOf,
  policyConfigPath,
  POLICY_CONFIG_DIR,
  type PackConfig,
  type PolicyConfigEntry,
} from "./config";
