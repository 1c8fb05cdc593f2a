import { graphError } from "../http/errors";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse } from "../http/types";
import { compileFilter, type FilterSchema } from "../odata/filter";
import { collectionBody, isEventual, pageOf, type PageOptions } from "../odata/paging";
import { parseSelect, project } from "../odata/select";
import type { DirectoryError } from "../state/licensing";

export const json = (
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): EmulatorResponse => ({
  status,
  headers,
  body,
});

export function isError(v: unknown): v is DirectoryError {
  return typeof v === "object" && v !== null && "status" in v && "code" in v && "message" in v;
}

export function fail(core: EmulatorCore, req: EmulatorRequest, err: DirectoryError): EmulatorResponse {
  return graphError(core, req, err.status, err.code, err.message);
}

export interface EntityView<T> {
  typeName: string;
  defaults: readonly string[];
  selectable: readonly string[];
  shape: (item: T) => Record<string, unknown>;
  /** Properties never returned even when selected. */
  hidden?: readonly string[];
}

/** Projects one entity per `$select`, or the type's defaults. */
export function viewOne<T>(
  core: EmulatorCore,
  req: EmulatorRequest,
  view: EntityView<T>,
  item: T,
  context: string,
  status = 200,
  headers: Record<string, string> = {},
): EmulatorResponse {
  const select = parseSelect(req.query, view.selectable, view.typeName);
  if (isError(select)) return fail(core, req, select);
  const props = (select ?? view.defaults).filter((p) => !view.hidden?.includes(p));
  const body = {
    "@odata.context": `${req.origin}/v1.0/$metadata#${context}/$entity`,
    ...project(view.shape(item), props),
  };
  return json(body, status, headers);
}

/** A filtered, paged, projected collection response. */
export function viewMany<T>(
  core: EmulatorCore,
  req: EmulatorRequest,
  view: EntityView<T>,
  items: readonly T[],
  context: string,
  opts: { filter?: FilterSchema<T>; paging: PageOptions; odataType?: string },
): EmulatorResponse {
  const select = parseSelect(req.query, view.selectable, view.typeName);
  if (isError(select)) return fail(core, req, select);
  let list = items;
  const filterText = req.query.get("$filter");
  if (filterText !== null) {
    if (!opts.filter)
      return fail(core, req, {
        status: 400,
        code: "Request_BadRequest",
        message: "$filter is not supported on this collection.",
      });
    const advanced = isEventual(req) && req.query.get("$count") === "true";
    const predicate = compileFilter(filterText, opts.filter, advanced);
    if (isError(predicate)) return fail(core, req, predicate);
    list = items.filter(predicate);
  }
  const page = pageOf(list, req, opts.paging);
  if (isError(page)) return fail(core, req, page);
  const props = (select ?? view.defaults).filter((p) => !view.hidden?.includes(p));
  const value = page.items.map((i) => {
    const shaped = project(view.shape(i), props);
    return opts.odataType ? { "@odata.type": opts.odataType, ...shaped } : shaped;
  });
  return json(collectionBody(req, context, { ...page, items: value }));
}

export const DIRECTORY_PAGING: PageOptions = { defaultTop: 100, maxTop: 999, mode: "skiptoken" };
