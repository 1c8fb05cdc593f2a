/**
 * Regenerates `stacks/example/numbers/*.csv`, the example city's number assignments, from its tenant.yaml
 * (ranges, emergency locations, domain) and departments/*.yaml (ranges, headcount), with the generator
 * core and a fixed seed. Deterministic: running it twice gives the same files, byte for byte.
 *
 *   npm run example:numbers
 *
 * What is not in the YAML lives in EXAMPLE_NUMBERS below: how many numbers each department holds and in
 * which buildings its people sit. Each department draws from its own seed, so changing one entry only
 * changes that department's file.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { departmentSchema, type Department } from "../src/config/schema/department";
import { tenantSchema, type Tenant } from "../src/config/schema/tenant";
import { allocateNumbers, assignNumbers, createRandom, renderNumbersCsv, seedFor, UpnFactory } from "./core";

export const EXAMPLE_DIR = resolve(__dirname, "..", "stacks", "example");
export const EXAMPLE_SEED = 28_005;
/** Numbers kept free at the start of every range: switchboards, auto attendants, the security desk. */
export const EXAMPLE_RESERVED = 10;
/** Share of numbers that are a second (`private` or `alternate`) line of someone who has a primary one. */
const EXTRA_SHARE = 0.03;

export interface DepartmentNumbers {
  /** Numbers assigned in the department. */
  count: number;
  /** Emergency addresses (buildings) its people sit in; every location of each is used. */
  buildings: string[];
}

const CENTRAL = ["casa-de-la-villa", "palacio-de-cibeles"];

export const EXAMPLE_NUMBERS: Record<string, DepartmentNumbers> = {
  alcaldia: { count: 120, buildings: ["palacio-de-cibeles"] },
  "seguridad-emergencias": { count: 260, buildings: ["centro-integral-seguridad"] },
  "policia-municipal": {
    count: 700,
    buildings: ["centro-integral-seguridad", "upm-centro", "upm-tetuan", "upm-carabanchel", "upm-vallecas"],
  },
  bomberos: { count: 180, buildings: ["parque-bomberos-1", "parque-bomberos-4", "parque-bomberos-9"] },
  samur: { count: 150, buildings: ["samur-base-central", "samur-base-norte"] },
  "atencion-ciudadania": { count: 420, buildings: ["palacio-de-cibeles", "centro-010"] },
  "politicas-sociales": { count: 520, buildings: ["sede-social-chopera"] },
  hacienda: { count: 330, buildings: ["sede-alcala-45"] },
  "agencia-tributaria": { count: 480, buildings: ["sede-tributaria"] },
  movilidad: { count: 200, buildings: ["sede-medio-ambiente-movilidad"] },
  empleo: { count: 190, buildings: ["sede-social-chopera"] },
  urbanismo: { count: 300, buildings: ["sede-urbanismo"] },
  vivienda: { count: 110, buildings: ["sede-urbanismo"] },
  obras: { count: 220, buildings: ["sede-urbanismo"] },
  "medio-ambiente": { count: 180, buildings: ["sede-medio-ambiente-movilidad"] },
  limpieza: { count: 80, buildings: ["sede-medio-ambiente-movilidad"] },
  cultura: { count: 260, buildings: ["sede-cultura-conde-duque"] },
  turismo: { count: 60, buildings: ["palacio-de-cibeles"] },
  deportes: { count: 150, buildings: ["sede-cultura-conde-duque"] },
  educacion: { count: 200, buildings: ["sede-cultura-conde-duque"] },
  salud: { count: 330, buildings: ["sede-madrid-salud"] },
  "oficina-digital": { count: 420, buildings: ["sede-oficina-digital"] },
  "recursos-humanos": { count: 230, buildings: ["sede-alcala-45"] },
  "coordinacion-territorial": { count: 140, buildings: ["palacio-de-cibeles"] },
  pleno: { count: 60, buildings: CENTRAL },
  "asesoria-juridica": { count: 100, buildings: ["casa-de-la-villa"] },
  intervencion: { count: 90, buildings: ["sede-alcala-45"] },
  contratacion: { count: 80, buildings: ["sede-alcala-45"] },
  actividades: { count: 110, buildings: ["sede-actividades"] },
  ...districts({
    centro: 130,
    arganzuela: 80,
    retiro: 75,
    salamanca: 85,
    chamartin: 75,
    tetuan: 90,
    chamberi: 75,
    "fuencarral-el-pardo": 105,
    "moncloa-aravaca": 80,
    latina: 110,
    carabanchel: 115,
    usera: 85,
    "puente-de-vallecas": 120,
    moratalaz: 65,
    "ciudad-lineal": 100,
    hortaleza: 90,
    villaverde: 95,
    "villa-de-vallecas": 75,
    vicalvaro: 60,
    "san-blas-canillejas": 95,
    barajas: 55,
  }),
};

/** Each district's people sit in its own council building, `junta-<district>`. */
function districts(counts: Record<string, number>): Record<string, DepartmentNumbers> {
  return Object.fromEntries(
    Object.entries(counts).map(([id, count]) => [id, { count, buildings: [`junta-${id}`] }]),
  );
}

/** The numbers files for a definition: department id → rows as CSV text. Pure. */
export function exampleNumberFiles(
  tenant: Tenant,
  departments: readonly Department[],
  plan: Record<string, DepartmentNumbers> = EXAMPLE_NUMBERS,
  seed = EXAMPLE_SEED,
): Map<string, string> {
  const domain = tenant.organization.verifiedDomains[0] ?? "example.invalid";
  const upns = new UpnFactory(domain);
  const files = new Map<string, string>();
  const sorted = [...departments].sort((a, b) => a.id.localeCompare(b.id));
  for (const id of Object.keys(plan)) {
    if (!sorted.some((d) => d.id === id))
      throw new Error(`EXAMPLE_NUMBERS names '${id}', which has no department`);
  }
  for (const dep of sorted) {
    const entry = plan[dep.id];
    if (!entry || entry.count === 0) continue;
    const ranges = dep.numberRanges.map((id) => {
      const range = tenant.numberRanges.find((r) => r.id === id);
      if (!range) throw new Error(`${dep.id}: number range '${id}' is not in tenant.yaml`);
      return range;
    });
    const locations = entry.buildings.flatMap((b) => {
      const address = tenant.emergencyAddresses.find((a) => a.id === b);
      if (!address) throw new Error(`${dep.id}: emergency address '${b}' is not in tenant.yaml`);
      return address.locations.map((l) => l.id);
    });
    const rand = createRandom(seedFor(seed, dep.id));
    const numbers = allocateNumbers(ranges, entry.count, rand, EXAMPLE_RESERVED);
    const rows = assignNumbers({
      numbers,
      maxUsers: dep.headcount,
      extraShare: EXTRA_SHARE,
      locations,
      upns,
      rand,
    });
    files.set(dep.id, renderNumbersCsv(rows));
  }
  return files;
}

function readYaml(path: string): unknown {
  return parse(readFileSync(path, "utf8"));
}

/** Reads the example's YAML, rewrites numbers/ (removing files of departments that no longer hold numbers). */
export function main(dir = EXAMPLE_DIR): number {
  const tenant = tenantSchema.parse(readYaml(join(dir, "tenant.yaml")));
  const departmentsDir = join(dir, "departments");
  const departments = readdirSync(departmentsDir)
    .filter((n) => n.endsWith(".yaml"))
    .map((n) => departmentSchema.parse(readYaml(join(departmentsDir, n))));
  const files = exampleNumberFiles(tenant, departments);
  const numbersDir = join(dir, "numbers");
  mkdirSync(numbersDir, { recursive: true });
  for (const name of readdirSync(numbersDir)) {
    if (name.endsWith(".csv") && !files.has(name.slice(0, -4))) rmSync(join(numbersDir, name));
  }
  let rows = 0;
  for (const [id, text] of files) {
    writeFileSync(join(numbersDir, `${id}.csv`), text);
    rows += text.split("\n").length - 2;
  }
  process.stdout.write(`wrote ${files.size} numbers files, ${rows} rows, to ${numbersDir}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();
