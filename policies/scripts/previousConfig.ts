// Builds the policy config for a real preview with the removal policies switched on:
//   pulumi stack export --file state.json
//   npx tsx policies/scripts/previousConfig.ts state.json policies/config/<stack>.json > /tmp/policy-config.json
//   pulumi preview --policy-pack policies --policy-pack-config /tmp/policy-config.json
// The analyzer never sees old state; this hands it the previous numbers and SKUs per department as config.
import { readFileSync } from "node:fs";
import { PREVIOUS_CONFIG_KEY, summarisePrevious, type TypedInputs } from "../lib/previous";
import { registry } from "../registry";

const [statePath, configPath] = process.argv.slice(2);
if (!statePath) {
  process.stderr.write("usage: previousConfig.ts <stack export JSON> [policies/config/<stack>.json]\n");
  process.exit(2);
}
const state = JSON.parse(readFileSync(statePath, "utf8")) as { deployment?: { resources?: TypedInputs[] } };
const summary = summarisePrevious(state.deployment?.resources ?? []);
const config = configPath ? (JSON.parse(readFileSync(configPath, "utf8")) as Record<string, unknown>) : {};
for (const { policy } of registry.all()) {
  if (!policy.configSchema?.properties[PREVIOUS_CONFIG_KEY]) continue;
  const entry = config[policy.name];
  const base =
    typeof entry === "string" ? { enforcementLevel: entry } : ((entry as object | undefined) ?? {});
  config[policy.name] = { ...base, [PREVIOUS_CONFIG_KEY]: summary };
}
process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
