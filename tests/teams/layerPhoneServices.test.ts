/**
 * The phone-services resources as the layer makes them, under the mock runtime: names, type tokens, inputs, and
 * the dependencies that order `pulumi up` (schedules and the department's numbers before its phone services).
 */
import * as pulumi from "@pulumi/pulumi";
import { captureRegistrations } from "../../src/render/capture";
import { RenderMocks } from "../../src/render/mocks";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { teamsPhoneServicesFor } from "../../src/teams/layerPhoneServices";
import type { PhoneServicesDesired, PhoneServicesInputs } from "../../src/teams/phoneServices";
import { district } from "./phoneServices/helpers/backend";

describe("teamsPhoneServicesFor", () => {
  it("makes one PhoneSchedules and one PhoneServices per department, after its numbers", async () => {
    await pulumi.runtime.setMocks(new RenderMocks(), "tenant", "test", false);
    const capture = captureRegistrations();
    class Numbers extends pulumi.CustomResource {
      constructor(name: string) {
        super("test:index:Numbers", name, {});
      }
    }
    const numbers = new Numbers("numbers-d1");
    const desired = (department: string, n: number): PhoneServicesDesired => {
      const inputs: Partial<PhoneServicesInputs> = district(department, n);
      delete inputs.scheduleIds;
      return inputs as PhoneServicesDesired;
    };
    const d1 = desired("d1", 1);
    const d2 = desired("d2", 2);
    const made = teamsPhoneServicesFor({
      org: "Villa Pruebas",
      schedules: {
        holidayCalendars: [{ name: "City 2027", entries: [{ date: "2027-05-15", name: "San Isidro" }] }],
        schedules: [],
      },
      departments: { d1, d2 },
      numbers: { d1: numbers },
    });
    expect(Object.keys(made.departments)).toEqual(["d1", "d2"]);
    await capture.settled();
    await pulumi.runtime.disconnect();
    const byName = new Map(capture.resources.map((r) => [r.name, r]));
    const schedules = byName.get("tv-villa-pruebas-phone-schedules");
    expect(schedules).toMatchObject({
      type: RESOURCE_TYPES.phoneSchedules,
      inputs: { kind: "PhoneSchedules" },
    });
    const p1 = byName.get("tv-villa-pruebas-phone-d1")!;
    expect(p1).toMatchObject({
      type: RESOURCE_TYPES.phoneServices,
      inputs: { kind: "PhoneServices", department: "d1" },
    });
    expect(p1.inputs.callQueues).toEqual(d1.callQueues);
    expect(p1.dependencies).toEqual(
      expect.arrayContaining([
        expect.stringContaining("phone-schedules"),
        expect.stringContaining("numbers-d1"),
      ]),
    );
    expect(byName.get("tv-villa-pruebas-phone-d2")!.dependencies).not.toEqual(
      expect.arrayContaining([expect.stringContaining("numbers-d1")]),
    );
  });
});
