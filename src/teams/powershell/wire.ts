import type { DriverReady, DriverRequest, DriverResponse } from "../admin/protocol";

/**
 * Framing of the driver protocol (src/teams/admin/protocol.ts): one JSON object per line.
 */

/**
 * One request line. Non-ASCII characters (and U+2028/2029) are sent as `\u` escapes, so the line survives any
 * console input encoding; JSON escapes newlines inside strings, so a value can never end the line early.
 */
export function encodeRequest(request: DriverRequest): string {
  return (
    JSON.stringify(request).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    ) + "\n"
  );
}

export type DriverLine =
  | { kind: "ready"; ready: DriverReady }
  | { kind: "response"; response: DriverResponse }
  /** Anything else a module printed on stdout (banners, host output); kept for diagnostics, never parsed further. */
  | { kind: "noise"; text: string };

export function decodeLine(line: string): DriverLine {
  const text = line.trim();
  if (!text.startsWith("{")) return { kind: "noise", text };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "noise", text };
  }
  if (typeof value !== "object" || value === null) return { kind: "noise", text };
  const v = value as Record<string, unknown>;
  if (v.ready === true) {
    return { kind: "ready", ready: { ready: true, moduleVersion: String(v.moduleVersion ?? "unknown") } };
  }
  if (typeof v.id === "number" && v.ok === true) {
    return { kind: "response", response: { id: v.id, ok: true, result: v.result ?? null } };
  }
  if (typeof v.id === "number" && v.ok === false && typeof v.error === "object" && v.error !== null) {
    const e = v.error as Record<string, unknown>;
    return {
      kind: "response",
      response: {
        id: v.id,
        ok: false,
        error: {
          type: String(e.type ?? "Error"),
          message: String(e.message ?? ""),
          cmdlet: String(e.cmdlet ?? ""),
          ...optionalText(e, ["category", "errorId", "exception"]),
        },
      },
    };
  }
  return { kind: "noise", text };
}

function optionalText<K extends string>(o: Record<string, unknown>, keys: K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) if (typeof o[k] === "string" && o[k] !== "") out[k] = o[k] as string;
  return out;
}
