import { validateDefinition } from "/work/main/src/config/validate";
import { buildSettings } from "/work/main/src/plan/settings";
let peak = { heapTotal: 0, heapUsed: 0, rss: 0 };
const t = setInterval(() => { const u = process.memoryUsage(); peak = { heapTotal: Math.max(peak.heapTotal, u.heapTotal), heapUsed: Math.max(peak.heapUsed, u.heapUsed), rss: Math.max(peak.rss, u.rss) }; }, 20);
const show = (l: string) => { console.error(l, Object.entries(peak).map(([k, v]) => `${k} ${Math.round(v / 1e6)}`).join(" ")); };
(async () => {
  const dir = process.argv[2];
  const r = validateDefinition(dir);
  show("validated");
  const { renderTenant } = require("/work/main/src/render/renderer");
  show("loaded");
  const { graph } = await renderTenant(r.definition!, buildSettings({ dir, format: "json", layers: (process.argv[3] ?? "landingZone,identity,m365,teamsVoice").split(",") } as any));
  show("rendered");
  clearInterval(t);
})();
