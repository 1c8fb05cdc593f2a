import { z } from "zod";
import { BASELINE_POLICY_KEYS } from "./identity";
import { skuPartNumber, servicePlanName } from "./licensing";
import { azureRegion, cidr, e164, email, slug, uuid } from "./primitives";
import { DEPARTMENT_ARCHETYPES, subnetSchema } from "./landingZone";
import { departmentPhoneServicesSchema } from "./phoneServices";

/** User attributes a structured membership rule may test (also what `tenant export --departments-by` accepts). */
export const MEMBERSHIP_ATTRIBUTES = [
  "department",
  "companyName",
  "officeLocation",
  "jobTitle",
  "employeeType",
  "city",
  "extensionAttribute1",
  "extensionAttribute2",
  "extensionAttribute3",
] as const;

/** `(user.<attribute> -in ["a","b"])`: a department's members, or the users a department exempts from a policy. */
export const structuredMembershipSchema = z.strictObject({
  attribute: z.enum(MEMBERSHIP_ATTRIBUTES).describe("User attribute the dynamic membership rule tests."),
  values: z
    .array(z.string().min(1))
    .min(1)
    .describe("Users whose attribute equals one of these are members."),
});

export const membershipSchema = z.union([
  structuredMembershipSchema.describe('Structured rule: `(user.<attribute> -in ["a","b"])`.'),
  z
    .strictObject({
      rule: z.string().min(1).describe("A raw Entra dynamic membership rule."),
    })
    .describe("Raw rule, for what the structured form cannot say."),
]);

export const departmentLicenceSchema = z.strictObject({
  sku: skuPartNumber.describe("Part number of a SKU in the tenant's licence catalogue."),
  disabledPlans: z
    .array(servicePlanName)
    .default([])
    .describe("Service plans to switch off for this department, on top of the catalogue's."),
});

export const departmentTeamsSchema = z.strictObject({
  callingPolicy: z.string().optional().describe("Name of a calling policy in the catalogue."),
  emergencyCallingPolicy: z
    .string()
    .optional()
    .describe("Name of an emergency calling policy in the catalogue."),
  voiceRoutingPolicy: z.string().optional().describe("Name of a voice routing policy (Direct Routing)."),
  dialPlan: z.string().optional().describe("Name of a tenant dial plan."),
  rank: z
    .int()
    .min(1)
    .max(64)
    .default(10)
    .describe(
      "Which department's Teams policies win when a user is in several (1 wins over 2). A department may choose " +
        "10 to 64; 1 to 9 are reserved for the platform team (`platformApprovals.ranks` in tenant.yaml).",
    ),
});

export const conditionalAccessExceptionSchema = z.strictObject({
  policy: z
    .enum(BASELINE_POLICY_KEYS)
    .describe(
      "The baseline policy the users are exempt from; tenant.yaml `identity.exceptionsAllowed` must list it.",
    ),
  members: structuredMembershipSchema.describe(
    "Which of the department's own users are exempt: the exception group's rule is the department's rule AND " +
      "this one, so it can never reach another department's people.",
  ),
  reason: z
    .string()
    .min(10)
    .max(300)
    .describe("Why, for the reviewer and the security officer (shown in the plan)."),
});

export const departmentSchema = z
  .strictObject({
    id: slug("a department id", 24).describe("Department id; must equal the file name without `.yaml`."),
    displayName: z.string().min(1).max(120).describe("Name shown in Entra ID and reports; unique."),
    kind: z
      .enum(["area", "district", "agency"])
      .default("area")
      .describe("Central area, district or agency."),
    costCenter: z
      .string()
      .regex(/^[A-Za-z0-9-]{2,20}$/, "must be a cost-centre code of 2 to 20 letters, digits and '-'")
      .describe("Cost centre, written to the `costCenter` tag."),
    owners: z
      .array(email)
      .min(1)
      .describe("Who approves changes to this department (CODEOWNERS, group owners)."),
    admins: z
      .array(email)
      .default([])
      .describe(
        "Members of the department's admin group, which is eligible (PIM, activated on demand) for Contributor on its resource group.",
      ),
    lifecycle: z
      .enum(["active", "retiring"])
      .default("active")
      .describe(
        "`retiring`: the department is being closed. It must hold no licences, Teams grants or numbers (release " +
          "them into quarantine); once deployed, the platform team approves its removal in tenant.yaml.",
      ),
    membership: membershipSchema.describe("Dynamic membership of the department's Entra security group."),
    conditionalAccessExceptions: z
      .array(conditionalAccessExceptionSchema)
      .default([])
      .describe(
        "Some of the department's users exempt from a baseline conditional access policy (for example shared kiosks " +
          "from MFA), only for the policies tenant.yaml `identity.exceptionsAllowed` lists (docs/identity.md).",
      ),
    headcount: z
      .int()
      .min(0)
      .describe(
        "A declaration: the users the membership rule is expected to match. Seat demand in validate and the plan " +
          "is computed from it; `tenant drift` compares it with the group's real member count.",
      ),
    licences: z
      .array(departmentLicenceSchema)
      .default([])
      .describe("Licences assigned to the department group."),
    teams: departmentTeamsSchema.optional().describe("Teams voice policies granted to the department group."),
    phoneServices: departmentPhoneServicesSchema
      .optional()
      .describe(
        "Resource accounts, auto attendants and call queues that answer citizens (docs/phone-services.md).",
      ),
    numberRanges: z
      .array(z.string())
      .default([])
      .describe("Ids of the number ranges this department draws from."),
    network: z
      .strictObject({
        addressSpace: cidr.describe("Address space of the department's spoke, inside the address plan."),
        region: azureRegion
          .optional()
          .describe("Region of the spoke; default the landing zone's primary region."),
        subscriptionId: uuid
          .optional()
          .describe(
            "An existing subscription of the department's own; the toolkit places it under the department's landing zone.",
          ),
        sharedSubscription: z
          .string()
          .optional()
          .describe(
            "Name of a shared subscription in `landingZone.departmentSubscriptions.shared` (default: the first of the department's archetype).",
          ),
        vendSubscription: z
          .boolean()
          .default(false)
          .describe(
            "Vend a subscription of the department's own (`subscription.Alias`, billed to `landingZone.departmentSubscriptions.billingScope`).",
          ),
        subnets: z
          .array(subnetSchema)
          .default([])
          .describe(
            "Subnets of the spoke; each gets a network security group (no inbound from the internet, management ports closed) and the route through the hub firewall.",
          ),
        archetype: z
          .enum(DEPARTMENT_ARCHETYPES)
          .optional()
          .describe(
            "Landing zone of the department: `corp`, `online` or `sandbox`; default `online` with publicAccess, else `corp`.",
          ),
        publicAccess: z
          .boolean()
          .default(false)
          .describe(
            "Place the department under the `online` landing zone (public endpoints) instead of `corp`.",
          ),
      })
      .describe("The department's spoke network."),
    budget: z
      .strictObject({
        monthlyAmount: z
          .number()
          .positive("must be a positive amount")
          .describe("Monthly budget in the billing currency."),
        // Microsoft.Consumption/budgets (ARM template reference, https://learn.microsoft.com/azure/templates/
        // microsoft.consumption/budgets): a threshold "has to be between 0 and 1000" percent, and a "budget can
        // have up to five notifications" (one per threshold here).
        thresholds: z
          .array(z.number().positive().max(1000))
          .min(1)
          .max(5, "has more than 5 thresholds, the most notifications an Azure budget can have")
          .default([80, 100])
          .describe("Percentages of the budget that alert the contacts."),
        contacts: z.array(email).min(1).describe("Who gets budget alerts."),
      })
      .describe("The department's Azure consumption budget."),
    intentionalRemovals: z
      .strictObject({
        numbers: z
          .array(e164)
          .default([])
          .describe(
            "Phone numbers this change removes on purpose (E.164); each must have been the department's.",
          ),
        skus: z
          .array(skuPartNumber)
          .default([])
          .describe("SKU part numbers this change takes away from the department's group on purpose."),
      })
      .optional()
      .describe(
        "Removals a reviewer has agreed to. Without an entry here, the policy pack blocks a change that stops " +
          "assigning a number or a licence the department had; remove the entry again after the change is deployed.",
      ),
  })
  .describe("`stacks/<stack>/departments/<id>.yaml`: one department or district.");

export type Department = z.infer<typeof departmentSchema>;
export type DepartmentLicence = z.infer<typeof departmentLicenceSchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type ConditionalAccessException = z.infer<typeof conditionalAccessExceptionSchema>;
