/**
 * The apply forecast in words (src/forecast), the same in the text plan and the pull-request comment:
 * a total line, one line per department the apply touches (tenant-wide first), and a footnote that says how
 * it was measured and what it leaves out. Provider errors met on the emulator are shown cut to one line.
 */
import type { ApplyForecast, DepartmentForecast, ForecastOperation, OperationCounts } from "../../forecast";
import { CMDLET_MS, GRAPH_ROUND_TRIP_MS } from "../../forecast/wallTime";
import type { DiffPlan } from "../model";
import { fitLines } from "./budget";
import type { Code } from "./describe";

const n = (x: number) => x.toLocaleString("en-GB");
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** 7 s, 2 min 10 s, 1 h 5 min: rounded up to what a reader plans around. */
export function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "112 Graph requests (8 round trips, 1 write) · 4 Teams cmdlets (2 writes) · 1 number operation". */
export function describeCounts(c: OperationCounts): string {
  const parts: string[] = [];
  if (c.graphRequests > 0)
    parts.push(
      `${plural(c.graphRequests, "Graph request")} (${plural(c.graphRoundTrips, "round trip")}, ${plural(c.graphWrites, "write")})`,
    );
  if (c.cmdlets > 0) parts.push(`${plural(c.cmdlets, "Teams cmdlet")} (${plural(c.cmdletWrites, "write")})`);
  if (c.asyncOperations > 0) parts.push(plural(c.asyncOperations, "number operation"));
  return parts.length > 0 ? parts.join(" · ") : "no requests";
}

const where = (d: DepartmentForecast, code: Code) =>
  d.department === null ? "tenant-wide" : code(d.department);

function operationWord(op: ForecastOperation): string {
  return `${op.kind} ${op.action}`;
}

/** One line per department: what it costs, the resources it changes, and what failed on the emulator. */
export function forecastLines(forecast: ApplyForecast, code: Code): string[] {
  return forecast.departments.map((d) => {
    const failed = d.operations.filter((op) => op.error);
    const errors = failed.map((op) => ` ⚠ ${op.kind} will likely fail: ${code(op.error ?? "")}`).join("");
    return `${where(d, code)}: ${describeCounts(d)} — about ${duration(d.expectedMs)} (${d.operations.map(operationWord).join(", ")})${errors}`;
  });
}

export function forecastTotal(forecast: ApplyForecast): string {
  if (forecast.departments.length === 0) return "the apply sends nothing to Graph or Teams";
  return `${describeCounts(forecast.totals)} — about ${duration(forecast.expectedMs)}`;
}

export function forecastFootnote(forecast: ApplyForecast): string {
  const warned =
    forecast.baseWarnings.length > 0
      ? ` The base did not fully apply on the emulator (${plural(forecast.baseWarnings.length, "warning")}); its figures may be high.`
      : "";
  const throttled =
    forecast.retried > 0
      ? ` ${plural(forecast.retried, "Graph request")} met the write quota on the emulator and ${forecast.retried === 1 ? "was" : "were"} sent again (counted above).`
      : "";
  return (
    `Measured by running the providers' own diff and apply against an emulator holding the base applied; ` +
    `time assumes ${GRAPH_ROUND_TRIP_MS} ms per Graph round trip and ${CMDLET_MS / 1000} s per cmdlet, with the ` +
    `documented write quota. Not covered: ${forecast.notCovered.join("; ")}.${throttled}${warned}`
  );
}

const isForecast = (f: DiffPlan["forecast"]): f is ApplyForecast => !!f && !("skipped" in f);

/** The markdown block, within `maxChars`; empty without `--forecast`. */
export function forecastMarkdown(f: DiffPlan["forecast"], code: Code, maxChars: number): string[] {
  if (!f) return [];
  if (!isForecast(f)) return [`**Apply forecast** · none: ${f.skipped}`];
  const title = `**Apply forecast** · ${forecastTotal(f)}`;
  const foot = `<sub>${forecastFootnote(f)}</sub>`;
  const room = maxChars - title.length - foot.length - 2;
  // A comment already full keeps the total at least.
  if (room < 0) return title.length <= maxChars ? [title] : [];
  const { lines } = fitLines(
    forecastLines(f, code).map((l) => `- ${l}`),
    room,
    (hidden) => `- …and ${plural(hidden, "more department")} (see the JSON plan)`,
  );
  return [title, ...lines, foot];
}

/** The text plan's lines; empty without `--forecast`. */
export function forecastText(f: DiffPlan["forecast"], code: Code): string[] {
  if (!f) return [];
  if (!isForecast(f)) return [`Apply forecast: none — ${f.skipped}`];
  return [
    `Apply forecast: ${forecastTotal(f)}`,
    ...forecastLines(f, code).map((l) => `  ${l}`),
    `  (${forecastFootnote(f)})`,
  ];
}
