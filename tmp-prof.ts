import { validateDefinition } from "/work/main/src/config/validate";
import { buildSettings } from "/work/main/src/plan/settings";
import { formatPlan } from "/work/main/src/plan/format";
const g = (global as any).gc;
const m = (label: string) => { g(); const u = process.memoryUsage(); console.error(label, "heap", Math.round(u.heapUsed/1e6), "rss", Math.round(u.rss/1e6), "ext", Math.round(u.external/1e6), "ab", Math.round(u.arrayBuffers/1e6)); };
(async () => {
  m("start");
  const dir = process.argv[2];
  const r = validateDefinition(dir);
  m("validated");
  const { buildPlan } = require("/work/main/src/plan/buildPlan");
  m("loaded pulumi");
  const plan = await buildPlan(r.definition!, buildSettings({ dir, format: "json", layers: require("/work/main/src/layers").LAYER_NAMES } as any));
  m("built");
  const out = formatPlan(plan, "json");
  m("formatted " + out.length);
})();
(async () => {
  await new Promise((r) => setTimeout(r, 100));
})();
