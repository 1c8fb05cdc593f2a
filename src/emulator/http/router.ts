import type { RouteDef, RouteMatch, Routes } from "./types";

interface CompiledRoute {
  def: RouteDef;
  /** `METHOD template`: the key counters report under. */
  key: string;
  pattern: RegExp;
  names: string[];
}

/** The routes of every area in one table; areas add theirs with `add` (one module per Graph area). */
export class RouteTable implements Routes {
  private readonly routes: CompiledRoute[] = [];

  add(defs: readonly RouteDef[]): this {
    for (const def of defs) {
      const names: string[] = [];
      const source = def.template
        .split(/(\{[A-Za-z0-9_]+\})/)
        .map((part) => {
          const m = /^\{([A-Za-z0-9_]+)\}$/.exec(part);
          if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(m[1]);
          return "([^/]+)";
        })
        .join("");
      const key = `${def.method} ${def.template}`;
      if (this.routes.some((r) => r.key === key)) throw new Error(`route ${key} registered twice`);
      this.routes.push({ def, key, pattern: new RegExp(`^${source}/?$`, "i"), names });
    }
    // Literal templates win over placeholders (`/users/delta` before `/users/{id}`): fewer captures first.
    this.routes.sort((a, b) => a.names.length - b.names.length);
    return this;
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.def.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = m[i + 1]));
      return { route: r.def, key: r.key, params };
    }
    return pathMatched ? { methodNotAllowed: true } : undefined;
  }

  keys(): string[] {
    return this.routes.map((r) => r.key);
  }
}
