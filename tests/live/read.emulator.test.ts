/**
 * The live reader against the emulator over HTTPS: paging (more users and numbers than a page), throttling
 * (429/503 with Retry-After on the Graph routes: the read succeeds, the counters show the retries) and an
 * interrupted read that resumes from its checkpoint.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readLiveTenant } from "../../src/live/read";
import type { ReadProgressEvent } from "../../src/live/readProgress";
import { DefinitionFixture } from "../helpers/definitionFixture";
import { requestsTo, startExportBed, type ExportBed } from "../export/helpers/appliedEmulator";

// 1,130 users (two pages of 999) and the fixture's 10,000-number range (ten pages of 1,000, then an empty one).
const fixture = new DefinitionFixture()
  .edit("departments/culture.yaml", "headcount: 40", "headcount: 1100")
  .edit("tenant.yaml", "seats: 100", "seats: 2000");

let bed: ExportBed;
let clean: Awaited<ReturnType<typeof readLiveTenant>>["tenant"];
beforeAll(async () => {
  bed = await startExportBed(fixture.dir, { faults: { quota: false } });
  clean = (await readLiveTenant({ graph: bed.graph(), powershell: bed.powershell })).tenant;
});
afterAll(async () => {
  await bed.stop();
  fixture.remove();
});
beforeEach(() => {
  bed.emu.counters.reset();
  Object.assign(bed.emu.faults, { rate429: 0, rate503: 0, routes: undefined });
});

const withoutReadAt = (t: typeof clean) => ({ ...t, readAt: "" });

it("follows every page: users and user configurations by nextLink, the inventory by $skip", async () => {
  const events: ReadProgressEvent[] = [];
  const { tenant } = await readLiveTenant(
    { graph: bed.graph(), powershell: bed.powershell },
    { progress: (e) => events.push(e) },
  );
  expect(tenant.users).toHaveLength(1130);
  expect(new Set(tenant.users.map((u) => u.id)).size).toBe(1130);
  expect(tenant.userConfigurations).toHaveLength(1130);
  expect(tenant.numbers).toHaveLength(10_000);
  expect(requestsTo(bed.emu, "GET /v1.0/users")).toBe(2);
  expect(requestsTo(bed.emu, "GET /v1.0/admin/teams/userConfigurations")).toBe(2);
  expect(requestsTo(bed.emu, "numberAssignments")).toBe(11);
  const pages = (section: string) => events.filter((e) => e.kind === "page" && e.section === section).length;
  expect([pages("users"), pages("userConfigurations"), pages("numbers")]).toEqual([2, 2, 11]);
  // Owners of both groups in one $batch, their member counts in another; the shortName-bearing groups are the
  // department groups.
  expect(requestsTo(bed.emu, "POST /v1.0/$batch")).toBe(2);
  // Member counts follow nextLink past the first 999 (the seeded department has 1,130 users).
  const realCount = (id: string) =>
    bed.emu.state.members(bed.emu.state.groups.find((x) => x.id === id)!).length;
  expect(tenant.groups.map((g) => g.memberCount)).toEqual(tenant.groups.map((g) => realCount(g.id)));
  expect(Math.max(...tenant.groups.map((g) => g.memberCount ?? 0))).toBeGreaterThan(999);
  expect(tenant.groups.map((g) => g.displayName).sort()).toEqual(["grp-vp-culture", "grp-vp-mobility"]);
});

it("rides out 429s and 503s with Retry-After on every Graph route and reads the same tenant", async () => {
  Object.assign(bed.emu.faults, {
    // About one request in four fails; the seed fixes which, so the run is the same every time.
    rate429: 0.2,
    rate503: 0.1,
    retryAfter: 0.01,
    seed: 11,
    // Graph only: the PowerShell endpoint stands for the Teams module, which has its own transport.
    routes: ["/v1.0/users", "/v1.0/groups", "subscribedSkus", "organization", "/v1.0/admin/teams", "$batch"],
  });
  const graph = bed.graph();
  const { tenant } = await readLiveTenant({ graph, powershell: bed.powershell });
  const byRoute = Object.entries(bed.emu.counters.snapshot().byRoute);
  const failed = (keep: (key: string) => boolean) =>
    byRoute.filter(([key]) => keep(key)).reduce((sum, [, c]) => sum + c.throttled + c.faulted, 0);
  // Every failed single request was retried once per failure; inner $batch failures in rounds of the batch.
  const single = failed((key) => !key.includes("/owners"));
  expect(single).toBeGreaterThanOrEqual(3);
  expect(graph.retryLog.filter((e) => e.innerRequests === undefined)).toHaveLength(single);
  expect(graph.retryLog.filter((e) => e.event !== "retry")).toEqual([]);
  expect(graph.stats.retries).toBe(graph.retryLog.length);
  expect(withoutReadAt(tenant)).toEqual(withoutReadAt(clean));
});

it("an interrupted read resumes from its checkpoint: finished sections and pages are not read again", async () => {
  const dir = join(bed.tmp(), "checkpoint");
  const interrupt = (e: ReadProgressEvent) => {
    if (e.kind === "page" && e.section === "numbers" && e.pages === 3) throw new Error("interrupted (test)");
  };
  await expect(
    readLiveTenant(
      { graph: bed.graph(), powershell: bed.powershell },
      { checkpointDir: dir, progress: interrupt },
    ),
  ).rejects.toThrow("interrupted (test)");
  expect(readdirSync(dir).filter((f) => f.startsWith("numbers.page-"))).toHaveLength(3);

  bed.emu.counters.reset();
  const events: ReadProgressEvent[] = [];
  const again = await readLiveTenant(
    { graph: bed.graph(), powershell: bed.powershell },
    { checkpointDir: dir, progress: (e) => events.push(e) },
  );
  expect(again.resumed).toEqual(["organization", "skus", "groups", "owners", "users", "numbers (3 pages)"]);
  expect(events).toContainEqual({ kind: "resumed", section: "numbers", pages: 3, items: 3000 });
  expect(requestsTo(bed.emu, "GET /v1.0/users")).toBe(0);
  expect(requestsTo(bed.emu, "numberAssignments")).toBe(8);
  expect(withoutReadAt(again.tenant)).toEqual(withoutReadAt(clean));

  // `fresh` throws the checkpoint away and reads everything again.
  bed.emu.counters.reset();
  const fresh = await readLiveTenant(
    { graph: bed.graph(), powershell: bed.powershell },
    { checkpointDir: dir, fresh: true },
  );
  expect(fresh.resumed).toEqual([]);
  expect(requestsTo(bed.emu, "GET /v1.0/users")).toBe(2);
  fresh.checkpoint!.discard();
  expect(existsSync(dir)).toBe(false);
});
