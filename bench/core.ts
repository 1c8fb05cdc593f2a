/**
 * Deterministic building blocks shared by the Madrid-scale generator (`bench/generate.ts`) and the example
 * city's numbers script (`bench/example-numbers.ts`): a seeded random source, Spanish user names, number
 * allocation inside ranges, and the numbers CSV. Everything here is a pure function of its arguments.
 */
import { NUMBER_COLUMNS, type NumberAssignment } from "../src/config/schema/numbers";
import { slugText } from "../src/export/addresses";

/** A seeded pseudo-random source (mulberry32): the same seed always gives the same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick() from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    chance: (probability: number) => next() < probability,
  };
}

/**
 * A seed for one named part of a definition (FNV-1a of the key, mixed with the global seed), so that adding
 * or removing a department does not reshuffle the numbers of every other one.
 */
export function seedFor(seed: number, key: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder); the parts sum to `total`. */
export function splitTotal(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) throw new Error("splitTotal needs at least one positive weight");
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest--;
  }
  return parts;
}

/** Lower-case ASCII words joined by '-': "Fuencarral-El Pardo" → "fuencarral-el-pardo" (the export's own slug). */
export const asciiSlug = slugText;

const GIVEN_NAMES: readonly string[] = (
  "Ana María Carmen Lucía Laura Marta Elena Paula Sara Cristina Isabel Pilar Raquel Beatriz Nuria " +
  "Rocío Alicia Irene Sonia Patricia Inés Teresa Julia Silvia Eva Rosa Lorena Noelia Alba Marina " +
  "Antonio Manuel José Francisco David Juan Javier Daniel Carlos Jesús Alejandro Miguel Rafael " +
  "Pablo Pedro Ángel Sergio Fernando Jorge Luis Alberto Álvaro Adrián Diego Raúl Iván Rubén Óscar " +
  "Andrés Ignacio Gonzalo Víctor Mario Enrique Ramón Hugo"
).split(" ");

const SURNAMES: readonly string[] = (
  "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz " +
  "Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez " +
  "Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín " +
  "Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez " +
  "Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera Campos Vega Fuentes Carrasco " +
  "Diez Caballero Reyes Nieto Aguilar Pascual Santana Herrero Lorenzo Montero Hidalgo Giménez " +
  "Ibáñez Ferrer Durán Santiago Benítez"
).split(" ");

/**
 * Makes unique user principal names in the Spanish style, `nombre.apellido@domain`, falling back to both
 * surnames and then a counter. `taken` is shared across departments so a UPN is never reused.
 */
export class UpnFactory {
  constructor(
    readonly domain: string,
    private readonly taken = new Set<string>(),
  ) {}

  next(rand: Random): string {
    const given = asciiSlug(rand.pick(GIVEN_NAMES));
    const first = asciiSlug(rand.pick(SURNAMES));
    const second = asciiSlug(rand.pick(SURNAMES));
    const candidates = [`${given}.${first}`, `${given}.${first}.${second}`];
    for (const local of candidates) if (this.claim(local)) return `${local}@${this.domain}`;
    for (let n = 2; ; n++) {
      const local = `${given}.${first}${n}`;
      if (this.claim(local)) return `${local}@${this.domain}`;
    }
  }

  private claim(local: string): boolean {
    if (this.taken.has(local)) return false;
    this.taken.add(local);
    return true;
  }
}

export interface RangeLike {
  start: string;
  end: string;
}

/** Number of numbers in an inclusive E.164 range. */
export function rangeCapacity(range: RangeLike): number {
  return Number(BigInt(range.end.slice(1)) - BigInt(range.start.slice(1)) + 1n);
}

/** `start + offset` as E.164. */
export function numberAt(range: RangeLike, offset: number): string {
  return `+${(BigInt(range.start.slice(1)) + BigInt(offset)).toString()}`;
}

/**
 * Picks `count` distinct numbers from `ranges`, filling them in order. The first `reserve` numbers of each
 * range are left free (switchboard, auto attendants, the security desk), and numbers are handed out in
 * ascending order with small random gaps where the range has room, as a numbering team would.
 */
export function allocateNumbers(
  ranges: readonly RangeLike[],
  count: number,
  rand: Random,
  reserve = 0,
): string[] {
  const capacity = ranges.reduce((sum, r) => sum + Math.max(0, rangeCapacity(r) - reserve), 0);
  if (count > capacity) {
    throw new Error(
      `cannot place ${count} numbers in ranges holding ${capacity} (after ${reserve} reserved each)`,
    );
  }
  const numbers: string[] = [];
  let remaining = count;
  for (const range of ranges) {
    if (remaining === 0) break;
    const available = rangeCapacity(range) - reserve;
    const take = Math.min(remaining, available);
    if (take <= 0) continue;
    // With take × gap ≤ available, the last number stays inside the range.
    const gap = Math.max(1, Math.min(3, Math.floor(available / take)));
    let offset = reserve;
    for (let k = 0; k < take; k++) {
      numbers.push(numberAt(range, offset));
      offset += rand.int(1, gap);
    }
    remaining -= take;
  }
  return numbers;
}

export interface AssignOptions {
  /** Numbers to assign, in the order they should appear. */
  numbers: readonly string[];
  /** Most users that may hold a primary number (the department's headcount). */
  maxUsers: number;
  /** Share of numbers that are a second, `private` or `alternate`, line of an existing user. */
  extraShare: number;
  /** Emergency location ids a user may sit at. */
  locations: readonly string[];
  upns: UpnFactory;
  rand: Random;
}

/**
 * Turns numbers into assignment rows: each user has exactly one primary number; some users also hold a
 * `private` (inbound-only) or `alternate` line at the same location. Rows keep the order of `numbers`.
 */
export function assignNumbers(opts: AssignOptions): NumberAssignment[] {
  const { numbers, rand, locations } = opts;
  if (numbers.length === 0) return [];
  if (opts.maxUsers <= 0) throw new Error("cannot assign numbers to a department without users");
  if (locations.length === 0) throw new Error("cannot assign numbers without emergency locations");
  const primaries = Math.min(
    numbers.length,
    opts.maxUsers,
    Math.max(1, Math.ceil(numbers.length * (1 - opts.extraShare))),
  );
  let extras = numbers.length - primaries;
  // Teams gives a user at most one number per category, so a second line takes a category the user lacks.
  const users: { upn: string; location: string; free: ("private" | "alternate")[] }[] = [];
  const rows: NumberAssignment[] = [];
  numbers.forEach((number, index) => {
    const left = numbers.length - index;
    // Selection sampling: exactly `extras` of the positions after the first become second lines.
    const extra = users.length > 0 && extras > 0 && rand.next() * left < extras;
    const holder = extra ? rand.pick(users) : undefined;
    if (holder && holder.free.length > 0) {
      extras--;
      const category =
        holder.free.length === 2 && rand.chance(0.6) ? "private" : holder.free[holder.free.length - 1];
      holder.free = holder.free.filter((c) => c !== category);
      rows.push({ userPrincipalName: holder.upn, number, emergencyLocation: holder.location, category });
    } else {
      if (holder) extras--;
      const user = {
        upn: opts.upns.next(rand),
        location: rand.pick(locations),
        free: ["alternate", "private"] as ("private" | "alternate")[],
      };
      users.push(user);
      rows.push({
        userPrincipalName: user.upn,
        number,
        emergencyLocation: user.location,
        category: "primary",
      });
    }
  });
  return rows;
}

/** A numbers file: the header, then one row per line (no quoting needed: no field holds a comma). */
export function renderNumbersCsv(rows: readonly NumberAssignment[]): string {
  const lines = [NUMBER_COLUMNS.join(",")];
  for (const r of rows) lines.push(`${r.userPrincipalName},${r.number},${r.emergencyLocation},${r.category}`);
  return lines.join("\n") + "\n";
}
