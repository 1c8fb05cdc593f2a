/** Built-in Azure role "Contributor" (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
export const CONTRIBUTOR_ROLE_ID = "b24988ac-6180-42a0-ab88-20f7382dd24c";

/**
 * The role definition id to assign at a scope inside `subscriptionId`. Built-in roles exist in every
 * subscription under the same GUID; ARM expects the subscription-qualified form for RG- and
 * subscription-scoped assignments.
 */
export function roleDefinitionId(subscriptionId: string, roleId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}
