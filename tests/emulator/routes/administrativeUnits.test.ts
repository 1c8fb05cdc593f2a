/**
 * The emulator's administrative-unit routes (src/emulator/routes/administrativeUnits.ts) answer in the shape
 * Microsoft's v1.0 metadata declares for microsoft.graph.administrativeUnit (graph-v1-identity-subset.json): the
 * example city's seeded units, a created one, a read by id and an update's effect.
 */
import { join } from "node:path";
import { conformance } from "../helpers/graphConformance";
import { startTestEmulator, type TestEmulator } from "../helpers/client";

const EXAMPLE = join(__dirname, "..", "..", "..", "stacks", "example");
const UNITS = "/v1.0/directory/administrativeUnits";
const TYPE = "microsoft.graph.administrativeUnit";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ seed: EXAMPLE });
});
afterAll(async () => t.stop());

const conforms = (units: Record<string, unknown>[]) =>
  expect(units.flatMap((u, i) => conformance(TYPE, u, `unit[${i}]`))).toEqual([]);

it("lists the seeded units (one per department), each as the metadata declares it", async () => {
  const list = await t.client.call("GET", UNITS);
  expect(list.status).toBe(200);
  const units = list.body.value as Record<string, unknown>[];
  expect(units.length).toBeGreaterThan(20);
  expect(units.every((u) => String(u.displayName).startsWith("au-cde-"))).toBe(true);
  conforms(units);
});

it("creates, reads and updates a unit, every answer conformant", async () => {
  const created = await t.client.call("POST", UNITS, {
    body: {
      displayName: "au-cde-prueba",
      description: "conformance",
      membershipType: "Dynamic",
      membershipRule: 'user.department -eq "Prueba"',
      membershipRuleProcessingState: "On",
    },
  });
  expect(created.status).toBe(201);
  conforms([created.body]);
  const id = String(created.body.id);
  const patched = await t.client.call("PATCH", `${UNITS}/${id}`, {
    body: { membershipRuleProcessingState: "Paused" },
  });
  expect(patched.status).toBe(204);
  const read = await t.client.call("GET", `${UNITS}/${id}`);
  expect(read.status).toBe(200);
  expect(read.body.membershipRuleProcessingState).toBe("Paused");
  conforms([read.body]);
});
