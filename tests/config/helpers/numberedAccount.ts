import type { Edit } from "./validate";

/**
 * The minimal fixture's culture department with one resource account holding +34915550100 (in culture's range),
 * the attendant it answers for, and the resource-account seats it needs: a phone-services number as other rules
 * (quarantine, intentional removals) see it.
 */
export const NUMBERED_ACCOUNT = "+34915550100";

export const numberedAccountEdits: readonly Edit[] = [
  [
    "departments/culture.yaml",
    "  contacts: [ana@villa.example]",
    "  contacts: [ana@villa.example]\nphoneServices:\n  resourceAccounts:\n" +
      "    - userPrincipalName: ra-culture-line@villa.example\n      displayName: Línea\n" +
      `      answers: { autoAttendant: line }\n      number: "${NUMBERED_ACCOUNT}"\n` +
      "  autoAttendants:\n    - { name: line, language: es-ES }\n",
  ],
  ["tenant.yaml", "  skus:\n", "  skus:\n    - partNumber: PHONESYSTEM_VIRTUALUSER\n      seats: 2\n"],
];
