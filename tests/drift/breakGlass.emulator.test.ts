/**
 * `tenant drift` for break-glass accounts (issue #16): an emergency account holds no Teams policy and no number.
 * validate keeps them out of numbers files, but a department's dynamic rule matches by attribute: someone fills in
 * an emergency account's department, it joins that department's group, and the group's Teams policies reach it.
 */
import type { UserRecord } from "../../src/emulator/state/types";
import { useExampleTenant } from "./helpers/exampleTenant";

const example = useExampleTenant();
const { definition } = example;
const breakGlassDrift = () => example.drift((e) => e.kind === "break-glass-teams");

it("finds nothing while no rule matches an emergency account, then the policies a department's rule brings it", async () => {
  expect(await breakGlassDrift()).toEqual([]);

  const [account] = definition.tenant.identity!.breakGlass;
  const state = example.bed().emu.state;
  const emergency = state.users.find((u) => u.id.toLowerCase() === account.objectId.toLowerCase())!;
  // The department group's rule tests these attributes: copy them from one of the department's own people.
  const turismo = definition.departments.find((d) => d.id === "turismo")!;
  const member = state.users.find(
    (u) => u.userPrincipalName.toLowerCase() === turismo.admins[0].toLowerCase(),
  )!;
  for (const key of ["department", "companyName", "officeLocation", "jobTitle", "city"] as const)
    (emergency as UserRecord)[key] = member[key];
  emergency.extensionAttributes = { ...member.extensionAttributes };
  state.userChanged();

  const drift = await breakGlassDrift();
  expect(drift.length).toBeGreaterThan(0);
  for (const e of drift) {
    expect(e).toMatchObject({ area: "identity", department: null, subject: account.userPrincipalName });
    expect(e.actual).toMatch(/ through grp-cde-turismo$/);
    expect(e.message).toContain(`break-glass account ${account.userPrincipalName} gets Teams policy `);
    expect(e.message).toContain(
      "a department's membership rule matches it — clear the attribute the rule tests on the emergency account",
    );
  }
});
