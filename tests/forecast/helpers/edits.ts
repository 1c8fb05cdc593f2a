/**
 * Everyday pull-request edits of the example city, as a reviewer would see them together: one user gives up
 * a number, a department moves to another calling policy, another enables a licence plan and rewords its
 * call queue's welcome.
 */
import type { TenantDefinition } from "../../../src/config/definition";
import { loadValidDefinition } from "../../../src/stackConfig";

export const EXAMPLE = `${__dirname}/../../../stacks/example`;

export function exampleBase(): TenantDefinition {
  return loadValidDefinition(EXAMPLE);
}

function department(def: TenantDefinition, id: string) {
  const d = def.departments.find((x) => x.id === id);
  if (!d) throw new Error(`the example has no department ${id}`);
  return d;
}

export function everydayEdits(base: TenantDefinition): TenantDefinition {
  const head = structuredClone(base);
  head.numbers.actividades = head.numbers.actividades.slice(1);
  const teams = department(head, "actividades").teams;
  if (!teams) throw new Error("the example's actividades has no Teams settings");
  teams.callingPolicy = "CDE-Direccion";
  const tributaria = department(head, "agencia-tributaria");
  tributaria.licences = tributaria.licences.map((l) => ({
    ...l,
    disabledPlans: l.disabledPlans.filter((p) => p !== "SWAY"),
  }));
  const queue = tributaria.phoneServices?.callQueues[0];
  if (!queue) throw new Error("the example's agencia-tributaria has no call queue");
  queue.welcome = "Agencia Tributaria municipal. Todas las líneas están ocupadas; le atenderemos en breve.";
  return head;
}
