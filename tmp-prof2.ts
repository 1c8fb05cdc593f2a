import { validateDefinition } from "/work/main/src/config/validate";
import { buildSettings } from "/work/main/src/plan/settings";
(async () => {
  const dir = process.argv[2];
  const r = validateDefinition(dir);
  const { renderTenant } = require("/work/main/src/render/renderer");
  const { graph } = await renderTenant(r.definition!, buildSettings({ dir, format: "json", layers: require("/work/main/src/layers").LAYER_NAMES } as any));
  const by = new Map<string, [number, number]>();
  for (const res of graph.resources ?? Object.values(graph)) {
    const t = (res as any).type; const sz = JSON.stringify((res as any).inputs ?? {}).length;
    const c = by.get(t) ?? [0, 0]; by.set(t, [c[0] + 1, c[1] + sz]);
  }
  console.log([...by].sort((a, b) => b[1][1] - a[1][1]).slice(0, 12).map(([t, [n, s]]) => `${t} ${n} ${Math.round(s / 1e3)} KB`).join("\n"));
})();
