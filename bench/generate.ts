/**
 * `bench/generate`: writes a complete, valid tenant definition of any size (by default Madrid-scale: 50
 * departments, 27,000 users, 25,000 numbers) for benchmarks and load tests. Deterministic for a seed.
 *
 * `generateDefinition` is a pure function from options to the definition's content; `renderDefinition`
 * turns it into file texts; `writeDefinition` and `main` are the thin I/O around them.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { Document, isScalar, visit } from "yaml";
import type { z } from "zod";
import type { departmentSchema } from "../src/config/schema/department";
import type { Archetype } from "../src/config/schema/landingZone";
import type { NumberAssignment } from "../src/config/schema/numbers";
import type { NumberType } from "../src/config/schema/telephony";
import type { tenantSchema } from "../src/config/schema/tenant";
import {
  allocateNumbers,
  asciiSlug,
  assignNumbers,
  createRandom,
  renderNumbersCsv,
  seedFor,
  splitTotal,
  UpnFactory,
  type Random,
} from "./core";

/** What the files say (defaults may be left out), as opposed to what the loader returns. */
export type TenantFile = z.input<typeof tenantSchema>;
export type DepartmentFile = z.input<typeof departmentSchema>;
type EmergencyAddressFile = NonNullable<TenantFile["emergencyAddresses"]>[number];
type NumberRangeFile = NonNullable<TenantFile["numberRanges"]>[number];

export interface GenerateOptions {
  departments: number;
  users: number;
  numbers: number;
  seed: number;
}

export const MADRID_SCALE: GenerateOptions = { departments: 50, users: 27_000, numbers: 25_000, seed: 1 };

export interface GeneratedDefinition {
  tenant: TenantFile;
  departments: DepartmentFile[];
  /** Rows per department id; departments without numbers have no entry. */
  numbers: Record<string, NumberAssignment[]>;
}

/** Numbers left free at the start of every range (switchboard, auto attendants, resource accounts). */
export const RESERVED_PER_RANGE = 10;

const DOMAIN = "referencia.example";
const SBCS = ["sbc1.voz.referencia.example", "sbc2.voz.referencia.example"];
const FRONTLINE = new Set(["policia-municipal", "bomberos", "samur", "limpieza", "deportes"]);

/** Department catalogue: id and display name; central areas and agencies first, then the 21 districts. */
const CATALOGUE: readonly (readonly [id: string, name: string, kind: "area" | "district" | "agency"])[] = [
  ["alcaldia", "Alcaldía", "area"],
  ["seguridad", "Seguridad y Emergencias", "area"],
  ["policia-municipal", "Policía Municipal", "agency"],
  ["bomberos", "Bomberos", "agency"],
  ["samur", "SAMUR-Protección Civil", "agency"],
  ["atencion-ciudadania", "Atención a la Ciudadanía", "area"],
  ["politicas-sociales", "Políticas Sociales y Familia", "area"],
  ["hacienda", "Economía y Hacienda", "area"],
  ["agencia-tributaria", "Agencia Tributaria", "agency"],
  ["movilidad", "Movilidad", "area"],
  ["empleo", "Agencia para el Empleo", "agency"],
  ["urbanismo", "Urbanismo", "area"],
  ["vivienda", "Vivienda", "area"],
  ["medio-ambiente", "Medio Ambiente", "area"],
  ["limpieza", "Limpieza y Zonas Verdes", "area"],
  ["obras", "Obras y Equipamientos", "area"],
  ["cultura", "Cultura", "area"],
  ["turismo", "Turismo", "area"],
  ["deportes", "Deportes", "area"],
  ["educacion", "Educación y Juventud", "area"],
  ["salud", "Salud Pública", "agency"],
  ["oficina-digital", "Oficina Digital", "area"],
  ["recursos-humanos", "Recursos Humanos", "area"],
  ["coordinacion-territorial", "Coordinación Territorial", "area"],
  ["pleno", "Secretaría General del Pleno", "area"],
  ["asesoria-juridica", "Asesoría Jurídica", "area"],
  ["intervencion", "Intervención General", "area"],
  ["contratacion", "Contratación", "area"],
  ["actividades", "Agencia de Actividades", "agency"],
  ...[
    "Centro",
    "Arganzuela",
    "Retiro",
    "Salamanca",
    "Chamartín",
    "Tetuán",
    "Chamberí",
    "Fuencarral-El Pardo",
    "Moncloa-Aravaca",
    "Latina",
    "Carabanchel",
    "Usera",
    "Puente de Vallecas",
    "Moratalaz",
    "Ciudad Lineal",
    "Hortaleza",
    "Villaverde",
    "Villa de Vallecas",
    "Vicálvaro",
    "San Blas-Canillejas",
    "Barajas",
  ].map((name) => [asciiSlug(name), `Distrito de ${name}`, "district"] as const),
];

const STREETS = [
  "Calle de Alcalá",
  "Calle Mayor",
  "Paseo de la Castellana",
  "Calle de Bravo Murillo",
  "Calle de Atocha",
  "Paseo de las Delicias",
  "Calle de Toledo",
  "Avenida de la Albufera",
  "Calle de Arturo Soria",
  "Calle de Princesa",
  "Avenida de América",
  "Calle de Embajadores",
];

interface DepartmentPlan {
  id: string;
  name: string;
  kind: "area" | "district" | "agency";
  index: number;
  headcount: number;
  numbers: number;
  type: NumberType;
  frontline: boolean;
}

/** Generates the whole definition for `opts`. Throws on sizes it cannot honour (e.g. numbers without users). */
export function generateDefinition(opts: GenerateOptions): GeneratedDefinition {
  checkOptions(opts);
  const plans = planDepartments(opts);
  const upns = new UpnFactory(DOMAIN);
  const addresses: EmergencyAddressFile[] = [];
  const ranges: NumberRangeFile[] = [];
  const departments: DepartmentFile[] = [];
  const numbers: Record<string, NumberAssignment[]> = {};
  let cursor = 0; // offset of the next range above +34 910 000 000

  for (const plan of plans) {
    const rand = createRandom(seedFor(opts.seed, plan.id));
    const deptAddresses = buildingsFor(plan, rand);
    addresses.push(...deptAddresses);
    const rangeIds: string[] = [];
    if (plan.numbers > 0) {
      const size = roundUp(Math.ceil(plan.numbers * 1.25) + RESERVED_PER_RANGE, 100);
      const range: NumberRangeFile = {
        id: `${plan.id}-${plan.type === "directRouting" ? "dr" : plan.type === "operatorConnect" ? "oc" : "cp"}`,
        type: plan.type,
        start: `+34${910_000_000 + cursor}`,
        end: `+34${910_000_000 + cursor + size - 1}`,
        description: `${plan.name}: ${plan.type} block`,
      };
      cursor += roundUp(size, 1000);
      if (910_000_000 + cursor > 919_999_999) {
        throw new Error("too many numbers for the +34 91 numbering area (at most about 8 million)");
      }
      ranges.push(range);
      rangeIds.push(range.id);
      const allocated = allocateNumbers([range], plan.numbers, rand, RESERVED_PER_RANGE);
      numbers[plan.id] = assignNumbers({
        numbers: allocated,
        maxUsers: plan.headcount,
        extraShare: plan.numbers > plan.headcount ? 1 - plan.headcount / plan.numbers : 0.04,
        locations: deptAddresses.flatMap((a) => a.locations.map((l) => l.id)),
        upns,
        rand,
      });
    }
    departments.push(departmentFile(plan, rangeIds, rand));
  }

  const tenant: TenantFile = {
    organization: {
      name: "Ciudad de Referencia (benchmark)",
      shortName: "ref",
      tenantId: "5e1f0b6c-0000-4000-8000-00000000be7c",
      verifiedDomains: [DOMAIN],
      country: "ES",
      defaultUsageLocation: "ES",
    },
    landingZone: landingZone(),
    licensing: { skus: licenceCatalogue(departments) },
    teamsVoice: teamsVoice(),
    emergencyAddresses: addresses,
    numberRanges: ranges,
  };
  return { tenant, departments, numbers };
}

function checkOptions(opts: GenerateOptions): void {
  if (!Number.isInteger(opts.departments) || opts.departments < 1 || opts.departments > 4000) {
    throw new Error("--departments must be an integer from 1 to 4000");
  }
  if (!Number.isInteger(opts.users) || opts.users < 0) throw new Error("--users must be an integer ≥ 0");
  if (!Number.isInteger(opts.numbers) || opts.numbers < 0)
    throw new Error("--numbers must be an integer ≥ 0");
  if (opts.numbers > 0 && opts.users === 0) throw new Error("--numbers needs at least one user to hold them");
  if (opts.numbers > 4_000_000) throw new Error("--numbers must be at most 4,000,000");
}

function planDepartments(opts: GenerateOptions): DepartmentPlan[] {
  const rand = createRandom(seedFor(opts.seed, "plan"));
  const base = Array.from({ length: opts.departments }, (_, index) => {
    const known = CATALOGUE[index];
    const id = known ? known[0] : `departamento-${String(index + 1).padStart(4, "0")}`;
    const name = known ? known[1] : `Departamento ${index + 1}`;
    const kind = known ? known[2] : "area";
    const frontline = FRONTLINE.has(id);
    const weight = (0.4 + 1.6 * rand.next()) * (id === "policia-municipal" ? 12 : frontline ? 4 : 1);
    return { id, name, kind, index, frontline, weight };
  });
  const headcounts = splitTotal(
    opts.users,
    base.map((b) => b.weight),
  );
  // Numbers follow headcount, so no department holds more numbers than people unless numbers > users.
  const numbers = opts.users > 0 ? splitTotal(opts.numbers, headcounts) : base.map(() => 0);
  return base.map((b, i) => {
    const type: NumberType =
      b.id === "turismo" || (b.index >= 50 && b.index % 25 === 0)
        ? "callingPlan"
        : b.frontline || (b.index >= 50 && b.index % 10 === 3)
          ? "operatorConnect"
          : "directRouting";
    return { ...b, headcount: headcounts[i] ?? 0, numbers: numbers[i] ?? 0, type };
  });
}

function buildingsFor(plan: DepartmentPlan, rand: Random): EmergencyAddressFile[] {
  const buildings = 1 + Math.floor(plan.numbers / 2000);
  const floors = Math.min(15, Math.max(1, Math.ceil(plan.numbers / buildings / 200)));
  return Array.from({ length: buildings }, (_, b) => {
    const id = b === 0 ? `${plan.id}-sede` : `${plan.id}-sede-${b + 1}`;
    return {
      id,
      description: `${plan.name}, edificio ${b + 1}`,
      companyName: `Ciudad de Referencia - ${plan.name}`,
      houseNumber: String(rand.int(1, 250)),
      streetName: rand.pick(STREETS),
      city: "Ciudad de Referencia",
      stateOrProvince: "Madrid",
      postalCode: String(28001 + rand.int(0, 54)),
      countryOrRegion: "ES",
      // Teams requires coordinates outside AU and JP (New-CsOnlineLisCivicAddress); illustrative, like the city.
      // Derived from the building, not drawn from `rand`, so the rest of the generated stack stays as it was.
      latitude: Math.round((40.38 + ((b * 37 + id.length * 11) % 800) / 10000) * 10000) / 10000,
      longitude: Math.round((-3.74 + ((b * 53 + id.length * 7) % 800) / 10000) * 10000) / 10000,
      locations: Array.from({ length: floors }, (_, f) => ({
        id: `${id}-p${f}`,
        name: f === 0 ? "Planta baja" : `Planta ${f}`,
      })),
    };
  });
}

function departmentFile(plan: DepartmentPlan, rangeIds: string[], rand: Random): DepartmentFile {
  const owner = `responsable.${plan.id}@${DOMAIN}`;
  const spoke = spokeFor(plan.index);
  const licences: DepartmentFile["licences"] = plan.frontline
    ? [{ sku: "SPE_F1" }, { sku: "MCOEV" }]
    : [{ sku: "SPE_E5", ...(rand.chance(0.25) ? { disabledPlans: ["YAMMER_ENTERPRISE"] } : {}) }];
  if (plan.type === "callingPlan") licences.push({ sku: "MCOPSTN1" });
  return {
    id: plan.id,
    displayName: plan.name,
    kind: plan.kind,
    costCenter:
      plan.kind === "district" ? `JMD-${String(plan.index).padStart(3, "0")}` : `CC-${1000 + plan.index}`,
    owners: [owner],
    admins: [`admin.${plan.id}@${DOMAIN}`],
    membership: { attribute: "department", values: [plan.name] },
    headcount: plan.headcount,
    licences,
    teams: {
      callingPolicy: plan.frontline ? "Frontline" : "Standard",
      emergencyCallingPolicy: "Notify-Security-Desk",
      ...(plan.type === "directRouting" ? { voiceRoutingPolicy: "National" } : {}),
      dialPlan: "ES-Referencia",
    },
    numberRanges: rangeIds,
    network: { addressSpace: spoke },
    budget: {
      monthlyAmount: roundUp(500 + plan.headcount * 4, 100),
      thresholds: [80, 100],
      contacts: [owner],
    },
  };
}

/** Spoke `index`: a /20 from 10.1.0.0 on, 16 per /16, clear of the hub's 10.0.0.0/16. */
export function spokeFor(index: number): string {
  return `10.${1 + (index >> 4)}.${(index & 15) << 4}.0/20`;
}

function landingZone(): TenantFile["landingZone"] {
  const mg = (id: string, displayName: string, parent: string | undefined, archetype: Archetype) => ({
    id: `ref${id ? `-${id}` : ""}`,
    displayName,
    ...(parent !== undefined ? { parent: `ref${parent ? `-${parent}` : ""}` } : {}),
    archetypes: [archetype],
  });
  return {
    managementGroups: [
      mg("", "Ciudad de Referencia", undefined, "root"),
      mg("platform", "Plataforma", "", "platform"),
      mg("management", "Gestión", "platform", "management"),
      mg("connectivity", "Conectividad", "platform", "connectivity"),
      mg("identity", "Identidad", "platform", "identity"),
      mg("landingzones", "Zonas de aterrizaje", "", "landingZones"),
      mg("corp", "Corporativo", "landingzones", "corp"),
      mg("online", "En línea", "landingzones", "online"),
      mg("sandbox", "Pruebas", "", "sandbox"),
      mg("decommissioned", "Retirado", "", "decommissioned"),
    ],
    primaryRegion: "spaincentral",
    allowedRegions: ["spaincentral", "westeurope", "northeurope", "francecentral"],
    addressPlan: "10.0.0.0/8",
    hub: {
      addressSpace: "10.0.0.0/22",
      subnets: [
        { name: "GatewaySubnet", addressPrefix: "10.0.0.0/26" },
        { name: "AzureFirewallSubnet", addressPrefix: "10.0.0.64/26" },
        { name: "AzureBastionSubnet", addressPrefix: "10.0.0.128/26" },
      ],
    },
    logRetentionDays: 365,
    // Every resource lands in a governed subscription (rule `subscriptions`): platform ones, and one shared
    // corp subscription for the departments (fixed ids: the output must be the same byte for byte).
    platformSubscriptions: {
      management: "0e000000-0000-4000-8000-000000000001",
      connectivity: "0e000000-0000-4000-8000-000000000002",
      identity: "0e000000-0000-4000-8000-000000000003",
    },
    departmentSubscriptions: {
      workload: "Production",
      shared: {
        "corp-compartida": { subscriptionId: "0e000000-0000-4000-8000-00000000c0c0", archetype: "corp" },
      },
    },
  };
}

/** Seats owned: demand plus 5 %, in packs of 100. */
function licenceCatalogue(departments: readonly DepartmentFile[]): TenantFile["licensing"]["skus"] {
  const demand = (sku: string) =>
    departments
      .filter((d) => (d.licences ?? []).some((l) => l.sku === sku))
      .reduce((sum, d) => sum + d.headcount, 0);
  const seats = (sku: string) => roundUp(Math.ceil(demand(sku) * 1.05), 100);
  return [
    {
      partNumber: "SPE_E5",
      displayName: "Microsoft 365 E5",
      seats: seats("SPE_E5"),
      servicePlans: ["YAMMER_ENTERPRISE", "SWAY", "BI_AZURE_P2", "MICROSOFTBOOKINGS", "KAIZALA_STANDALONE"],
      disabledPlans: ["KAIZALA_STANDALONE"],
    },
    { partNumber: "SPE_F1", displayName: "Microsoft 365 F1", seats: seats("SPE_F1") },
    { partNumber: "MCOEV", displayName: "Microsoft Teams Phone Standard", seats: seats("MCOEV") },
    {
      partNumber: "MCOPSTN1",
      displayName: "Microsoft Teams Domestic Calling Plan",
      seats: seats("MCOPSTN1"),
    },
  ];
}

function teamsVoice(): TenantFile["teamsVoice"] {
  const usages = ["ES-Emergency", "ES-National", "ES-Mobile", "ES-Special"];
  return {
    pstnUsages: [...usages, "International"],
    voiceRoutes: [
      route("ES-Emergency", "^(112|0(6[12]|8[05]|9[12]))$", "ES-Emergency", 0),
      route("ES-Fixed", "^\\+34[89]\\d{8}$", "ES-National", 1),
      route("ES-Mobile", "^\\+34[67]\\d{8}$", "ES-Mobile", 2),
      route("ES-Short-Codes", "^0[1-9]\\d$", "ES-Special", 3),
      route("International", "^\\+(?!34)\\d{7,15}$", "International", 4),
    ],
    callingPolicies: [
      {
        name: "Standard",
        allowPrivateCalling: true,
        allowVoicemail: "UserOverride",
        allowCallForwardingToPhone: true,
        allowDelegation: true,
        allowCloudRecordingForCalls: true,
      },
      {
        name: "Frontline",
        allowPrivateCalling: true,
        allowVoicemail: "AlwaysEnabled",
        allowCallForwardingToPhone: false,
        allowDelegation: false,
        allowCloudRecordingForCalls: false,
      },
    ],
    emergencyCallingPolicies: [
      {
        name: "Notify-Security-Desk",
        notificationGroup: [`centro.seguridad@${DOMAIN}`],
        notificationMode: "NotificationOnly",
        externalLocationLookupMode: "Enabled",
      },
    ],
    emergencyCallRoutingPolicies: [
      {
        name: "ES-112",
        emergencyNumbers: ["112", "091", "092", "080", "061"].map((digits) => ({
          emergencyDialString: digits,
          onlinePstnUsage: "ES-Emergency",
        })),
      },
    ],
    voiceRoutingPolicies: [{ name: "National", pstnUsages: usages }],
    dialPlans: [
      {
        name: "ES-Referencia",
        normalizationRules: [
          rule("ES-Emergency", "^(112|0(6[12]|8[05]|9[12]))$", "$1"),
          rule("ES-Short-Codes", "^(0[1-9]\\d)$", "$1"),
          rule("ES-National", "^([6789]\\d{8})$", "+34$1"),
          rule("ES-National-0", "^0([6789]\\d{8})$", "+34$1"),
          rule("International-00", "^00(\\d{7,15})$", "+$1"),
        ],
      },
    ],
    globalEmergencyCallRoutingPolicy: "ES-112",
  };
}

function route(name: string, numberPattern: string, usage: string, priority: number) {
  return { name, numberPattern, gateways: SBCS, pstnUsages: [usage], priority };
}

function rule(name: string, pattern: string, translation: string) {
  return { name, pattern, translation };
}

function roundUp(value: number, step: number): number {
  return Math.max(step, Math.ceil(value / step) * step);
}

const TENANT_HEADER = "# yaml-language-server: $schema=../schemas/tenant.schema.json\n";
const DEPARTMENT_HEADER = "# yaml-language-server: $schema=../../schemas/department.schema.json\n";

/** YAML text with lists of plain values in flow style (`[a, b]`), as a person would write them. */
export function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The definition as files: relative path → content. */
export function renderDefinition(def: GeneratedDefinition): Map<string, string> {
  const files = new Map<string, string>();
  files.set("tenant.yaml", TENANT_HEADER + toYaml(def.tenant));
  for (const d of def.departments) files.set(`departments/${d.id}.yaml`, DEPARTMENT_HEADER + toYaml(d));
  for (const [id, rows] of Object.entries(def.numbers))
    files.set(`numbers/${id}.csv`, renderNumbersCsv(rows));
  return files;
}

/**
 * Writes `files` under `dir`. The folder must be new, empty or a definition folder (tenant.yaml, departments/,
 * numbers/ and nothing else): its departments/ and numbers/ are replaced, so no stale file survives.
 */
export function writeDefinition(dir: string, files: ReadonlyMap<string, string>): void {
  if (existsSync(dir)) {
    const foreign = readdirSync(dir).filter((n) => !["tenant.yaml", "departments", "numbers"].includes(n));
    if (foreign.length > 0) {
      throw new Error(
        `${dir} holds other files (${foreign.slice(0, 3).join(", ")}) — give a new or empty folder`,
      );
    }
    rmSync(join(dir, "departments"), { recursive: true, force: true });
    rmSync(join(dir, "numbers"), { recursive: true, force: true });
  }
  for (const [path, content] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min)
      throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}`);
    return n;
  };
}

/** The command line; returns the exit code (0 written, 1 impossible sizes or I/O error, 2 usage). */
export function main(argv: string[], out = process.stdout, err = process.stderr): number {
  const program = new Command("bench/generate")
    .description("write a complete, valid tenant definition of the given size (deterministic for a seed)")
    .requiredOption("--out <dir>", "folder to write (new, empty, or a previous output)")
    .option("--departments <n>", "departments", integer("--departments", 1), MADRID_SCALE.departments)
    .option("--users <n>", "users (sum of headcounts)", integer("--users", 0), MADRID_SCALE.users)
    .option("--numbers <n>", "assigned phone numbers", integer("--numbers", 0), MADRID_SCALE.numbers)
    .option("--seed <n>", "random seed", integer("--seed", 0), MADRID_SCALE.seed)
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) });
  let opts: GenerateOptions & { out: string };
  try {
    program.parse(argv, { from: "user" });
    opts = program.opts();
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  try {
    const def = generateDefinition(opts);
    const files = renderDefinition(def);
    const dir = resolve(opts.out);
    writeDefinition(dir, files);
    const rows = Object.values(def.numbers).reduce((s, r) => s + r.length, 0);
    out.write(
      `wrote ${files.size} files to ${dir}: ${def.departments.length} departments, ` +
        `${opts.users} users, ${rows} numbers (seed ${opts.seed})\n`,
    );
    return 0;
  } catch (e) {
    err.write(`bench/generate: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
