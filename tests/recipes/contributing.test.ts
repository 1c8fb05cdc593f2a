/**
 * The CONTRIBUTING recipes, followed step by step with the real commands on a copy of the example committed to a
 * throw-away git repository (so `plan --base HEAD` shows what the pull request would). Change a recipe and this
 * test together.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant, succeeded } from "../helpers/tenantCli";

const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");

const tenant = runTenant;

let bed: GitRepo;
let repo: string;
let dir: string;
const file = (p: string) => join(dir, p);
const read = (p: string) => readFileSync(file(p), "utf8");
const edit = (p: string, from: string, to: string) => {
  const text = read(p);
  if (!text.includes(from)) throw new Error(`${p} does not contain ${JSON.stringify(from)}`);
  writeFileSync(
    file(p),
    text.replace(from, () => to),
  );
};

beforeEach(() => {
  bed = createGitRepo("tenant-recipe-");
  repo = bed.root;
  dir = bed.addStack(EXAMPLE, "example");
  bed.commitAll("the example");
});
afterEach(() => bed.remove());

/** `tenant plan --base HEAD` of the copy, as the pull-request comment shows it. */
async function planBase(): Promise<string> {
  const plan = await tenant(["plan", "--dir", dir, "--base", "HEAD", "--format", "markdown"]);
  if (process.env.RECIPE_PLAN_DUMP)
    writeFileSync(`${process.env.RECIPE_PLAN_DUMP}.${Date.now()}.md`, plan.out);
  expect(plan.err).toBe("");
  succeeded(plan);
  return plan.out;
}

it("add a department: number range, emergency address, a free network block, codeowners, validate, plan", async () => {
  // 1. Its network, first: the block `tenant network next-block` proposes for the valid definition.
  const block = await tenant(["network", "next-block", "--dir", dir]);
  succeeded(block);
  expect(block.out).toBe("10.65.2.0/24\n");
  // 2. Copy a department file and make it the new department's, with that block.
  const barajas = read("departments/barajas.yaml");
  writeFileSync(
    file("departments/museos.yaml"),
    barajas
      .replace("id: barajas", "id: museos")
      .replace("displayName: Distrito de Barajas", "displayName: Museos Municipales")
      .replace("kind: district", "kind: area")
      .replace("costCenter: JMD-21", "costCenter: MUS-01")
      .replace(
        "owners: [alejandro.cano@capital.example, paula.prieto@capital.example]",
        "owners: [ines.museos@capital.example]",
      )
      .replace("admins: [adm.alejandro.cano@capital.example]", "admins: [adm.ines.museos@capital.example]")
      .replace("values: [Distrito de Barajas, Junta Municipal de Barajas]", "values: [Museos Municipales]")
      .replace("numberRanges: [barajas-dr]", "numberRanges: [museos-dr]")
      .replace("addressSpace: 10.65.63.0/24", `addressSpace: ${block.out.trim()}`)
      .replace("contacts: [alejandro.cano@capital.example,", "contacts: [ines.museos@capital.example,")
      // Without the copy's phone services: those are Barajas's switchboard, its account and its number.
      .replace(/\nphoneServices:[\s\S]*$/, "\n"),
  );
  // 3. Its number range (tenant.yaml), after Barajas's block.
  edit(
    "tenant.yaml",
    "  - id: reserva-corporativa\n",
    '  - id: museos-dr\n    type: directRouting\n    start: "+34915543900"\n    end: "+34915543999"\n' +
      '    description: "Museos Municipales: Direct Routing DDI block"\n  - id: reserva-corporativa\n',
  );
  // 4. Its emergency address (tenant.yaml).
  edit(
    "tenant.yaml",
    "\n# The city's number ranges.",
    "\n  - id: museo-historia\n" +
      '    description: "Museo de Historia"\n' +
      '    companyName: "Ayuntamiento de Ciudad de Ejemplo - Museos Municipales"\n' +
      '    houseNumber: "78"\n    streetName: Calle de Fuencarral\n    city: Ciudad de Ejemplo\n' +
      '    stateOrProvince: Madrid\n    postalCode: "28004"\n    countryOrRegion: ES\n' +
      // Required outside AU and JP (New-CsOnlineLisCivicAddress -Latitude/-Longitude).
      "    latitude: 40.4256\n    longitude: -3.7009\n" +
      '    locations:\n      - { id: museo-historia-p0, name: "Planta baja" }\n' +
      "\n# The city's number ranges.",
  );
  // 5. Numbers for its first people, from its own range, at its own address.
  writeFileSync(join(repo, "people.txt"), "ines.museos@capital.example\nmario.museos@capital.example\n");
  const allocated = await tenant([
    "numbers",
    "allocate",
    "--dir",
    dir,
    "--department",
    "museos",
    "--users",
    join(repo, "people.txt"),
    "--location",
    "museo-historia-p0",
  ]);
  succeeded(allocated);
  expect(read("numbers/museos.csv")).toBe(
    "userPrincipalName,number,emergencyLocation,category\n" +
      "ines.museos@capital.example,+34915543900,museo-historia-p0,primary\n" +
      "mario.museos@capital.example,+34915543901,museo-historia-p0,primary\n",
  );
  // 6. validate exits 0.
  const valid = await tenant(["validate", "--dir", dir]);
  succeeded(valid);
  // 7. codeowners: the department's files go to its owners; --check agrees.
  succeeded(await tenant(["codeowners", "--dir", dir]));
  const owners = readFileSync(join(repo, ".github", "CODEOWNERS"), "utf8");
  expect(owners).toContain("/stacks/example/departments/museos.yaml ines.museos@capital.example\n");
  expect(owners).toContain("/stacks/example/numbers/museos.csv ines.museos@capital.example\n");
  succeeded(await tenant(["codeowners", "--dir", dir, "--check"]));
  // 8. plan --base: the department appears, with its group, spoke and numbers.
  const plan = await planBase();
  expect(plan).toMatch(/^\*\*`museos`\*\* \(new department\) · \d+ to create$/m);
  expect(plan).toContain(
    "- Numbers: added `+34915543900` → ines.museos@capital.example (primary, `museo-historia-p0`)\n",
  );
  expect(plan).toContain("- Teams policy: create EmergencyAddress `tv-cde-address-museo-historia`\n");
  expect(plan).toContain("- `+` create VirtualNetwork `vnet-cde-museos-spaincentral`\n");
  expect(plan).toContain("- `+` create Group `grp-cde-museos`\n");
});

it("move a user's number to another department: release into quarantine, allocate in the new one", async () => {
  const [, first] = read("numbers/barajas.csv").split("\n");
  const [upn, oldNumber] = first.split(",");
  writeFileSync(join(repo, "mover.txt"), `${upn}\n`);
  const released = await tenant([
    "numbers",
    "release",
    "--dir",
    dir,
    "--department",
    "barajas",
    "--users",
    join(repo, "mover.txt"),
  ]);
  succeeded(released);
  expect(read("numbers/barajas.csv")).not.toContain(upn);
  expect(read("numbers/released.csv")).toContain(`${oldNumber},`);
  const allocated = await tenant([
    "numbers",
    "allocate",
    "--dir",
    dir,
    "--department",
    "centro",
    "--users",
    join(repo, "mover.txt"),
    "--location",
    "junta-centro-p0",
  ]);
  succeeded(allocated);
  const line = read("numbers/centro.csv")
    .split("\n")
    .find((l) => l.startsWith(`${upn},`));
  expect(line).toMatch(/^[^,]+,\+\d+,junta-centro-p0,primary$/);
  const newNumber = line!.split(",")[1];
  succeeded(await tenant(["validate", "--dir", dir]));
  const plan = await planBase();
  expect(plan).toContain("**2 departments change: 1 number moved; 2 to update; no policy findings**\n");
  expect(plan).toContain(`- Numbers: ${upn} moved \`${oldNumber}\` → \`${newNumber}\` (from barajas)\n`);
});

it("change a department's calling policy", async () => {
  edit("departments/centro.yaml", "callingPolicy: CDE-Estandar", "callingPolicy: CDE-Primera-Linea");
  succeeded(await tenant(["validate", "--dir", dir]));
  const plan = await planBase();
  expect(plan).toContain(
    "**1 department changes: 1 policy grant changed; 1 to update; no policy findings**\n",
  );
  expect(plan).toContain(
    "**`centro`** · 1 to update\n- Policy: TeamsCallingPolicy `CDE-Estandar` (rank 20) → `CDE-Primera-Linea` (rank 20)\n",
  );
});
