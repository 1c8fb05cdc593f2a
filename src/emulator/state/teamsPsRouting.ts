import type { TeamsVoiceRouteRecord } from "./teams";
import { applyChange, isPsError, psError, type ListChange } from "./teamsCmdletBinding";
import { VOICE_ROUTE_SETTINGS } from "./teamsCmdlets";
import { wildcard, type CmdletHandler, type PsContext } from "./teamsPsPolicies";

/**
 * PSTN usages (one global list, §3.4) and online voice routes. A usage still referenced by a voice route or
 * a voice routing policy cannot be removed; a route may only name usages that exist.
 */

function routeObject(r: TeamsVoiceRouteRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { Identity: r.name, Name: r.name };
  for (const [k, spec] of Object.entries(VOICE_ROUTE_SETTINGS))
    out[k] = r.settings[k] ?? spec.default ?? null;
  return out;
}

function findRoute(ctx: PsContext, name: string): TeamsVoiceRouteRecord | undefined {
  const lower = name.toLowerCase();
  return ctx.area.voiceRoutes.find((r) => r.name.toLowerCase() === lower);
}

/** Who still uses a PSTN usage (voice routes, voice routing and emergency call routing policies). */
function usageUsers(ctx: PsContext, usage: string): string[] {
  const u = usage.toLowerCase();
  const names = (list: unknown) => (Array.isArray(list) ? list.map((x) => String(x).toLowerCase()) : []);
  const routes = ctx.area.voiceRoutes
    .filter((r) => names(r.settings.OnlinePstnUsages).includes(u))
    .map((r) => `voice route '${r.name}'`);
  const policies = ctx.area.policies
    .filter(
      (p) =>
        names(p.settings.OnlinePstnUsages).includes(u) ||
        (Array.isArray(p.settings.EmergencyNumbers) &&
          (p.settings.EmergencyNumbers as Record<string, unknown>[]).some(
            (e) => String(e.OnlinePSTNUsage ?? "").toLowerCase() === u,
          )),
    )
    .map((p) => `${p.type} '${p.name}'`);
  return [...routes, ...policies];
}

function routeSettings(ctx: PsContext, current: Record<string, unknown>, params: Record<string, unknown>) {
  const next = { ...current };
  for (const [k, v] of Object.entries(params)) {
    if (k === "Identity") continue;
    next[k] =
      k === "OnlinePstnUsages" || k === "OnlinePstnGatewayList"
        ? applyChange((current[k] as unknown[]) ?? [], v as ListChange, String)
        : v;
  }
  const usages = new Set(ctx.area.pstnUsages.map((u) => u.toLowerCase()));
  const missing = ((next.OnlinePstnUsages as string[] | undefined) ?? []).find(
    (u) => !usages.has(u.toLowerCase()),
  );
  if (missing !== undefined) {
    return psError(
      "ObjectNotFound",
      `The PSTN usage '${missing}' does not exist. Add it with Set-CsOnlinePstnUsage first.`,
    );
  }
  return next;
}

export const ROUTING_HANDLERS: Record<string, CmdletHandler> = {
  "Get-CsOnlinePstnUsage": (ctx, p) => {
    if (typeof p.Identity === "string" && p.Identity.toLowerCase() !== "global") {
      return psError("ObjectNotFound", `Cannot find PSTN usage settings with Identity "${p.Identity}".`);
    }
    return [{ Identity: "Global", Usage: [...ctx.area.pstnUsages] }];
  },
  "Set-CsOnlinePstnUsage": (ctx, p) => {
    if (String(p.Identity).toLowerCase() !== "global") {
      return psError(
        "InvalidArgument",
        `PSTN usages are tenant-wide: use -Identity global (got "${String(p.Identity)}").`,
      );
    }
    const change = p.Usage as ListChange;
    const next = applyChange(ctx.area.pstnUsages, change, String) as string[];
    const kept = new Set(next.map((u) => u.toLowerCase()));
    for (const gone of ctx.area.pstnUsages.filter((u) => !kept.has(u.toLowerCase()))) {
      const users = usageUsers(ctx, gone);
      if (users.length > 0) {
        return psError(
          "ResourceBusy",
          `The PSTN usage '${gone}' cannot be removed: it is used by ${users.join(", ")}.`,
        );
      }
    }
    ctx.area.pstnUsages = next;
    return null;
  },
  "Get-CsOnlineVoiceRoute": (ctx, p) => {
    if (typeof p.Identity === "string") {
      const r = findRoute(ctx, p.Identity);
      return r
        ? [routeObject(r)]
        : psError("ObjectNotFound", `Cannot find voice route with Identity "${p.Identity}".`);
    }
    const filter = typeof p.Filter === "string" ? wildcard(p.Filter) : undefined;
    return ctx.area.voiceRoutes.filter((r) => !filter || filter.test(r.name)).map(routeObject);
  },
  "New-CsOnlineVoiceRoute": (ctx, p) => {
    const name = p.Identity as string;
    if (findRoute(ctx, name)) return psError("ResourceExists", `The voice route "${name}" already exists.`);
    const settings = routeSettings(ctx, {}, p);
    if (isPsError(settings)) return settings;
    const route = { name, settings };
    ctx.area.voiceRoutes.push(route);
    return routeObject(route);
  },
  "Set-CsOnlineVoiceRoute": (ctx, p) => {
    const route = findRoute(ctx, p.Identity as string);
    if (!route)
      return psError("ObjectNotFound", `Cannot find voice route with Identity "${String(p.Identity)}".`);
    const settings = routeSettings(ctx, route.settings, p);
    if (isPsError(settings)) return settings;
    route.settings = settings;
    return null;
  },
  "Remove-CsOnlineVoiceRoute": (ctx, p) => {
    const route = findRoute(ctx, p.Identity as string);
    if (!route)
      return psError("ObjectNotFound", `Cannot find voice route with Identity "${String(p.Identity)}".`);
    ctx.area.voiceRoutes = ctx.area.voiceRoutes.filter((r) => r !== route);
    return null;
  },
};
