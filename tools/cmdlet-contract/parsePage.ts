import type { ContractCmdlet, ContractParameter } from "../../src/teams/powershell/contract/types";

/**
 * One cmdlet reference page (platyPS markdown, schema 2.0.0, as in MicrosoftDocs/office-docs-powershell) →
 * what the contract keeps of it. Pure: the caller reads the file and knows its path and blob id.
 *
 * Page layout relied on: `## SYNTAX` with one fenced block per parameter set under `### <Set> (Default)`
 * headings (or a single unnamed block); `## PARAMETERS` with `### -<Name>`, description text and one or more
 * fenced yaml blocks (`Type:`, `Parameter Sets:`, `Aliases:`, `Required:`, `Position:`, optionally
 * `Accepted values:`).
 */

/** platyPS's name for the only set of a cmdlet whose SYNTAX has no set heading. */
export const ALL_SETS = "__AllParameterSets";

/** Parameters every cmdlet has or the driver controls; they are not cmdlet-specific contract. */
const NOT_CMDLET_PARAMETERS = new Set(["commonparameters"]);

export function parsePage(
  markdown: string,
  where: { path: string; blob: string; calledSets?: string[] },
): { name: string; cmdlet: ContractCmdlet } {
  const text = markdown.replace(/\r\n/g, "\n");
  const name = frontMatterTitle(text) ?? firstHeading(text);
  if (!name) throw new Error(`${where.path}: no title`);
  const syntax = section(text, "SYNTAX");
  const sets = syntaxSets(syntax);
  const parameters = parameterSections(section(text, "PARAMETERS"), sets);
  const inSyntax = new Set(sets.parameters.map((p) => p.toLowerCase()));
  for (const [pName, p] of Object.entries(parameters)) {
    if (!inSyntax.has(pName.toLowerCase())) p.missingFromSyntax = true;
  }
  // SYNTAX shows a parameter without brackets when the cmdlet's metadata makes it mandatory in that set; a yaml
  // block saying `Required: False` for it is the hand-edited half of the page, so mandatory wins (and is noted).
  for (const [pName, p] of Object.entries(parameters)) {
    for (const set of sets.names) {
      if (!sets.mandatory[set]?.has(pName.toLowerCase()) || !p.sets[set] || p.sets[set].required) continue;
      p.sets[set].required = true;
      p.notes = [...(p.notes ?? []), `mandatory in the ${set} SYNTAX block; its yaml says Required: False`];
    }
  }
  // A parameter only in SYNTAX (no PARAMETERS entry) still exists: keep its name and syntax type.
  for (const [pName, type] of Object.entries(sets.types)) {
    if (NOT_CMDLET_PARAMETERS.has(pName.toLowerCase())) continue;
    if (Object.keys(parameters).some((k) => k.toLowerCase() === pName.toLowerCase())) continue;
    parameters[pName] = {
      type,
      aliases: [],
      sets: Object.fromEntries(
        sets.names
          .filter((s) => sets.membership[s].has(pName.toLowerCase()))
          .map((s) => [s, { required: sets.mandatory[s].has(pName.toLowerCase()), position: "Named" }]),
      ),
      notes: ["documented only in SYNTAX"],
    };
  }
  const calledSets = where.calledSets ?? [sets.defaultName];
  for (const s of calledSets) {
    if (!sets.names.includes(s))
      throw new Error(`${where.path}: no parameter set '${s}' (has ${sets.names.join(", ")})`);
  }
  const has = (p: string) => Object.keys(parameters).some((k) => k.toLowerCase() === p.toLowerCase());
  const cmdlet: ContractCmdlet = {
    path: where.path,
    blob: where.blob,
    parameterSets: sets.names,
    defaultParameterSet: sets.defaultName,
    calledSets,
    supportsConfirm: has("Confirm"),
    supportsWhatIf: has("WhatIf"),
    parameters: sortKeys(parameters),
  };
  const countries = countryRestriction(text);
  if (countries) cmdlet.countryRestriction = countries;
  return { name, cmdlet };
}

function frontMatterTitle(text: string): string | undefined {
  const fm = /^---\n([\s\S]*?)\n---/.exec(text);
  return fm ? /^title:\s*(\S+)\s*$/m.exec(fm[1])?.[1] : undefined;
}

function firstHeading(text: string): string | undefined {
  return /^# (\S+)\s*$/m.exec(text)?.[1];
}

/** The body of `## <title>` up to the next `## ` heading. */
export function section(text: string, title: string): string {
  const start = new RegExp(`^## ${title}\\s*$`, "m").exec(text);
  if (!start) return "";
  const rest = text.slice(start.index + start[0].length);
  const end = /^## /m.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

interface SyntaxSets {
  names: string[];
  defaultName: string;
  /** Set → lower-case names of its parameters / of its mandatory parameters. */
  membership: Record<string, Set<string>>;
  mandatory: Record<string, Set<string>>;
  /** Every parameter named in any SYNTAX block, with the type the block gives (`SwitchParameter` if none). */
  parameters: string[];
  types: Record<string, string>;
}

function syntaxSets(syntax: string): SyntaxSets {
  const blocks: { name: string; isDefault: boolean; code: string }[] = [];
  const re = /(?:^###\s+(.+?)\s*$\n+)?^ *```[^\n]*\n([\s\S]*?)^ *```/gm;
  for (let m = re.exec(syntax); m; m = re.exec(syntax)) {
    const heading = (m[1] ?? "").trim();
    const isDefault = /\(Default\)$/i.test(heading);
    blocks.push({ name: heading.replace(/\s*\(Default\)$/i, "").trim(), isDefault, code: m[2] });
  }
  if (blocks.length === 1 && blocks[0].name === "") blocks[0].name = ALL_SETS;
  const out: SyntaxSets = {
    names: [],
    defaultName: "",
    membership: {},
    mandatory: {},
    parameters: [],
    types: {},
  };
  for (const b of blocks) {
    const name = b.name || ALL_SETS;
    out.names.push(name);
    if (b.isDefault || !out.defaultName) out.defaultName = b.isDefault ? name : out.defaultName || name;
    out.membership[name] = new Set();
    out.mandatory[name] = new Set();
    // Tokens: `[-Name <Type>]`, `[[-Name] <Type>]`, `-Name <Type>`, `[-Switch]`, `[-Name] <Type>`.
    const tokenRe = /(\[*)-([A-Za-z][A-Za-z0-9]*)(\]?)(?:\s+<([^>]+)>)?/g;
    const code = b.code.replace(/^\S+/, ""); // drop the cmdlet name itself
    for (let t = tokenRe.exec(code); t; t = tokenRe.exec(code)) {
      const pName = t[2];
      const lower = pName.toLowerCase();
      // A name in brackets is optional unless only the name is bracketed (`[-Identity] <string>`: positional).
      const outerOptional = t[1].length >= 1 && !(t[1].length === 1 && t[3] === "]" && t[4] !== undefined);
      out.membership[name].add(lower);
      if (!outerOptional) out.mandatory[name].add(lower);
      if (!out.parameters.some((p) => p.toLowerCase() === lower)) {
        out.parameters.push(pName);
        out.types[pName] = t[4] ?? "SwitchParameter";
      }
    }
  }
  if (!out.defaultName && out.names.length) out.defaultName = out.names[0];
  return out;
}

function parameterSections(body: string, syntax: SyntaxSets): Record<string, ContractParameter> {
  const setNames = syntax.names;
  const out: Record<string, ContractParameter> = {};
  const parts = body.split(/^### -/m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf("\n");
    const pName = part.slice(0, nl).trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(pName) || NOT_CMDLET_PARAMETERS.has(pName.toLowerCase())) continue;
    const rest = part.slice(nl + 1);
    const yamlBlocks = [...rest.matchAll(/^ *```yaml\s*\n([\s\S]*?)^ *```/gm)].map((m) => m[1]);
    const description = rest.replace(/^ *```[\s\S]*?^ *```/gm, "").trim();
    const param: ContractParameter = { type: "", aliases: [], sets: {} };
    for (const y of yamlBlocks) {
      const field = (key: string) => new RegExp(`^${key}:[ \\t]*(.*)$`, "mi").exec(y)?.[1].trim() ?? "";
      param.type ||= field("Type");
      for (const a of field("Aliases")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        if (!param.aliases.includes(a)) param.aliases.push(a);
      }
      const required = /^true$/i.test(field("Required"));
      const position = field("Position") || "Named";
      const listed = field("Parameter Sets").replace(/^\(|\)$/g, "");
      const targets = /^all$/i.test(listed)
        ? setNames
        : listed
            .split(",")
            .map((s) => s.trim().replace(/^\(|\)$/g, ""))
            .filter(Boolean)
            // A page with one unnamed SYNTAX block may still name its set in the yaml: it is that set when the
            // parameter is in the block; otherwise the yaml names a set the SYNTAX does not have (kept as named).
            .map(
              (s) =>
                setNames.find((n) => n.toLowerCase() === s.toLowerCase()) ??
                (setNames.length === 1 && syntax.membership[setNames[0]].has(pName.toLowerCase())
                  ? setNames[0]
                  : s),
            );
      for (const s of targets) param.sets[s] = { required, position };
      const accepted = field("Accepted values");
      if (accepted) {
        param.values = accepted
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        param.valuesFrom = "validateSet";
      }
    }
    if (!param.values) {
      const listed = describedValues(description);
      if (listed) {
        param.values = listed.values;
        param.valuesFrom = "description";
        if (listed.unavailable.length) param.unavailableValues = listed.unavailable;
      }
    } else {
      const listed = describedValues(description);
      const unavailable = listed?.unavailable.filter((v) => param.values!.includes(v)) ?? [];
      if (unavailable.length) param.unavailableValues = unavailable;
    }
    if (/reserved for internal Microsoft use/i.test(description)) param.internalOnly = true;
    const max =
      /Maximum characters:\s*(\d+)/i.exec(description) ??
      /up to (\d+) characters/i.exec(description) ??
      /cannot exceed (\d+) characters/i.exec(description);
    if (max) param.maxLength = Number(max[1]);
    const notes = limitSentences(description);
    if (notes.length) param.notes = notes;
    out[pName] = param;
  }
  return out;
}

/**
 * The values a description lists after "Valid options", "Possible values", "Valid values", "Allowed values" or
 * "can be set to": bullet items `- Value`, `- Value: text`, `- **Value**`, `* Value - text`. A value whose
 * bullet says "not available for use" is reported as unavailable.
 */
function describedValues(description: string): { values: string[]; unavailable: string[] } | undefined {
  const intro =
    /(valid options|possible values|valid values|allowed values|supported values|can be set to|accepted values)[^\n]*\n/i.exec(
      description,
    );
  if (!intro) return undefined;
  const after = description.slice(intro.index + intro[0].length).split("\n");
  const values: string[] = [];
  const unavailable: string[] = [];
  let started = false;
  for (const line of after) {
    const bullet = /^\s*[-*]\s+\**`?([A-Za-z][A-Za-z0-9]*)`?\**\s*(?:[:\-–]\s*(.*))?$/.exec(line);
    if (bullet) {
      started = true;
      values.push(bullet[1]);
      if (/not available for use/i.test(bullet[2] ?? "")) unavailable.push(bullet[1]);
      continue;
    }
    if (line.trim() === "") continue;
    if (started) break;
    // Text between the intro and the list ends the search only if no list follows soon.
    if (!started && values.length === 0 && /^[A-Za-z]/.test(line) && line.length > 200) break;
  }
  return values.length ? { values, unavailable } : undefined;
}

const LIMIT_SENTENCE =
  /(maximum characters|up to \d+ characters|cannot exceed|should not begin with|can't clear|cannot clear|required for all countries|not available for use|restricted to the following)/i;

function limitSentences(description: string): string[] {
  return description
    .split(/\n+/)
    .map((l) => l.replace(/^>\s*/, "").trim())
    .filter((l) => l && !/^>?\s*Applicable:/i.test(l) && LIMIT_SENTENCE.test(l));
}

/** `**AU, BR, CA, …**` after "restricted to the following countries/regions". */
function countryRestriction(text: string): string[] | undefined {
  const m =
    /restricted to the following countries\/regions:\s*\n+\s*\*\*([A-Z]{2}(?:,\s*[A-Z]{2})*)\*\*/i.exec(text);
  return m ? m[1].split(",").map((s) => s.trim()) : undefined;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(o)
      .sort((a, b) => a.localeCompare(b))
      .map((k) => [k, o[k]]),
  );
}
