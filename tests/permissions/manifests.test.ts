import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ALLOWED_APPLICATION_PERMISSIONS,
  checkPermissionManifests,
  DENIED_APPLICATION_PERMISSIONS,
  findPermissionManifest,
  PERMISSION_MANIFESTS,
  permissionUnion,
  renderPermissionsDoc,
} from "../../src/permissions";
import type { PermissionManifest } from "../../src/permissions";
import { PERMISSIONS_DOC_PATH } from "../../src/permissions/generateDoc";

/** Prettier's CLI in a child process: its API needs dynamic import(), which Jest's CommonJS sandbox refuses. */
function prettierFormat(markdown: string): string {
  const bin = join(__dirname, "..", "..", "node_modules", "prettier", "bin", "prettier.cjs");
  return execFileSync(process.execPath, [bin, "--stdin-filepath", PERMISSIONS_DOC_PATH], {
    input: markdown,
    encoding: "utf8",
  });
}

describe("permission manifests (least privilege)", () => {
  it("every declared permission is on the allow-list and none is on the deny-list", () => {
    expect(checkPermissionManifests(PERMISSION_MANIFESTS)).toEqual([]);
    const declared = PERMISSION_MANIFESTS.flatMap((m) => [...m.read, ...m.write]);
    for (const denied of DENIED_APPLICATION_PERMISSIONS) {
      expect(declared).not.toContain(denied.name);
    }
  });

  it("keeps the allow-list tight: every allowed permission is used by some manifest", () => {
    const used = new Set(PERMISSION_MANIFESTS.flatMap((m) => [...m.read, ...m.write]));
    expect(ALLOWED_APPLICATION_PERMISSIONS.map((a) => a.name).filter((name) => !used.has(name))).toEqual([]);
  });

  it("declares the licensing and Teams resources with the reference's least-privileged permissions", () => {
    expect(findPermissionManifest("pulumi-nodejs:dynamic/tenant-m365:GroupLicenses")).toMatchObject({
      read: expect.arrayContaining(["Organization.Read.All"]),
      write: ["LicenseAssignment.ReadWrite.All"],
    });
    expect(findPermissionManifest(RESOURCE_TYPES.numberAssignments)?.write).toEqual([
      "TeamsTelephoneNumber.ReadWrite.All",
    ]);
    expect(findPermissionManifest("teams:UserPolicyAssignments")?.write).toEqual([
      "TeamsPolicyUserAssign.ReadWrite.All",
    ]);
    expect(findPermissionManifest("teams:PowerShellAdministration")?.roles).toEqual(["Teams Administrator"]);
  });

  it("catches each kind of problem", () => {
    const bad: PermissionManifest[] = [
      {
        resource: "licensing:Broad",
        read: ["Directory.Read.All"],
        write: ["Directory.ReadWrite.All"],
        why: "because it is easier to ask for everything",
      },
      { resource: "licensing:Broad", read: [], write: [], why: "duplicate resource token here" },
      { resource: "Bad Name", read: ["Mail.Read", "Mail.Read", "not-a-permission"], write: [], why: "short" },
      {
        resource: "teams:ReadOnly",
        read: ["TeamsTelephoneNumber.ReadWrite.All"],
        write: [],
        why: "reads with a write permission only",
      },
    ];
    expect(checkPermissionManifests(bad)).toEqual([
      "licensing:Broad (read) Directory.Read.All: denied as broader than needed; use Organization.Read.All, GroupMember.Read.All and User.Read.All cover every read",
      "licensing:Broad (write) Directory.ReadWrite.All: denied as broader than needed; use LicenseAssignment.ReadWrite.All for licences; nothing else here writes the directory",
      "licensing:Broad: declared twice",
      'Bad Name: resource must be a type token, "pulumi-nodejs:dynamic/<module>:<Type>" or "<module>:<Type>"',
      'Bad Name: "why" must explain the permissions',
      "Bad Name (read) Mail.Read: not on the least-privilege allow-list (src/permissions/allowList.ts)",
      "Bad Name (read) Mail.Read: listed twice",
      "Bad Name (read) Mail.Read: not on the least-privilege allow-list (src/permissions/allowList.ts)",
      "Bad Name (read) not-a-permission: not a permission name",
      "Bad Name (read) not-a-permission: not on the least-privilege allow-list (src/permissions/allowList.ts)",
      "teams:ReadOnly (read) TeamsTelephoneNumber.ReadWrite.All: a ReadWrite permission for read only; is there no Read permission?",
    ]);
    expect(checkPermissionManifests([], [{ name: "Directory.Read.All", usedFor: "x" }])).toEqual([
      "Directory.Read.All: both allowed and denied",
    ]);
  });

  it("computes the union with who needs each permission", () => {
    const union = permissionUnion();
    expect(union.map((u) => u.permission)).toEqual(
      [...union.map((u) => u.permission)].sort((a, b) => a.localeCompare(b)),
    );
    expect(
      union.find((u) => u.permission === "TeamsUserConfiguration.Read.All")?.usedBy.map((u) => u.resource),
    ).toEqual(["teams:UserPolicyAssignments"]);
  });
});

describe("docs/permissions.md", () => {
  it("is generated from the manifests and up to date (run `npm run gen:permissions`)", () => {
    const onDisk = readFileSync(PERMISSIONS_DOC_PATH, "utf8");
    expect(onDisk).toBe(prettierFormat(renderPermissionsDoc(PERMISSION_MANIFESTS)));
  });

  it("goes stale when a manifest changes", () => {
    const changed = PERMISSION_MANIFESTS.map((m) =>
      m.resource === RESOURCE_TYPES.groupLicenses ? { ...m, read: [...m.read, "Organization.Read.All2"] } : m,
    );
    expect(renderPermissionsDoc(changed)).not.toBe(renderPermissionsDoc(PERMISSION_MANIFESTS));
  });

  it("lists the app registration steps, every permission with its reason, and the Teams role for issue 5", () => {
    const doc = renderPermissionsDoc(PERMISSION_MANIFESTS);
    expect(doc).toContain("## Register the application");
    expect(doc).toContain("AZURE_FEDERATED_TOKEN_FILE");
    for (const allowed of ALLOWED_APPLICATION_PERMISSIONS) {
      expect(doc).toContain(`\`${allowed.name}\``);
    }
    expect(doc).toContain("**Teams Administrator**");
    expect(doc).toContain("Used by issue 5");
  });
});
