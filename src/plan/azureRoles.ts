/**
 * Names of the Azure built-in roles the program assigns, by role definition GUID, so the plan says
 * "Contributor" rather than a GUID. Source: Microsoft Learn, "Azure built-in roles"
 * (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles); a GUID not listed here is
 * shown as `role <guid>`, never guessed.
 */
const BUILT_IN_ROLE_NAMES: Readonly<Record<string, string>> = {
  "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
  "acdd72a7-3385-48ef-bd42-f606fba81ae7": "Reader",
  "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
  "f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
  "9980e02c-c2be-4d73-94e8-173b1dc7cf3c": "Virtual Machine Contributor",
  "92aaf0da-9dab-42b6-94a3-d43ce8d16293": "Log Analytics Contributor",
  "749f88d5-cbae-40b8-bcfc-e573ddc772fa": "Monitoring Contributor",
  "47be4a87-7950-4631-9daf-b664a405f074": "Monitoring Policy Contributor",
  "cd570a14-e51a-42ad-bac8-bafd67325302": "Azure Connected Machine Resource Administrator",
  "9b7fa17d-e63e-47b0-bb0a-15c516ac86ec": "SQL DB Contributor",
  "056cd41c-7e88-42e1-933e-88ba6a50c9c3": "SQL Security Manager",
  "5e467623-bb1f-42f4-a55d-6e525e11384b": "Backup Contributor",
  "e40ec5ca-96e0-45a2-b4ff-59039f2c2b59": "Managed Identity Contributor",
  "f1a07417-d97a-45cb-824c-7a7467783830": "Managed Identity Operator",
  "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68": "Cognitive Services Contributor",
  "a001fd3d-188f-4b5d-821b-7da978bf7442": "Cognitive Services OpenAI Contributor",
  "4d97b98b-1d4f-4787-a291-c67834d212e7": "Network Contributor",
  "fb1c8493-542b-48eb-b624-b4c8fea62acd": "Security Admin",
  "4a9ae827-6dc8-4573-8ac7-8239d42aa03f": "Tag Contributor",
  "36243c78-bf99-498c-9df9-86d9f8d28608": "Resource Policy Contributor",
};

/**
 * Roles that let their holder grant access to others (or do anything): a new grant of one is a high risk.
 * Owner and User Access Administrator hold Microsoft.Authorization/roleAssignments/write, as does
 * Role Based Access Control Administrator (same source).
 */
const ACCESS_GRANTING_ROLES: ReadonlySet<string> = new Set([
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
  "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
]);

/** The GUID at the end of a role definition id (`/subscriptions/…/roleDefinitions/<guid>` or the bare GUID). */
export function roleGuid(roleDefinitionId: string): string {
  return (roleDefinitionId.split("/").pop() ?? roleDefinitionId).toLowerCase();
}

/** "Contributor", or `role <guid>` for a role this table does not know. */
export function roleName(roleDefinitionId: string): string {
  const guid = roleGuid(roleDefinitionId);
  return BUILT_IN_ROLE_NAMES[guid] ?? `role ${guid}`;
}

/** True for a role whose holder can assign roles to others. */
export function grantsAccess(roleDefinitionId: string): boolean {
  return ACCESS_GRANTING_ROLES.has(roleGuid(roleDefinitionId));
}

/**
 * An ARM scope in words: "resource group rg-x", "subscription 3e91…", "management group cde-corp", or the id
 * itself when it is none of those.
 */
export function scopeWords(scope: string): string {
  const parts = scope.split("/").filter(Boolean);
  const after = (key: string) => {
    const i = parts.findIndex((p) => p.toLowerCase() === key);
    return i >= 0 ? parts[i + 1] : undefined;
  };
  const mg = after("managementgroups");
  if (mg && parts.length === 4) return `management group ${mg}`;
  const rg = after("resourcegroups");
  if (rg && parts.length === 4) return `resource group ${rg}`;
  const sub = after("subscriptions");
  if (sub && parts.length === 2) return `subscription ${sub}`;
  return scope;
}
