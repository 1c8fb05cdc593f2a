import { badRequest, graphError, notFound } from "../http/errors";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse, RouteDef, RouteHandler } from "../http/types";
import { compileFilter, parseFilter, type FilterNode, type FilterSchema } from "../odata/filter";
import { parseSelect, project } from "../odata/select";
import { normalizeNumber, teamsArea, type TeamsAreaDoc, type TeamsOperationRecord } from "../state/teams";
import {
  allNumbers,
  findNumber,
  numberFromId,
  touchedNumbers,
  type InventoryEntry,
} from "../state/teamsInventory";
import { startNumberOperation, updateNumber } from "../state/teamsOperations";
import { fail, isError, json } from "./common";
import { numberAssignmentShape, operationShape, TEAMS_NUMBERS_BASE } from "./teamsShapes";

/**
 * Teams number management over Graph v1.0 (graph-teams-licensing.md §2.1–§2.5): the inventory with
 * `$filter`/`$top`/`$skip`, assignNumber/unassignNumber (202 + Location to an operation, unqualified and
 * namespace-qualified action names), updateNumber (synchronous 200), and the operations in both the
 * `/operations/{id}` and the `/operations('{id}')` form the Location header uses.
 */

declare module "../http/faults" {
  interface FaultOptions {
    /** Share of number operations that end `failed` ("Service is unavailable. Please try again") whatever the request. */
    numberOperationFailureRate?: number;
    /**
     * Telephone numbers (E.164) whose changes fail for as long as they are listed, so a test decides which
     * operations fail instead of hoping a rate picks some: their assignNumber/unassignNumber operations end
     * `failed` like `numberOperationFailureRate`'s, and updateNumber answers 500 (*assumed*: §2.4 documents no
     * error response; a service-side failure of a synchronous action is a 5xx, and 500 is the one clients do not
     * retry). The operations carry `injectedFailure`.
     */
    failingNumbers?: string[];
  }
}

/** Whether the faults force this number's change to fail (numbers compared in their normalised form). */
function forcedFailure(core: EmulatorCore, telephoneNumber: string): boolean {
  const listed = core.faults.failingNumbers ?? [];
  return listed.some((n) => normalizeNumber(n) === telephoneNumber);
}

const NUMBER_TYPES = ["directRouting", "callingPlan", "operatorConnect"] as const;
const CATEGORIES = ["primary", "private", "alternate"] as const;
const TOP_DEFAULT = 500;
const TOP_MAX = 1000;

const NUMBER_PROPS = Object.keys(
  numberAssignmentShape({
    range: {
      id: "",
      numberType: "directRouting",
      start: "+1",
      end: "+1",
      isoCountryCode: null,
      operatorId: "",
    },
    record: {
      telephoneNumber: "+1",
      assignmentStatus: "unassigned",
      assignmentTargetId: null,
      assignmentCategory: null,
      locationId: null,
      civicAddressId: null,
      networkSiteId: null,
      reverseNumberLookupOptions: [],
    },
    materialised: false,
  }),
);

const values = (list: readonly string[]) => list.map((value) => ({ value }));

/** Every property but `id` and `city` can be filtered (§2.1); collections through `any`. */
const NUMBER_FILTER: FilterSchema<Record<string, unknown>> = {
  resource: "numberAssignment",
  properties: Object.fromEntries(
    NUMBER_PROPS.filter((p) => p !== "id" && p !== "city").map((p) => [
      p,
      (n: Record<string, unknown>) =>
        Array.isArray(n[p]) ? values(n[p] as string[]) : (n[p] as string | null),
    ]),
  ),
};

/**
 * `capabilities/any(c:c eq 'userAssignment')` compares the lambda variable itself; the shared filter
 * compiler reads a property of it, so collections of strings are offered as `{value}` objects and the
 * lambda is rewritten to `c/value`.
 */
function rewriteLambdas(text: string): string {
  return text.replace(/(\w+)\/any\(\s*(\w+)\s*:\s*\2\s+eq\s+/gi, "$1/any($2:$2/value eq ");
}

/** Numbers are stored with '+'; a literal written without it (as assignNumber accepts) still matches. */
function plusLiterals(text: string): string {
  return text.replace(/(telephoneNumber\s+eq\s+')(\d)/gi, "$1+$2");
}

function conjuncts(n: FilterNode): FilterNode[] {
  return n.k === "and" ? [...conjuncts(n.left), ...conjuncts(n.right)] : [n];
}

/**
 * The numbers a filter can match, cheapest first: one number for `telephoneNumber eq`, the touched ones when
 * only assigned numbers can match, else the whole inventory (walked lazily from `offset` when unfiltered).
 */
function candidates(
  area: TeamsAreaDoc,
  node: FilterNode | undefined,
  offset: number,
): Iterable<InventoryEntry> {
  if (!node) return allNumbers(area, offset);
  for (const c of conjuncts(node)) {
    const prop = "prop" in c ? c.prop.toLowerCase() : "";
    if (c.k === "cmp" && c.op === "eq" && prop === "telephonenumber" && typeof c.value === "string") {
      const n = normalizeNumber(c.value);
      const e = n ? findNumber(area, n) : undefined;
      return e ? [e] : [];
    }
    const assignedOnly =
      c.k === "cmp" &&
      c.op === "eq" &&
      ((prop === "assignmenttargetid" && typeof c.value === "string") ||
        (prop === "assignmentstatus" &&
          typeof c.value === "string" &&
          c.value.toLowerCase() !== "unassigned"));
    if (assignedOnly) return touchedNumbers(area);
  }
  return allNumbers(area);
}

/** The request's URL with `$skip` replaced; the rest of the query kept as sent. */
function nextLink(req: EmulatorRequest, skip: number): string {
  const kept = req.rawQuery
    .split("&")
    .filter((p) => p !== "" && decodeURIComponent(p.split("=")[0]) !== "$skip");
  kept.push(`$skip=${skip}`);
  return `${req.origin}${req.path.split("/").map(encodeURIComponent).join("/")}?${kept.join("&")}`;
}

const listNumbers: RouteHandler = (core, req) => {
  const area = teamsArea(core.state);
  const topRaw = req.query.get("$top");
  const top = topRaw === null ? TOP_DEFAULT : Number(topRaw);
  if (!Number.isInteger(top) || top < 1 || top > TOP_MAX) {
    return badRequest(
      core,
      req,
      `Invalid page size specified: '${topRaw}'. Must be between 1 and ${TOP_MAX} inclusive.`,
    );
  }
  const skipRaw = req.query.get("$skip");
  const skip = skipRaw === null ? 0 : Number(skipRaw);
  if (!Number.isInteger(skip) || skip < 0)
    return badRequest(core, req, `Invalid value '${skipRaw}' for $skip.`);
  const select = parseSelect(req.query, NUMBER_PROPS, "microsoft.graph.teamsAdministration.numberAssignment");
  if (isError(select)) return fail(core, req, select);
  const filterText = req.query.get("$filter");
  let node: FilterNode | undefined;
  let predicate = (_: Record<string, unknown>) => true;
  if (filterText !== null) {
    const text = plusLiterals(rewriteLambdas(filterText));
    const compiled = compileFilter(text, NUMBER_FILTER, true);
    if (isError(compiled)) return fail(core, req, compiled);
    predicate = compiled;
    node = parseFilter(text);
  }
  const value: Record<string, unknown>[] = [];
  let matched = node ? 0 : skip;
  let more = false;
  for (const entry of candidates(area, node, skip)) {
    const shaped = numberAssignmentShape(entry);
    if (!predicate(shaped)) continue;
    matched += 1;
    if (matched <= skip) continue;
    if (value.length === top) {
      more = true;
      break;
    }
    value.push(select ? project(shaped, select) : shaped);
  }
  const body: Record<string, unknown> = {
    "@odata.context": `${req.origin}/v1.0/$metadata#admin/teams/telephoneNumberManagement/numberAssignments`,
  };
  // The doc shows only $top/$skip (§2.1, [I]); a nextLink is offered as well for clients that follow links.
  if (more) body["@odata.nextLink"] = nextLink(req, skip + top);
  body.value = value;
  return json(body);
};

const getNumber: RouteHandler = (core, req, { id }) => {
  const n = numberFromId(id);
  const entry = n ? findNumber(teamsArea(core.state), n) : undefined;
  if (!entry) return notFound(core, req, id);
  return json({
    "@odata.context": `${req.origin}/v1.0/$metadata#admin/teams/telephoneNumberManagement/numberAssignments/$entity`,
    ...numberAssignmentShape(entry),
  });
};

type Body = Record<string, unknown>;

/** Checks an action payload against the CSDL parameters: known names, required ones present, enum members. */
function actionBody(
  core: EmulatorCore,
  req: EmulatorRequest,
  action: string,
  allowed: readonly string[],
  required: readonly string[],
): { body: Body } | { error: EmulatorResponse } {
  const bad = (message: string) => ({ error: badRequest(core, req, message, "BadRequest") });
  const b = req.body;
  if (typeof b !== "object" || b === null || Array.isArray(b)) {
    return bad(`The request body of '${action}' must be a JSON object.`);
  }
  const body = b as Body;
  const stray = Object.keys(body).find((k) => !allowed.includes(k) && !k.startsWith("@odata."));
  if (stray) {
    return bad(
      `The parameter '${stray}' in the request payload is not a valid parameter for the operation '${action}'.`,
    );
  }
  const missing = required.filter((k) => typeof body[k] !== "string" || body[k] === "");
  if (missing.length > 0) {
    return bad(
      `One or more parameters of the operation '${action}' are missing from the request payload. The missing parameters are: ${missing.join(", ")}.`,
    );
  }
  for (const [k, members] of [
    ["numberType", NUMBER_TYPES],
    ["assignmentCategory", CATEGORIES],
  ] as const) {
    const v = body[k];
    if (v !== undefined && v !== null && !(members as readonly unknown[]).includes(v)) {
      return bad(
        `Cannot convert the literal '${String(v)}' to the expected type 'microsoft.graph.teamsAdministration.${k}'.`,
      );
    }
  }
  if ("telephoneNumber" in body) {
    const n = typeof body.telephoneNumber === "string" ? normalizeNumber(body.telephoneNumber) : undefined;
    if (!n) return bad(`'${String(body.telephoneNumber)}' is not a valid telephone number.`);
    body.telephoneNumber = n;
  }
  return { body };
}

/** 202 Accepted, empty body, Location in the OData key form (§2.2). */
function accepted(
  core: EmulatorCore,
  req: EmulatorRequest,
  kind: TeamsOperationRecord["kind"],
  body: Body,
): EmulatorResponse {
  const op = startNumberOperation(
    core.state,
    kind,
    {
      telephoneNumber: body.telephoneNumber as string,
      numberType: body.numberType as TeamsOperationRecord["request"]["numberType"],
      ...(kind === "assign"
        ? {
            assignmentTargetId: body.assignmentTargetId as string,
            assignmentCategory: (body.assignmentCategory ??
              undefined) as TeamsOperationRecord["request"]["assignmentCategory"],
            locationId: (body.locationId ?? null) as string | null,
          }
        : {}),
    },
    {
      now: core.clock.now(),
      draw: () => core.random(),
      failureRate: core.faults.numberOperationFailureRate ?? 0,
      forceFailure: forcedFailure(core, body.telephoneNumber as string),
    },
  );
  return {
    status: 202,
    headers: { Location: `${req.origin}${TEAMS_NUMBERS_BASE}/operations('${op.id}')` },
  };
}

const assignNumber: RouteHandler = (core, req) => {
  const body = actionBody(
    core,
    req,
    "assignNumber",
    ["telephoneNumber", "assignmentTargetId", "numberType", "assignmentCategory", "locationId"],
    ["telephoneNumber", "assignmentTargetId", "numberType"],
  );
  return "error" in body ? body.error : accepted(core, req, "assign", body.body);
};

const unassignNumber: RouteHandler = (core, req) => {
  // Nullable in the CSDL but documented as required (§2.3): both are needed to find the assignment.
  const body = actionBody(
    core,
    req,
    "unassignNumber",
    ["telephoneNumber", "numberType"],
    ["telephoneNumber", "numberType"],
  );
  return "error" in body ? body.error : accepted(core, req, "unassign", body.body);
};

const updateNumberRoute: RouteHandler = (core, req) => {
  const parsed = actionBody(
    core,
    req,
    "updateNumber",
    ["telephoneNumber", "locationId", "networkSiteId", "reverseNumberLookupOptions"],
    ["telephoneNumber"],
  );
  if ("error" in parsed) return parsed.error;
  const body = parsed.body;
  const options = body.reverseNumberLookupOptions;
  if (
    options !== undefined &&
    options !== null &&
    (!Array.isArray(options) || options.some((o) => typeof o !== "string"))
  ) {
    return badRequest(core, req, "'reverseNumberLookupOptions' must be an array of strings.", "BadRequest");
  }
  if (forcedFailure(core, body.telephoneNumber as string)) {
    return graphError(core, req, 500, "InternalServerError", "Service is unavailable. Please try again");
  }
  const err = updateNumber(
    core.state,
    body.telephoneNumber as string,
    {
      locationId: body.locationId as string | null | undefined,
      networkSiteId: body.networkSiteId as string | null | undefined,
      reverseNumberLookupOptions: options as string[] | null | undefined,
    },
    core.clock.now(),
  );
  if (err)
    return graphError(core, req, err.status, err.status === 404 ? "NotFound" : "BadRequest", err.message);
  return { status: 200 };
};

const getOperation: RouteHandler = (core, req, { id }) => {
  const area = teamsArea(core.state);
  const op = area.operations[id];
  if (!op) return graphError(core, req, 404, "NotFound", `Operation '${id}' was not found.`);
  return json(operationShape(req.origin, area, op));
};

const ACTIONS = `${TEAMS_NUMBERS_BASE}/numberAssignments`;
const QUALIFIED = "microsoft.graph.teamsAdministration";

export const teamsNumberRoutes: RouteDef[] = [
  { method: "GET", template: ACTIONS, handler: listNumbers },
  { method: "GET", template: `${ACTIONS}/{id}`, handler: getNumber },
  ...(["assignNumber", "unassignNumber", "updateNumber"] as const).flatMap((action): RouteDef[] => {
    const handler =
      action === "assignNumber"
        ? assignNumber
        : action === "unassignNumber"
          ? unassignNumber
          : updateNumberRoute;
    return [
      { method: "POST", template: `${ACTIONS}/${action}`, handler, write: true },
      { method: "POST", template: `${ACTIONS}/${QUALIFIED}.${action}`, handler, write: true },
    ];
  }),
  { method: "GET", template: `${TEAMS_NUMBERS_BASE}/operations/{id}`, handler: getOperation },
  { method: "GET", template: `${TEAMS_NUMBERS_BASE}/operations('{id}')`, handler: getOperation },
];
