/**
 * Provider code runs the client after Pulumi has serialized it (pulumi-offline.md §3.2): prove that a function
 * using createGraphClient survives `pulumi.runtime.serializeFunction` and works in a fresh Node process.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { createGraphClient } from "../../src/graph";
import { startTestServer } from "./helpers/httpsTestServer";

describe("GraphClient inside a serialized dynamic-provider function", () => {
  it("serializes, loads in a fresh process and calls Graph over HTTPS with the private CA", async () => {
    const server = await startTestServer((request) => ({
      json: { path: request.url, auth: request.headers.authorization },
    }));
    const dir = mkdtempSync(join(tmpdir(), "graph-serialized-"));
    try {
      // What a provider's create() would do: everything (endpoint, CA, token) read at call time, nothing captured.
      const handler = async (): Promise<unknown> => {
        const client = createGraphClient({ env: process.env });
        return client.get("/organization");
      };
      const serialized = await pulumi.runtime.serializeFunction(handler);
      const file = join(dir, "provider.js");
      writeFileSync(
        file,
        `${serialized.text}\nexports.${serialized.exportName}().then((r) => process.stdout.write(JSON.stringify(r)), (e) => { process.stderr.write(String(e)); process.exit(1); });\n`,
      );
      const { stdout } = await promisify(execFile)(process.execPath, [file], {
        env: {
          PATH: process.env.PATH,
          NODE_PATH: join(__dirname, "..", "..", "node_modules"),
          TENANT_GRAPH_ENDPOINT: server.url,
          TENANT_GRAPH_CA_FILE: writeCa(dir, server.caPem),
          TENANT_GRAPH_STATIC_TOKEN: "serialized-static-token",
        },
      });
      expect(JSON.parse(stdout)).toEqual({
        path: "/v1.0/organization",
        auth: "Bearer serialized-static-token",
      });
      // No secret was captured into the provider text.
      expect(serialized.text).not.toContain("serialized-static-token");
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await server.close();
    }
  });
});

function writeCa(dir: string, pem: string): string {
  const file = join(dir, "ca.pem");
  writeFileSync(file, pem);
  return file;
}
