import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E5, startTestEmulator } from "./helpers/client";

describe("state file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "emulator-state-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the tenant across a restart, and writes the CA beside it", async () => {
    const stateFile = join(dir, "tenant.json");
    const first = await startTestEmulator({ stateFile });
    expect(first.emu.caFile).toBe(`${stateFile}.ca.pem`);
    expect(readFileSync(first.emu.caFile, "utf8")).toBe(first.emu.caPem);
    const group = first.emu.state.groups.find((g) => g.displayName === "grp-vp-mobility")!;
    expect(
      (
        await first.client.post(`/v1.0/groups/${group.id}/assignLicense`, {
          addLicenses: [{ skuId: E5 }],
          removeLicenses: [],
        })
      ).status,
    ).toBe(202);
    await first.stop();
    expect(existsSync(stateFile)).toBe(true);
    expect(readdirTmp(dir)).toEqual([]);

    // Seed is ignored when the file exists: the restarted emulator has the licence, and the job finishes on its clock.
    const second = await startTestEmulator({ stateFile, clock: first.clock });
    try {
      const g = await second.client.get(
        `/v1.0/groups/${group.id}?$select=assignedLicenses,licenseProcessingState`,
      );
      expect(g.body.assignedLicenses).toEqual([{ skuId: E5, disabledPlans: [] }]);
      expect(g.body.licenseProcessingState).toEqual({ state: "QueuedForProcessing" });
      second.clock.advance(2000);
      const luis = await second.client.get("/v1.0/users/luis@villa.example?$select=assignedLicenses");
      expect(luis.body.assignedLicenses).toEqual([{ skuId: E5, disabledPlans: [] }]);
    } finally {
      await second.stop();
    }
    const saved = JSON.parse(readFileSync(stateFile, "utf8"));
    expect(saved.groups.find((g: { id: string }) => g.id === group.id).licenseProcessingState).toBe(
      "ProcessingComplete",
    );
  });
});

function readdirTmp(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".tmp"));
}
