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
  it("every declared permission is on the allow-list and the deploying app asks for none on the deny-list", () => {
    expect(checkPermissionManifests(PERMISSION_MANIFESTS)).toEqual([]);
    const deploying = PERMISSION_MANIFESTS.filter((m) => m.principal !== "drift");
    const declared = deploying.flatMap((m) => [...m.read, ...m.write]);
    for (const denied of DENIED_APPLICATION_PERMISSIONS) {
      expect(declared).not.toContain(denied.name);
    }
    // The read-only drift app holds a denied permission only where the deny-list says why.
    const driftOnly = DENIED_APPLICATION_PERMISSIONS.filter((d) => d.driftAppOnly).map((d) => d.name);
    const driftDenied = PERMISSION_MANIFESTS.filter((m) => m.principal === "drift")
      .flatMap((m) => m.read)
      .filter((p) => DENIED_APPLICATION_PERMISSIONS.some((d) => d.name === p));
    expect(driftDenied.filter((p) => !driftOnly.includes(p))).toEqual([]);
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
    // Every *-Cs resource: Organization.Read.All plus the Teams Administrator role (app-only Teams PowerShell).
    for (const token of [
      RESOURCE_TYPES.dialPlan,
      RESOURCE_TYPES.globalPolicyGrant,
      RESOURCE_TYPES.pstnUsages,
    ]) {
      expect(findPermissionManifest(token)).toMatchObject({
        read: ["Organization.Read.All"],
        write: [],
        roles: ["Teams Administrator"],
      });
    }
    // An address's delete clears the location of unassigned numbers through Graph (numbersAt.ts).
    expect(findPermissionManifest(RESOURCE_TYPES.emergencyAddress)?.write).toEqual([
      "TeamsTelephoneNumber.ReadWrite.All",
    ]);
  });

  it("declares drift's directory audit read, for the read-only drift app only", () => {
    expect(findPermissionManifest("tenant drift")).toMatchObject({
      principal: "drift",
      read: expect.arrayContaining([
        "AuditLog.Read.All",
        "Directory.Read.All",
        "TeamsUserConfiguration.Read.All",
      ]),
      write: [],
    });
    expect(findPermissionManifest("tenant export")).toMatchObject({
      read: expect.arrayContaining(["TeamsUserConfiguration.Read.All"]),
      write: [],
    });
    expect(findPermissionManifest("tenant export")?.read).not.toContain("Directory.Read.All");
  });

  it("catches each kind of problem", () => {
    const BROAD = "pulumi-nodejs:dynamic/tenant-m365:Broad";
    const READ_ONLY = "pulumi-nodejs:dynamic/tenant-teams:ReadOnly";
    const bad: PermissionManifest[] = [
      {
        resource: BROAD,
        read: ["Directory.Read.All"],
        write: ["Directory.ReadWrite.All"],
        why: "because it is easier to ask for everything",
      },
      { resource: BROAD, read: [], write: [], why: "duplicate resource token here" },
      { resource: "Bad Name", read: ["Mail.Read", "Mail.Read", "not-a-permission"], write: [], why: "short" },
      {
        resource: READ_ONLY,
        read: ["TeamsTelephoneNumber.ReadWrite.All"],
        write: [],
        why: "reads with a write permission only",
      },
      {
        resource: "tenant drift",
        principal: "drift",
        read: ["AuditLog.Read.All", "Directory.Read.All"],
        write: ["Group.Create"],
        why: "the drift app may read the directory for the audit, never write",
      },
      {
        resource: "tenant export",
        read: ["Directory.Read.All"],
        write: [],
        why: "the deploying app may not read the whole directory",
      },
    ];
    expect(checkPermissionManifests(bad)).toEqual([
      `${BROAD} (read) Directory.Read.All: denied as broader than needed; use Organization.Read.All, GroupMember.Read.All and User.Read.All cover every read`,
      `${BROAD} (write) Directory.ReadWrite.All: denied as broader than needed; use LicenseAssignment.ReadWrite.All for licences; nothing else here writes the directory`,
      `${BROAD}: declared twice`,
      'Bad Name: resource must be a type token ("pulumi-nodejs:dynamic/<module>:<Type>", "<package>:<module>:<Type>") or a command ("tenant <command>")',
      'Bad Name: "why" must explain the permissions',
      "Bad Name (read) Mail.Read: not on the least-privilege allow-list (src/permissions/allowList.ts)",
      "Bad Name (read) Mail.Read: listed twice",
      "Bad Name (read) Mail.Read: not on the least-privilege allow-list (src/permissions/allowList.ts)",
      "Bad Name (read) not-a-permission: not a permission name",
      "Bad Name (read) not-a-permission: not on the least-privilege allow-list (src/permissions/allowList.ts)",
      `${READ_ONLY} (read) TeamsTelephoneNumber.ReadWrite.All: a ReadWrite permission for read only; is there no Read permission?`,
      "tenant drift: the drift app is read-only, but write lists Group.Create",
      "tenant export (read) Directory.Read.All: denied as broader than needed; use Organization.Read.All, GroupMember.Read.All and User.Read.All cover every read",
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
    ).toEqual(["tenant drift", "tenant export"]);
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

  it("lists the app registration steps, every permission with its reason, the Teams role and the drift app", () => {
    const doc = renderPermissionsDoc(PERMISSION_MANIFESTS);
    expect(doc).toContain("## Register the application");
    expect(doc).toContain("AZURE_FEDERATED_TOKEN_FILE");
    for (const allowed of ALLOWED_APPLICATION_PERMISSIONS) {
      expect(doc).toContain(`\`${allowed.name}\``);
    }
    expect(doc).toContain("**Teams Administrator**");
    expect(doc).toContain("## The read-only drift application");
    // Directory.Read.All is in the drift app's table (for the audit) and never in the deploying app's union.
    const deployUnion = doc.slice(
      doc.indexOf("## Application permissions"),
      doc.indexOf("## The read-only drift"),
    );
    expect(deployUnion).not.toContain("`Directory.Read.All`");
    expect(doc.slice(doc.indexOf("## The read-only drift"))).toContain("`Directory.Read.All`");
  });
});
