/** Attribution from the directory audit: the latest successful licence change per group, user or app. */
import {
  attributeChanges,
  latestLicenceChanges,
  type DirectoryAudit,
  type DriftReport,
} from "../../src/drift";

const G1 = "865e9295-4764-586a-8c40-15640c33abd3";

const audit = (over: Partial<DirectoryAudit>): DirectoryAudit => ({
  id: "a",
  category: "GroupManagement",
  activityDisplayName: "Set group license",
  activityDateTime: "2026-11-20T08:00:00Z",
  result: "success",
  initiatedBy: { user: { userPrincipalName: "carmen@villa.example" } },
  targetResources: [{ id: G1.toUpperCase(), type: "Group" }],
  ...over,
});

test.each<[string, DirectoryAudit[], unknown]>([
  ["a user's change", [audit({})], { by: "carmen@villa.example", byType: "user" }],
  [
    "an app's change names the app and its id",
    [audit({ initiatedBy: { app: { appId: "app-1", displayName: "Helpdesk tool" } } })],
    { by: "Helpdesk tool (app-1)", byType: "app" },
  ],
  [
    "the latest of several wins",
    [
      audit({
        activityDateTime: "2026-11-21T08:00:00Z",
        initiatedBy: { user: { userPrincipalName: "late@x" } },
      }),
      audit({ activityDateTime: "2026-11-19T08:00:00Z" }),
    ],
    { by: "late@x", at: "2026-11-21T08:00:00Z" },
  ],
  [
    "failed changes and other activities are ignored",
    [
      audit({ result: "failure", activityDateTime: "2026-11-22T00:00:00Z" }),
      audit({ activityDisplayName: "Add member to group", activityDateTime: "2026-11-23T00:00:00Z" }),
      audit({}),
    ],
    { by: "carmen@villa.example", at: "2026-11-20T08:00:00Z" },
  ],
])("%s", (_name, audits, expected) => {
  expect(latestLicenceChanges(audits).get(G1)).toMatchObject({ recorded: true, ...(expected as object) });
});

test("only licence and group entries are attributed; Teams entries say Graph does not record them", () => {
  const report: DriftReport = {
    organization: "vp",
    graphEndpoint: "https://graph.test",
    readAt: "2026-11-27T00:00:00Z",
    entries: [
      {
        area: "licences",
        kind: "licence-missing",
        department: "culture",
        subject: "grp-vp-culture SPE_E5",
        expected: "SPE_E5",
        actual: null,
        message: "m",
      },
      {
        area: "licences",
        kind: "licence-missing",
        department: "mobility",
        subject: "grp-vp-mobility SPE_E5",
        expected: "SPE_E5",
        actual: null,
        message: "m",
      },
      {
        area: "numbers",
        kind: "number-other-user",
        department: "culture",
        subject: "+34915550002",
        expected: "a",
        actual: "b",
        message: "m",
      },
    ],
  };
  const out = attributeChanges(
    report,
    new Map([
      ["culture", G1],
      ["mobility", "deb68f0d-34e7-5ee3-8e40-c21d875f0f13"],
    ]),
    [audit({})],
  );
  expect(out.entries.map((e) => e.changedBy)).toEqual([
    {
      recorded: true,
      by: "carmen@villa.example",
      byType: "user",
      at: "2026-11-20T08:00:00Z",
      activity: "Set group license",
    },
    { recorded: false, note: "no licence change to this group in the directory audit" },
    {
      recorded: false,
      note: "not recorded by Graph (Teams number and policy changes have no Graph audit entry)",
    },
  ]);
});
