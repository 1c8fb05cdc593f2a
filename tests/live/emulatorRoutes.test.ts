/**
 * The two emulator routes the reader needs that the toolkit's writers never used: `GET /organization` and
 * `GET /groups/{id}/owners` (owners kept as `ownerIds` on the group record, none by default).
 */
import { startTestEmulator, type TestEmulator } from "../emulator/helpers/client";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => t.stop());

it("GET /organization lists the tenant's one organization", async () => {
  const r = await t.client.get("/v1.0/organization");
  expect(r.status).toBe(200);
  expect(r.body.value).toHaveLength(1);
  expect(r.body.value[0]).toMatchObject({
    id: "11111111-2222-3333-4444-555555555555",
    displayName: "Villa Pequeña",
    countryLetterCode: "ES",
    verifiedDomains: [{ name: "villa.example", isDefault: true }],
  });
});

it("GET /groups/{id}/owners lists the owners as users, none by default", async () => {
  const group = t.emu.state.groups[0];
  expect((await t.client.get(`/v1.0/groups/${group.id}/owners`)).body.value).toEqual([]);
  const ana = t.emu.state.findUser("ana@villa.example")!;
  group.ownerIds = [ana.id, "00000000-0000-0000-0000-00000000dead"];
  const r = await t.client.get(`/v1.0/groups/${group.id}/owners?$select=id,userPrincipalName`);
  expect(r.body.value).toEqual([
    { "@odata.type": "#microsoft.graph.user", id: ana.id, userPrincipalName: "ana@villa.example" },
  ]);
  expect((await t.client.get("/v1.0/groups/not-a-guid/owners")).status).toBe(400);
});
