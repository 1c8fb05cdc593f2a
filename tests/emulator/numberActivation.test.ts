import { toInventoryNumber } from "../../src/teams/graph/inventory";
import { E5, startTestEmulator, type Reply, type TestEmulator } from "./helpers/client";

/**
 * Number lifecycle states Microsoft documents but the emulator used not to produce:
 * - activationState `assignmentPending` / `updatePending` → `activated`
 *   (api-reference/v1.0/resources/teamsadministration-numberassignment.md @ 0f04ee0298ebd9d55b3f844e29d4b413128967ed);
 * - operation status `skipped`
 *   (api-reference/v1.0/resources/teamsadministration-telephonenumberlongrunningoperation.md @ 5ef2bd9b69347df66b8ead4296877b47d93de4f3).
 */
const BASE = "/v1.0/admin/teams/telephoneNumberManagement";

describe("number activation and skipped operations", () => {
  let t: TestEmulator;
  let ana: string;
  const N = "+34915550101";

  const numberOf = async (n: string) =>
    (
      await t.client.get(
        `${BASE}/numberAssignments?$filter=${encodeURIComponent(`telephoneNumber eq '${n}'`)}`,
      )
    ).body.value[0];
  const finish = async (reply: Reply) => {
    expect(reply.status).toBe(202);
    t.clock.advance(3000);
    return (await t.client.get(String(reply.headers.location))).body;
  };
  const assignAna = () =>
    t.client.post(`${BASE}/numberAssignments/assignNumber`, {
      telephoneNumber: N,
      assignmentTargetId: ana,
      numberType: "directRouting",
      assignmentCategory: "primary",
    });

  beforeAll(async () => {
    t = await startTestEmulator();
    ana = t.emu.state.findUser("ana@villa.example")!.id;
    await t.client.post(`/v1.0/users/${ana}/assignLicense`, {
      addLicenses: [{ skuId: E5, disabledPlans: [] }],
      removeLicenses: [],
    });
  });
  afterAll(() => t.stop());

  it("shows assignmentPending after an assignment, then activated", async () => {
    expect((await numberOf(N)).activationState).toBe("activated");
    const op = await finish(await assignAna());
    expect(op.status).toBe("succeeded");
    const pending = await numberOf(N);
    expect(pending).toMatchObject({ assignmentStatus: "userAssigned", activationState: "assignmentPending" });
    // The client counts a pending assignment as assigned (it took; it is activating).
    expect(toInventoryNumber(pending)).toMatchObject({
      assignmentTargetId: ana,
      activationState: "assignmentPending",
    });
    t.clock.advance(5000);
    expect((await numberOf(N)).activationState).toBe("activated");
  });

  it("ends an assignment that changes nothing as skipped", async () => {
    const op = await finish(await assignAna());
    expect(op.status).toBe("skipped");
    expect(op.numbers[0].status).toBe("skipped");
  });

  it("shows updatePending after a location update of an assigned number", async () => {
    const reply = await t.client.post(`${BASE}/numberAssignments/updateNumber`, {
      telephoneNumber: N,
      locationId: "",
    });
    expect(reply.status).toBe(200);
    expect((await numberOf(N)).activationState).toBe("updatePending");
    t.clock.advance(5000);
    expect((await numberOf(N)).activationState).toBe("activated");
  });

  it("counts a failed assignment as unassigned, so the next apply assigns it again", () => {
    const failed = toInventoryNumber({
      telephoneNumber: N,
      numberType: "directRouting",
      assignmentStatus: "userAssigned",
      assignmentTargetId: ana,
      assignmentCategory: "primary",
      activationState: "assignmentFailed",
    });
    expect(failed).toMatchObject({ assignmentStatus: "unassigned", assignmentTargetId: null });
  });
});
