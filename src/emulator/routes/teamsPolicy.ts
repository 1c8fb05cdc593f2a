import { isoDate } from "../clock";
import { badRequest, graphError } from "../http/errors";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse, RouteDef, RouteHandler } from "../http/types";
import { teamsArea, touchUser } from "../state/teams";
import {
  canonicalPolicyType,
  findPolicy,
  findPolicyById,
  policyIdentity,
  policyNameOf,
} from "../state/teamsPolicies";
import { json } from "./common";

/**
 * Per-user policy assignment and policy id lookup over Graph v1.0 (graph-teams-licensing.md §2.6):
 * `userAssignments/assign|unassign` (204, all-or-nothing) and the `getPolicyId(type='…',name='…')`
 * function, unqualified or namespace-qualified. Policy types match case-insensitively (§2.6 [I]).
 */

const BASE = "/v1.0/admin/teams/policy";
const QUALIFIED = "microsoft.graph.teamsAdministration";

interface AssignmentItem {
  userId: string;
  policyType: string;
  policyId?: string;
}

function parseItems(
  core: EmulatorCore,
  req: EmulatorRequest,
  action: "assign" | "unassign",
): AssignmentItem[] | EmulatorResponse {
  const value = (req.body as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(value) || value.length === 0) {
    return badRequest(
      core,
      req,
      `The request body of '${action}' needs a non-empty 'value' array.`,
      "BadRequest",
    );
  }
  const items: AssignmentItem[] = [];
  for (const raw of value as Record<string, unknown>[]) {
    const { userId, policyType, policyId } = raw ?? {};
    if (typeof userId !== "string" || typeof policyType !== "string") {
      return badRequest(core, req, "Each item needs 'userId' and 'policyType'.", "BadRequest");
    }
    if (action === "assign" && typeof policyId !== "string") {
      return badRequest(core, req, "Each item of 'assign' needs a 'policyId'.", "BadRequest");
    }
    items.push({ userId, policyType, policyId: policyId as string | undefined });
  }
  return items;
}

/** Validates every item first, then applies all (a bad item leaves nothing half-done). */
function assignments(action: "assign" | "unassign"): RouteHandler {
  return (core, req) => {
    const items = parseItems(core, req, action);
    if (!Array.isArray(items)) return items;
    const area = teamsArea(core.state);
    const resolved: { userId: string; type: string; policyId?: string }[] = [];
    for (const item of items) {
      const user = core.state.findUser(item.userId);
      if (!user) return graphError(core, req, 404, "NotFound", `User '${item.userId}' was not found.`);
      const type = canonicalPolicyType(item.policyType);
      if (!type)
        return badRequest(core, req, `Policy type '${item.policyType}' is not supported.`, "BadRequest");
      if (item.policyId !== undefined) {
        const policy = findPolicyById(area, item.policyId);
        if (!policy || policy.type !== type) {
          return graphError(
            core,
            req,
            404,
            "NotFound",
            `Policy '${item.policyId}' of type '${type}' was not found.`,
          );
        }
      }
      resolved.push({ userId: user.id.toLowerCase(), type, policyId: item.policyId });
    }
    const at = isoDate(core.clock.now());
    for (const r of resolved) {
      const mine = (area.userPolicies[r.userId] ??= {});
      if (r.policyId !== undefined) mine[r.type] = r.policyId;
      else delete mine[r.type];
      if (Object.keys(mine).length === 0) delete area.userPolicies[r.userId];
      touchUser(area, r.userId, at);
    }
    core.state.touch();
    return { status: 204 };
  };
}

/** OData string literal: quoted, `''` for a quote. */
function parseArgs(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const m = /^\s*(\w+)\s*=\s*'/.exec(text.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    let value = "";
    for (;;) {
      if (i >= text.length) return undefined;
      if (text[i] === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
      } else if (text[i] === "'") {
        i += 1;
        break;
      } else {
        value += text[i++];
      }
    }
    out[m[1].toLowerCase()] = value;
    const sep = /^\s*,?/.exec(text.slice(i))!;
    i += sep[0].length;
  }
  return out;
}

/** `GET …/policy/getPolicyId(type='…',name='…')`, also with the namespace-qualified function name. */
const policyFunction: RouteHandler = (core, req, { call }) => {
  const m = new RegExp(`^(?:${QUALIFIED.replace(/\./g, "\\.")}\\.)?getPolicyId\\((.*)\\)$`, "is").exec(call);
  if (!m) {
    const segment = call.split("(")[0];
    return badRequest(core, req, `Resource not found for the segment '${segment}'.`, "BadRequest");
  }
  const args = parseArgs(m[1]);
  if (!args || typeof args.type !== "string" || typeof args.name !== "string") {
    return badRequest(core, req, "getPolicyId needs the parameters type='…' and name='…'.", "BadRequest");
  }
  const type = canonicalPolicyType(args.type);
  if (!type) return badRequest(core, req, `Policy type '${args.type}' is not supported.`, "BadRequest");
  const policy = findPolicy(teamsArea(core.state), core.state.tenant.tenantId, type, policyNameOf(args.name));
  if (!policy) {
    return graphError(core, req, 404, "NotFound", `Policy '${args.name}' of type '${type}' was not found.`);
  }
  return json({
    "@odata.context": `${req.origin}/v1.0/$metadata#Collection(microsoft.graph.teamsAdministration.policyIdentifierDetail)`,
    value: [
      {
        "@odata.type": "#microsoft.graph.teamsAdministration.policyIdentifierDetail",
        id: policy.policyId,
        // Graph returns the PowerShell identity (`Tag:<name>`), not the bare name (§2.6).
        name: policyIdentity(policy),
        policyId: policy.policyId,
      },
    ],
  });
};

export const teamsPolicyRoutes: RouteDef[] = [
  { method: "POST", template: `${BASE}/userAssignments/assign`, handler: assignments("assign"), write: true },
  {
    method: "POST",
    template: `${BASE}/userAssignments/${QUALIFIED}.assign`,
    handler: assignments("assign"),
    write: true,
  },
  {
    method: "POST",
    template: `${BASE}/userAssignments/unassign`,
    handler: assignments("unassign"),
    write: true,
  },
  {
    method: "POST",
    template: `${BASE}/userAssignments/${QUALIFIED}.unassign`,
    handler: assignments("unassign"),
    write: true,
  },
  { method: "GET", template: `${BASE}/{call}`, handler: policyFunction },
];
