/**
 * Removes secrets from text before it goes into an error message or a log line. Errors from Graph and from
 * the identity service can end up in Pulumi's output and CI logs, which are far less protected than the
 * secrets themselves.
 */
const BEARER = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi;
// A JWT: three base64url segments, the first starting with "eyJ" ('{"' encoded).
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

export const REDACTED = "[redacted]";

export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(BEARER, `Bearer ${REDACTED}`).replace(JWT, REDACTED);
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real secrets and tokens are long.
    if (secret !== undefined && secret.length >= 6) {
      out = out.split(secret).join(REDACTED);
    }
  }
  return out;
}
