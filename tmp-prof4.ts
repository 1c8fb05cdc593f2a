import { validateDefinition } from "/work/main/src/config/validate";
import { buildSettings } from "/work/main/src/plan/settings";
const v8 = require("v8");
(async () => {
  const dir = process.argv[2];
  const r = validateDefinition(dir);
  const { renderTenant } = require("/work/main/src/render/renderer");
  const before = v8.getHeapStatistics();
  await renderTenant(r.definition!, buildSettings({ dir, format: "json", layers: process.argv[3].split(",") } as any));
  const after = v8.getHeapStatistics();
  console.log(process.argv[3], "malloced peak", Math.round(after.peak_malloced_memory/1e6), "heap used now", Math.round(after.used_heap_size/1e6), "total", Math.round(after.total_heap_size/1e6));
})();
