import { teamsArea, type TeamsAreaDoc, type TeamsPolicyRecord } from "./teams";
import {
  applyChange,
  isPsError,
  psError,
  type Bound,
  type ListChange,
  type PsError,
} from "./teamsCmdletBinding";
import { POLICY_NOUNS, POLICY_SETTINGS } from "./teamsCmdlets";
import {
  createPolicy,
  findPolicy,
  isGlobalName,
  listPolicies,
  policyIdentity,
  policyNameOf,
  policyUses,
  removePolicy,
} from "./teamsPolicies";
import type { TenantState } from "./tenantState";

/**
 * Get/New/Set/Remove/Grant of the five policy nouns (§3.4–§3.5). Settings are stored as given; Get shows
 * every setting of the noun, with Teams' default for those never set.
 */

export interface PsContext {
  state: TenantState;
  area: TeamsAreaDoc;
  tenantId: string;
  now: number;
}

export type CmdletHandler = (ctx: PsContext, params: Bound) => unknown;

export function psContext(state: TenantState, now: number): PsContext {
  return { state, area: teamsArea(state), tenantId: state.tenant.tenantId, now };
}

/** `*` and `?` wildcards as `-Filter` takes them, case-insensitive. */
export function wildcard(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "i");
}

/**
 * Dial plan identities: "cannot exceed 49 characters … alphabetic or numeric characters, hyphen (-) and dot (.)
 * … should not begin with a (.)" (New-CsTenantDialPlan.md @ 93336da, -Identity).
 */
const DIAL_PLAN_NAME = /^[A-Za-z0-9-][A-Za-z0-9.-]{0,48}$/;
const MAX_RULES = 50;

function policyObject(noun: string, p: TeamsPolicyRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { Identity: policyIdentity(p) };
  for (const [k, spec] of Object.entries(POLICY_SETTINGS[noun]))
    out[k] = p.settings[k] ?? spec.default ?? null;
  return out;
}

const ruleName = (r: unknown) =>
  typeof r === "string" ? r : String((r as Record<string, unknown>).Name ?? "");

/** Normalization rules as Teams shows them: defaults filled in, priorities in list order. */
function normalizeRules(rules: unknown[]): Record<string, unknown>[] | PsError {
  const out = rules.map((raw, i) => {
    const r = raw as Record<string, unknown>;
    return {
      Name: r.Name ?? `NR${i + 1}`,
      Description: r.Description ?? null,
      Pattern: r.Pattern ?? "^(\\d{11})$",
      Translation: r.Translation ?? "+$1",
      IsInternalExtension: r.IsInternalExtension ?? false,
      Priority: i,
    };
  });
  const bad = out.find((r) => typeof r.Pattern !== "string" || typeof r.Translation !== "string");
  if (bad)
    return psError(
      "InvalidArgument",
      `Normalization rule '${String(bad.Name)}' needs a string Pattern and Translation.`,
    );
  if (out.length > MAX_RULES) {
    return psError(
      "LimitsExceeded",
      `A dial plan can have at most ${MAX_RULES} normalization rules; ${out.length} were given.`,
    );
  }
  return out;
}

/** Checks and resolves settings against the tenant (usages exist, rule limits), merging into `current`. */
function applySettings(
  ctx: PsContext,
  noun: string,
  current: Record<string, unknown>,
  params: Bound,
): Record<string, unknown> | PsError {
  const next = { ...current };
  for (const [k, v] of Object.entries(params)) {
    if (k === "Identity") continue;
    if (k === "NormalizationRules") {
      const rules = normalizeRules(
        applyChange((current.NormalizationRules as unknown[]) ?? [], v as ListChange, ruleName),
      );
      if (!Array.isArray(rules)) return rules;
      next[k] = rules;
    } else if (k === "OnlinePstnUsages") {
      next[k] = applyChange((current[k] as unknown[]) ?? [], v as ListChange, String);
    } else {
      next[k] = v;
    }
  }
  const usages = new Set(ctx.area.pstnUsages.map((u) => u.toLowerCase()));
  const wanted = [
    ...((next.OnlinePstnUsages as string[] | undefined) ?? []),
    ...((next.EmergencyNumbers as Record<string, unknown>[] | undefined) ?? []).map((e) =>
      String(e.OnlinePSTNUsage ?? ""),
    ),
  ];
  const missing = wanted.find((u) => u !== "" && !usages.has(u.toLowerCase()));
  if (missing !== undefined) {
    return psError(
      "ObjectNotFound",
      `The PSTN usage '${missing}' does not exist. Add it with Set-CsOnlinePstnUsage first.`,
    );
  }
  if (noun === "CsTeamsEmergencyCallingPolicy" && typeof next.NotificationGroup === "string") {
    const count = next.NotificationGroup.split(";").filter((s) => s.trim() !== "").length;
    if (count > 10)
      return psError("LimitsExceeded", `NotificationGroup can hold at most 10 entries; ${count} were given.`);
  }
  return next;
}

function policyHandlers(noun: string, type: string): Record<string, CmdletHandler> {
  const notFound = (identity: string) =>
    psError("ObjectNotFound", `Cannot find policy with Identity "${identity}" of type ${type}.`);
  const find = (ctx: PsContext, identity: string) =>
    findPolicy(ctx.area, ctx.tenantId, type, policyNameOf(identity));
  return {
    [`Get-${noun}`]: (ctx, p) => {
      if (typeof p.Identity === "string") {
        const found = find(ctx, p.Identity);
        return found ? [policyObject(noun, found)] : notFound(p.Identity);
      }
      const all = listPolicies(ctx.area, ctx.tenantId, type);
      const filter = typeof p.Filter === "string" ? wildcard(p.Filter) : undefined;
      return all.filter((x) => !filter || filter.test(policyIdentity(x))).map((x) => policyObject(noun, x));
    },
    [`New-${noun}`]: (ctx, p) => {
      const name = policyNameOf(p.Identity as string);
      if (find(ctx, name)) {
        return psError(
          "ResourceExists",
          `The policy "${policyIdentity({ name })}" of type ${type} already exists.`,
        );
      }
      if (noun === "CsTenantDialPlan" && !DIAL_PLAN_NAME.test(name)) {
        return psError(
          "InvalidArgument",
          `The Identity "${name}" is not valid: a dial plan name has at most 49 characters of letters, digits, '-' and '.', and does not begin with '.'.`,
        );
      }
      const settings = applySettings(ctx, noun, {}, p);
      if (isPsError(settings)) return settings;
      return policyObject(noun, createPolicy(ctx.area, ctx.tenantId, type, name, settings));
    },
    [`Set-${noun}`]: (ctx, p) => {
      // -Identity is optional on Set (the page's yaml: Required False); without it the Global instance is meant.
      const identity = typeof p.Identity === "string" ? p.Identity : "Global";
      const found = find(ctx, identity);
      if (!found) return notFound(identity);
      const settings = applySettings(ctx, noun, found.settings, p);
      if (isPsError(settings)) return settings;
      found.settings = settings;
      return null;
    },
    [`Remove-${noun}`]: (ctx, p) => {
      const found = find(ctx, p.Identity as string);
      if (!found) return notFound(p.Identity as string);
      if (isGlobalName(found.name)) {
        // Removing Global resets it to Teams' defaults, as the module does.
        found.settings = {};
        return null;
      }
      const uses = policyUses(ctx.area, found);
      if (uses.length > 0) {
        return psError(
          "ResourceBusy",
          `The policy "${policyIdentity(found)}" of type ${type} cannot be removed because ${uses.join(", ")}. Remove those assignments first.`,
        );
      }
      removePolicy(ctx.area, found);
      return null;
    },
    [`Grant-${noun}`]: (ctx, p) => {
      // Only the tenant grant is emulated: -Identity (a user) and -Group go through Graph or group assignment.
      if (p.Global !== true) {
        return psError("NotImplemented", `The emulator implements ${`Grant-${noun}`} only with -Global.`);
      }
      // `-PolicyName $null` is documented for a user's assignment only (Grant-Cs*.md, -PolicyName).
      if (typeof p.PolicyName !== "string") {
        return psError(
          "InvalidArgument",
          "Grant -Global needs -PolicyName: the policy whose settings Global takes.",
        );
      }
      const found = find(ctx, p.PolicyName);
      if (!found) return notFound(p.PolicyName);
      // "Sets the parameters of the Global policy instance to the values in the specified policy instance" (-Global):
      // a copy; later changes of the named policy do not reach Global, and the named policy stays removable.
      const global = find(ctx, "Global")!;
      global.settings = JSON.parse(JSON.stringify(found.settings)) as Record<string, unknown>;
      return null;
    },
  };
}

export const POLICY_HANDLERS: Record<string, CmdletHandler> = Object.assign(
  {},
  ...Object.entries(POLICY_NOUNS).map(([noun, type]) => policyHandlers(noun, type)),
);
