/**
 * Directory roles that administer the tenant, by template id: the phishing-resistant MFA policy targets them.
 * Ids from Microsoft's "Microsoft Entra built-in roles" (MicrosoftDocs/entra-docs,
 * docs/identity/role-based-access-control/permissions-reference.md @00fe95d60143bbf5f832cdd8bb74765b182c2d8f);
 * the selection is the roles that page labels privileged and that the city's people hold, plus Exchange,
 * SharePoint, Teams and Billing administrators, which change what every user gets.
 */
export const ADMIN_ROLE_TEMPLATE_IDS: Readonly<Record<string, string>> = {
  "Global Administrator": "62e90394-69f5-4237-9190-012177145e10",
  "Privileged Role Administrator": "e8611ab8-c189-46e8-94e1-60213ab1f814",
  "Privileged Authentication Administrator": "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
  "Security Administrator": "194ae4cb-b126-40b2-bd5b-6091b380977d",
  "Conditional Access Administrator": "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
  "Authentication Administrator": "c4e39bd9-1100-46d3-8c65-fb160da0071f",
  "Application Administrator": "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
  "Cloud Application Administrator": "158c047a-c907-4556-b7ef-446551a6b5f7",
  "User Administrator": "fe930be7-5e62-47db-91af-98c3a49a38b1",
  "Helpdesk Administrator": "729827e3-9c14-49f7-bb1b-9608f156bbb8",
  "Password Administrator": "966707d0-3269-4727-9be2-8c3a10f19b9d",
  "Hybrid Identity Administrator": "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
  "Intune Administrator": "3a2c62db-5318-420d-8d74-23affee5d9d5",
  "Exchange Administrator": "29232cdf-9323-42fd-ade2-1d097af3e4de",
  "SharePoint Administrator": "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
  "Teams Administrator": "69091246-20e8-4a56-aa4d-066075b2a7a8",
  "Billing Administrator": "b0f54661-2d74-4c50-afa3-1ec803f12efe",
};

/**
 * The built-in authentication strength "Phishing-resistant MFA" (Windows Hello for Business, passkeys/FIDO2,
 * certificate-based MFA), as the azuread provider wants it: prefixed with `/policies/authenticationStrengthPolicies/`
 * (provider docs of `grantControls.authenticationStrengthPolicyId`). The id is *assumed* from Microsoft's
 * authentication-strengths article, which is not vendored here.
 */
export const PHISHING_RESISTANT_STRENGTH_ID =
  "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004";
