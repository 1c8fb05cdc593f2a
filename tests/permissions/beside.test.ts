/**
 * Permissions beside what needs them: every resource type token the toolkit registers and every command that
 * talks to a tenant has a manifest, declared in the `permissions.ts` of the folder that holds its code, and the
 * registry (src/permissions/registry.ts) lists every manifest declared anywhere and no other.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { PERMISSION_MANIFESTS, type PermissionManifest } from "../../src/permissions";
import { RESOURCE_PERMISSIONS } from "../../src/permissions/resourcePermissions";
import { RESOURCE_TYPES } from "../../src/resourceTypes";

const SRC = join(__dirname, "..", "..", "src");
const COMMANDS = join(SRC, "cli", "commands");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const isManifest = (value: unknown): value is PermissionManifest =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as PermissionManifest).resource === "string" &&
  Array.isArray((value as PermissionManifest).read) &&
  Array.isArray((value as PermissionManifest).write);

/** Every manifest exported by a `permissions.ts` under src/, with the folder it sits in (relative to src/). */
function declaredManifests(): { folder: string; manifest: PermissionManifest }[] {
  return sourceFiles(SRC)
    .filter((file) => file.endsWith("/permissions.ts"))
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each folder's manifests, found on disk
      const exports = require(file) as Record<string, unknown>;
      return Object.values(exports)
        .filter(isManifest)
        .map((manifest) => ({ folder: relative(SRC, dirname(file)), manifest }));
    });
}

/** The folder of each class that declares `static readonly TYPE = RESOURCE_TYPES.<key>`, by token. */
function resourceClassFolders(): Map<string, string[]> {
  const byToken = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, "utf8").matchAll(
      /static readonly TYPE = RESOURCE_TYPES\.(\w+);/g,
    )) {
      const token = RESOURCE_TYPES[match[1] as keyof typeof RESOURCE_TYPES];
      byToken.set(token, [...(byToken.get(token) ?? []), relative(SRC, dirname(file))]);
    }
  }
  return byToken;
}

/**
 * Commands that reach a tenant: their module loads the Graph client, the live reader or the Teams PowerShell
 * adapter. Named as typed (`tenant drift`), their code in src/<command>/.
 */
function tenantCommands(): string[] {
  return readdirSync(COMMANDS)
    .filter((name) => name.endsWith(".ts"))
    .filter((name) =>
      /graph\/create|live\/read|teams\/powershell|teams\/admin/.test(
        readFileSync(join(COMMANDS, name), "utf8"),
      ),
    )
    .map((name) => name.replace(/\.ts$/, ""))
    .sort();
}

describe("permission manifests beside their code", () => {
  const declared = declaredManifests();
  const folderOf = (resource: string) => declared.filter((d) => d.manifest.resource === resource);

  it("every registered resource type token has a manifest in the folder of the class that declares it", () => {
    const classes = resourceClassFolders();
    const tokens = Object.values(RESOURCE_TYPES);
    // Each token is declared by exactly one class; otherwise "its folder" would mean nothing.
    expect(tokens.filter((token) => classes.get(token)?.length !== 1)).toEqual([]);
    const misplaced = tokens
      .map((token) => ({
        token,
        classIn: classes.get(token)?.[0],
        manifestIn: folderOf(token).map((d) => d.folder),
      }))
      .filter(({ classIn, manifestIn }) => manifestIn.length !== 1 || manifestIn[0] !== classIn);
    expect(misplaced).toEqual([]);
  });

  it("every command that talks to a tenant has a manifest in its own folder", () => {
    const commands = tenantCommands();
    // The detection must see the two known ones, or it detects nothing and this test could not fail.
    expect(commands).toEqual(expect.arrayContaining(["drift", "export"]));
    const missing = commands
      .map((command) => ({ command, manifestIn: folderOf(`tenant ${command}`).map((d) => d.folder) }))
      .filter(({ command, manifestIn }) => manifestIn.length !== 1 || manifestIn[0] !== command);
    expect(missing).toEqual([]);
  });

  it("the registry lists exactly the manifests declared beside code", () => {
    expect(new Set(PERMISSION_MANIFESTS)).toEqual(new Set(declared.map((d) => d.manifest)));
    expect(PERMISSION_MANIFESTS.length).toBe(declared.length);
  });

  it("no manifest names a resource or command that does not exist", () => {
    const known = new Set<string>([
      ...Object.values(RESOURCE_TYPES),
      ...RESOURCE_PERMISSIONS.map((p) => p.type),
      ...tenantCommands().map((command) => `tenant ${command}`),
    ]);
    expect(PERMISSION_MANIFESTS.map((m) => m.resource).filter((resource) => !known.has(resource))).toEqual(
      [],
    );
  });
});
