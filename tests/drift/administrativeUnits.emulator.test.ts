/**
 * `tenant drift` for the departments' administrative units (issue #16): the example city's tenant as `pulumi up`
 * left it has none; a unit's rule edited and its processing paused by hand (PATCH, as the portal does), a unit
 * deleted and a stray unit with the organisation's prefix are each named, with both sides where there are two.
 */
import { useExampleTenant } from "./helpers/exampleTenant";

const example = useExampleTenant();
const unitDrift = () => example.drift((e) => e.kind.startsWith("administrative-unit"));

it("finds nothing in the tenant the definition was applied to, then each hand change", async () => {
  expect(await unitDrift()).toEqual([]);

  const graph = example.bed().graph();
  const units = await graph.getAll<{ id: string; displayName: string }>("/directory/administrativeUnits");
  const id = (name: string) => units.find((u) => u.displayName === name)!.id;
  await graph.patch(`/directory/administrativeUnits/${id("au-cde-turismo")}`, {
    membershipRule: '(user.department -in ["Turismo","Cultura"])',
    membershipRuleProcessingState: "Paused",
  });
  await graph.delete(`/directory/administrativeUnits/${id("au-cde-cultura")}`);
  await graph.post("/directory/administrativeUnits", {
    displayName: "au-cde-antigua",
    description: "left behind",
  });

  const drift = await unitDrift();
  expect(drift.map((e) => `${e.kind} ${e.department ?? "-"} ${e.subject}`)).toEqual([
    "administrative-unit-extra - au-cde-antigua",
    "administrative-unit-missing cultura au-cde-cultura",
    "administrative-unit-settings turismo au-cde-turismo",
  ]);
  const settings = drift[2];
  expect(settings.message).toContain(
    "differs from the definition in membershipRule, membershipRuleProcessingState",
  );
  expect(JSON.parse(settings.expected!)).toEqual({
    membershipRule: '(user.department -eq "Turismo")',
    membershipRuleProcessingState: "On",
  });
  expect(JSON.parse(settings.actual!)).toEqual({
    membershipRule: '(user.department -in ["Turismo","Cultura"])',
    membershipRuleProcessingState: "Paused",
  });
});
