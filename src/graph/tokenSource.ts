/**
 * What the Graph client needs from authentication: a way to get an access token, a description of where it
 * comes from (for error messages), and the secret values to keep out of messages. Structurally compatible with
 * the SDK's `AuthenticationProvider` (`getAccessToken`).
 */
export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
  /** e.g. `ClientSecretCredential from AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET`. */
  readonly description: string;
  /** Values that must never appear in errors or logs (client secret, static token…). */
  readonly secrets: readonly string[];
}
