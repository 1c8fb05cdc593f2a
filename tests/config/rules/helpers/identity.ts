import type { Edit } from "../../helpers/validate";

/** The last line of the minimal fixture's tenant.yaml: identity blocks are appended after it (line 94 on). */
const LAST = '    end: "+34915559999"\n';

export const BREAK_GLASS_1 = "emergencia1@villa.onmicrosoft.com";
export const BREAK_GLASS_2 = "emergencia2@villa.onmicrosoft.com";

/**
 * Two break-glass accounts, then `more` (further lines of the identity section, indented by two), then who is mailed
 * when one signs in (the minimal fixture has no Defender contacts to fall back on) unless `alerts` is false.
 */
export const IDENTITY = (more = "", alerts = true) =>
  "identity:\n" +
  "  breakGlass:\n" +
  `    - userPrincipalName: ${BREAK_GLASS_1}\n` +
  "      objectId: 11111111-1111-4111-8111-111111111111\n" +
  `    - userPrincipalName: ${BREAK_GLASS_2}\n` +
  "      objectId: 22222222-2222-4222-8222-222222222222\n" +
  more +
  (alerts ? "  breakGlassAlerts: [seguridad@villa.example]\n" : "");

/** An edit that appends `identity` (YAML text starting at column 0) to tenant.yaml. */
export const withIdentity = (identity: string): Edit => ["tenant.yaml", LAST, LAST + identity];

/**
 * An edit appending identity with one country location `espana`, then `conditionalAccess:` and `ca` (its lines,
 * indented by four; the first of them is line 105), then `more` (further identity lines, indented by two).
 */
export const withPolicies = (ca: string, more = ""): Edit =>
  withIdentity(
    IDENTITY(
      "  namedLocations:\n" +
        "    - id: espana\n" +
        "      displayName: España\n" +
        "      countries: [ES]\n" +
        "  conditionalAccess:\n" +
        ca +
        more,
    ),
  );
