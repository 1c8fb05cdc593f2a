import type {
  EnforcementLevel,
  PolicyConfigSchema,
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidation,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";

/** Which part of the tenant a policy guards; the first segment of its id. */
export type Vendor = "azure" | "m365" | "teams";

/**
 * What a reader, RULES.md and the pack's selection need to know about a policy, kept beside it in its file
 * (compliance-policies' metadata). `id` is `<vendor>-<service>-<resource>-<check>` and becomes the policy name.
 */
export interface PolicyMetadata {
  id: string;
  vendor: Vendor;
  /** Azure resource provider or M365/Teams area, e.g. `network`, `licensing`, `voice`. */
  service: string;
  /** `resource`: runs per resource on its inputs; `stack`: runs once over every resource of the stack. */
  kind: "resource" | "stack";
  severity: Severity;
  /** The level when neither the stack's policy config nor `all` sets one. */
  enforcementLevel: Exclude<EnforcementLevel, "remediate">;
  /** One sentence; also the JSDoc summary of the policy's export (a meta test compares them). */
  description: string;
  /** Why the rule exists, for reviewers and RULES.md. */
  rationale: string;
  /** What to change in the definition when the policy reports a violation. */
  remediation: string;
  topics: string[];
  /** Controls the rule maps to, e.g. `ENS op.exp.8` (Spain's Esquema Nacional de Seguridad). */
  frameworks?: string[];
}

export interface RegisteredPolicy {
  metadata: PolicyMetadata;
  policy: ResourceValidationPolicy | StackValidationPolicy;
}

type PolicyBody =
  | { validateResource: ResourceValidation; configSchema?: PolicyConfigSchema }
  | { validateStack: StackValidation; configSchema?: PolicyConfigSchema };

/**
 * Builds the CrossGuard policy from its metadata, so the name, description, severity and default level the
 * engine reports are the metadata's and cannot drift from RULES.md.
 */
export function definePolicy(metadata: PolicyMetadata, body: PolicyBody): RegisteredPolicy {
  const isStack = "validateStack" in body;
  if (isStack !== (metadata.kind === "stack")) {
    throw new Error(
      `Policy '${metadata.id}' is declared kind '${metadata.kind}' but defines ${isStack ? "validateStack" : "validateResource"}; make them agree.`,
    );
  }
  const common = {
    name: metadata.id,
    description: metadata.description,
    severity: metadata.severity,
    enforcementLevel: metadata.enforcementLevel,
    remediationSteps: metadata.remediation,
    tags: [metadata.vendor, metadata.service, ...metadata.topics],
    ...(body.configSchema ? { configSchema: body.configSchema } : {}),
  };
  const policy: ResourceValidationPolicy | StackValidationPolicy =
    "validateStack" in body
      ? { ...common, validateStack: body.validateStack }
      : { ...common, validateResource: body.validateResource };
  return { metadata, policy };
}

/** `@pulumi/policy` reads this (internal) property to skip a policy for other types without calling it. */
function tagType<F extends object>(fn: F, token: string): F {
  Object.defineProperty(fn, "__pulumiType", { value: token, enumerable: false });
  return fn;
}

/**
 * `validateResourceOfType` for a type token instead of a resource class. The toolkit's own resources are
 * dynamic and have no class to hand to `@pulumi/policy`, and importing `@pulumi/azure-native` classes would make
 * the engine's ts-node type-check the SDK each time the pack loads; a token is all the analyzer needs. Behaves
 * like the upstream helper: other types end in `notApplicable`, and the token is attached for the fast filter.
 */
export function validateResourceOfToken<TProps>(
  token: string,
  validate: (props: TProps, args: ResourceValidationArgs, reportViolation: ReportViolation) => void,
): ResourceValidation {
  return tagType((args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    if (args.type !== token) return args.notApplicable(`Policy only applies to resources of type '${token}'`);
    return validate(args.props as TProps, args, reportViolation);
  }, token);
}

/**
 * A stack validation that only matters when the stack has resources of `token` (e.g. NumberAssignments).
 * The token lets the analyzer skip it for stacks without them; all resources are still passed, since these
 * policies relate several types.
 */
export function validateStackWithToken(
  token: string,
  validate: (args: StackValidationArgs, reportViolation: ReportViolation) => void,
): StackValidation {
  return tagType((args: StackValidationArgs, reportViolation: ReportViolation) => {
    if (!args.resources.some((r) => r.type === token)) {
      return args.notApplicable(`Policy only applies to resources of type '${token}'`);
    }
    return validate(args, reportViolation);
  }, token);
}
