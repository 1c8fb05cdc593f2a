/**
 * How a department's numbers are stored in Pulumi state: one line of text per entry instead of an object.
 *
 * State is pretty-printed JSON, so each object entry costs ~380 bytes of keys and indentation for ~110 of data;
 * at Madrid scale (25,000 numbers, stored once as inputs and again as what the tenant holds) that was 21 of a
 * 26 MB state (#18). Here an input entry is one string, `<number> <upn> <emergencyLocation> <numberType>
 * <category>`, and the outputs hold the same lines with the user's object id appended, joined into one string
 * (`held`), which replaces the `assignments` and `userIds` outputs.
 *
 * `held` is stored deflated (`deflate-raw;base64,…`): the lines repeat the inputs with a 36-character object id
 * each, and at Madrid scale they were 3.3 of an 11.5 MB state; deflated they are about a third (#18). Plain
 * `held` lines (the previous version) still read, and count as legacy state so the next `up` rewrites them.
 *
 * The provider works on objects as before: `withNumbersStateCodec` (src/dynamic/implementations.ts) decodes what
 * the engine hands it and encodes what it returns. Every reader of state or rendered inputs (plan, policy pack,
 * drift, live reads) goes through `numberEntriesOf`, which reads all three shapes, so a stack written by an
 * older version keeps working; its first `up` rewrites the state without touching the tenant (`isLegacyState`).
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type * as pulumi from "@pulumi/pulumi";
import type { NumberAssignmentsInputs } from "../../resourceTypes";
import { upnKey } from "./inputs";
import type { NumberAssignmentsOutputs, NumberEntry } from "./types";

type Props = Record<string, unknown>;

const FIELDS = ["number", "userPrincipalName", "emergencyLocation", "numberType", "category"] as const;

/** `+34915550100 ana@villa.example centro-p1 directRouting primary`. Fields never hold whitespace (validate). */
export function encodeEntry(e: NumberEntry): string {
  return FIELDS.map((f) => {
    const value = String(e[f]);
    if (value === "" || /\s/.test(value)) {
      throw new Error(
        `NumberAssignments: ${f} ${JSON.stringify(value)} of ${e.number} is empty or holds whitespace, which the state line cannot carry`,
      );
    }
    return value;
  }).join(" ");
}

/** The entry of one line, or undefined when the line does not have the five fields. */
export function decodeEntry(line: string): NumberEntry | undefined {
  const parts = line.trim().split(/\s+/);
  if (parts.length < FIELDS.length) return undefined;
  const [number, userPrincipalName, emergencyLocation, numberType, category] = parts;
  return {
    number,
    userPrincipalName,
    emergencyLocation,
    numberType: numberType as NumberEntry["numberType"],
    category: category as NumberEntry["category"],
  } as NumberEntry;
}

const isRecord = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);

/** Entries of an `assignments` list in either shape: lines (this version) or objects (older state, tests). */
function entriesOfList(list: unknown): NumberEntry[] {
  if (!Array.isArray(list)) return [];
  const out: NumberEntry[] = [];
  for (const item of list) {
    if (typeof item === "string") {
      const e = decodeEntry(item);
      if (e) out.push(e);
    } else if (isRecord(item)) out.push(item as unknown as NumberEntry);
  }
  return out;
}

/** Marks a deflated `held`; plain lines start with a number (`+…`), so the two never collide. */
export const DEFLATED_PREFIX = "deflate-raw;base64,";

/** The lines of `held` as stored: deflated. Empty stays empty, so a department with no numbers reads as such. */
export function deflateHeld(lines: string): string {
  if (lines === "") return "";
  return DEFLATED_PREFIX + deflateRawSync(Buffer.from(lines, "utf8"), { level: 9 }).toString("base64");
}

/** The lines of a stored `held`, deflated (this version) or plain (the previous one). */
export function inflateHeld(held: string): string {
  if (!held.startsWith(DEFLATED_PREFIX)) return held;
  return inflateRawSync(Buffer.from(held.slice(DEFLATED_PREFIX.length), "base64")).toString("utf8");
}

/** `held`: lines of an entry plus the object id of its user. */
function decodeHeld(held: string): { entries: NumberEntry[]; userIds: Record<string, string> } {
  const entries: NumberEntry[] = [];
  const userIds: Record<string, string> = {};
  for (const line of inflateHeld(held).split("\n")) {
    const e = decodeEntry(line);
    if (!e) continue;
    entries.push(e);
    const id = line.trim().split(/\s+/)[FIELDS.length];
    if (id) userIds[upnKey(e.userPrincipalName)] = id;
  }
  return { entries, userIds };
}

/**
 * The entries a NumberAssignments' props carry, whatever wrote them: stored outputs (`held`), inputs as lines,
 * or the objects of older state and of tests.
 */
export function numberEntriesOf(props: Props | undefined): NumberEntry[] {
  if (!props) return [];
  if (typeof props.held === "string") return decodeHeld(props.held).entries;
  return entriesOfList(props.assignments);
}

/** Inputs with their `assignments` as lines (what the program passes and check returns). */
export function encodeInputs<T extends Props>(inputs: T): T {
  if (!Array.isArray(inputs.assignments)) return inputs;
  return { ...inputs, assignments: entriesOfList(inputs.assignments).map(encodeEntry) };
}

/** Inputs with their `assignments` as objects, for the provider. */
export function decodeInputs(inputs: Props): Props {
  if (!Array.isArray(inputs.assignments)) return inputs;
  return { ...inputs, assignments: entriesOfList(inputs.assignments) };
}

/** What the provider returned, as stored: `held` instead of `assignments` and `userIds`. */
export function encodeOutputs(outputs: Props): Props {
  if (!Array.isArray(outputs.assignments)) return outputs;
  const { assignments, userIds, ...rest } = outputs as Props & Partial<NumberAssignmentsOutputs>;
  const ids = (userIds ?? {}) as Record<string, string>;
  const lines = entriesOfList(assignments)
    .map((e) => {
      const id = ids[upnKey(e.userPrincipalName)];
      return id ? `${encodeEntry(e)} ${id}` : encodeEntry(e);
    })
    .join("\n");
  return { ...rest, held: deflateHeld(lines) };
}

/** Stored outputs (either version) as the provider knows them: `assignments` objects and `userIds`. */
export function decodeOutputs(stored: Props): Props {
  if (typeof stored.held === "string") {
    const { held, ...rest } = stored;
    const { entries, userIds } = decodeHeld(held as string);
    return { ...rest, assignments: entries, userIds };
  }
  return decodeInputs(stored);
}

/**
 * Outputs written by an older version: entries as objects, or `held` as plain lines. The next update rewrites
 * them, sending nothing.
 */
export function isLegacyState(stored: Props): boolean {
  if (typeof stored.held === "string") return stored.held !== "" && !stored.held.startsWith(DEFLATED_PREFIX);
  return Array.isArray(stored.assignments) && stored.assignments.some(isRecord);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the engine hands plain JSON; the provider types its own */
type AnyProvider = pulumi.dynamic.ResourceProvider<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A partial failure carries the outputs to record (`properties`, see provider.ts): stored encoded too. */
function encodedFailure(error: unknown): unknown {
  if (isRecord(error) || error instanceof Error) {
    const e = error as { properties?: unknown };
    if (isRecord(e.properties)) e.properties = encodeOutputs(e.properties);
  }
  return error;
}

/**
 * The NumberAssignments provider as the engine sees it: lines in state, objects inside. Legacy state is a
 * change, so the next `up` rewrites it; the update then finds nothing to do in the tenant (the held set equals
 * the asked-for set) and sends no write.
 */
export function withNumbersStateCodec(inner: AnyProvider): AnyProvider {
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw encodedFailure(error);
    }
  };
  return {
    configure: async (req) => inner.configure?.(req),
    check: async (olds, news) => {
      const result = inner.check
        ? await inner.check(decodeInputs(olds ?? {}), decodeInputs(news))
        : { inputs: news };
      return { ...result, inputs: result.inputs ? encodeInputs(result.inputs) : result.inputs };
    },
    diff: async (id, olds, news) => {
      const result = inner.diff ? await inner.diff(id, decodeOutputs(olds), decodeInputs(news)) : {};
      return isLegacyState(olds) ? { ...result, changes: true } : result;
    },
    create: async (inputs) =>
      call(async () => {
        const r = await inner.create(decodeInputs(inputs));
        return { ...r, outs: encodeOutputs(r.outs ?? {}) };
      }),
    read: async (id, props) => {
      const r = inner.read ? await inner.read(id, props && decodeOutputs(props)) : { id, props };
      return { ...r, props: r.props && encodeOutputs(r.props) };
    },
    update: async (id, olds, news) =>
      call(async () => {
        const r = inner.update ? await inner.update(id, decodeOutputs(olds), decodeInputs(news)) : {};
        return { ...r, outs: r.outs && encodeOutputs(r.outs) };
      }),
    delete: async (id, props) => inner.delete?.(id, decodeOutputs(props)),
  };
}

/** The entries as the program passes them (lines). */
export const encodeAssignments = (assignments: NumberAssignmentsInputs["assignments"]): string[] =>
  assignments.map(encodeEntry);
