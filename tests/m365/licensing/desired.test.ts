import { desiredLicences } from "../../../src/m365/licensing/desired";
import { loadValidDefinition } from "../../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";

describe("desiredLicences", () => {
  it("joins the catalogue's disabled plans with the department's, sorted, and the seats owned", () => {
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    const withCatalogue = {
      ...definition,
      tenant: {
        ...definition.tenant,
        licensing: {
          ...definition.tenant.licensing,
          skus: definition.tenant.licensing.skus.map((s) =>
            s.partNumber === "SPE_E5" ? { ...s, disabledPlans: ["SWAY"] } : s,
          ),
        },
      },
    };
    const mobility = definition.departments.find((d) => d.id === "mobility")!;
    expect(desiredLicences(withCatalogue, mobility)).toEqual({
      department: "mobility",
      headcount: 30,
      licences: [{ skuPartNumber: "SPE_E5", disabledPlans: ["SWAY", "YAMMER_ENTERPRISE"], seatsOwned: 100 }],
    });
  });

  it("carries the SKUs removed on purpose, so a department without numbers can drop its last licence", () => {
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    const mobility = definition.departments.find((d) => d.id === "mobility")!;
    const retiring = { ...mobility, licences: [], intentionalRemovals: { numbers: [], skus: ["SPE_E5"] } };
    expect(desiredLicences(definition, retiring)).toEqual({
      department: "mobility",
      headcount: 30,
      licences: [],
      intentionalRemovals: { numbers: [], skus: ["SPE_E5"] },
    });
  });
});
