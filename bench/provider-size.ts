/**
 * Size of each dynamic provider as the SDK stores it in state (`__provider`, twice per resource): serializes the
 * program's provider singletons the way `dynamic.Resource` does and prints characters and time per provider.
 * Run under tsx (`npm run bench:provider-size`); ts-node (the engine) and @swc/jest emit slightly different text.
 */
import * as pulumi from "@pulumi/pulumi";
import { groupLicensesProvider } from "../src/m365/licensing/GroupLicenses";
import { numberAssignmentsProvider } from "../src/teams/numbers/NumberAssignments";
import { teamsProvider } from "../src/teams/provider/teamsProvider";

async function main(): Promise<void> {
  const providers = { groupLicensesProvider, numberAssignmentsProvider, teamsProvider };
  for (const [name, provider] of Object.entries(providers)) {
    const started = process.hrtime.bigint();
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const kb = (serialized.text.length / 1024).toFixed(1);
    console.log(
      `${name.padEnd(26)} ${String(serialized.text.length).padStart(8)} chars (${kb} KB)  ${ms.toFixed(0)} ms  secrets: ${serialized.containsSecrets}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
