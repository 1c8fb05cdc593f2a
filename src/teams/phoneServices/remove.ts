/**
 * delete of a `PhoneServices` or `PhoneSchedules`. Refused, with nothing removed, while a public number still
 * points at one of the department's objects: a resource account that holds a number (read live, so a number
 * given outside the toolkit counts too). The operator removes the numbers from the definition and applies that
 * first. Otherwise: associations, accounts (deleted as Entra users), attendants, queues, own schedules.
 */
import { StillAssignedError } from "../provider/errors";
import {
  dissociate,
  removeAutoAttendant,
  removeCallQueue,
  removeSchedule,
  type PhoneServicesRunner,
} from "./adapter";
import { reasonOf } from "./apply";
import type { PhoneServicesBackend } from "./backend";
import { heldOf, type Held } from "./held";
import { stringProp, type PsObject } from "../powershell/results";
import { isNotFound } from "../../notFound";

export async function removePhoneServices(
  backend: PhoneServicesBackend,
  department: string,
  held: Held,
): Promise<void> {
  const ps = backend.ps;
  const accounts = heldOf(held, "account");
  const live: PsObject[] = [];
  for (const a of accounts) {
    try {
      live.push(...(await ps.run("Get-CsOnlineApplicationInstance", { Identity: a.id })));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  const numbered = live.flatMap((o) => {
    const number = stringProp(o, "PhoneNumber");
    const upn = stringProp(o, "UserPrincipalName") ?? stringProp(o, "ObjectId") ?? "?";
    return number ? [`resource account ${upn} holds ${number}`] : [];
  });
  for (const n of heldOf(held, "number"))
    if (!numbered.some((x) => x.includes(n.key)))
      numbered.push(`resource account ${n.key} holds ${n.id.split("|")[0]}`);
  if (numbered.length > 0)
    throw new StillAssignedError(
      `the phone services of department ${department}`,
      numbered,
      "Remove the resource accounts' `number` from the definition and apply that (it unassigns them)",
    );
  const errors: string[] = [];
  const attempt = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      // Already gone (an earlier delete got this far): done.
      if (!isNotFound(error)) errors.push(`${what}: ${reasonOf(error)}`);
    }
  };
  const associated = heldOf(held, "assoc")
    .map((a) => accounts.find((x) => x.key.toLowerCase() === a.key.toLowerCase())?.id)
    .filter((id): id is string => !!id);
  if (associated.length > 0)
    await attempt("dissociate the resource accounts", () => dissociate(ps, associated));
  for (const a of accounts)
    await attempt(`delete resource account ${a.key}`, () => backend.deleteAccount(a.id, a.key));
  for (const a of heldOf(held, "attendant"))
    await attempt(`remove auto attendant ${a.key}`, () => removeAutoAttendant(ps, a.id));
  for (const q of heldOf(held, "queue"))
    await attempt(`remove call queue ${q.key}`, () => removeCallQueue(ps, q.id));
  for (const s of heldOf(held, "schedule"))
    await attempt(`remove schedule ${s.key}`, () => removeSchedule(ps, s.id));
  if (errors.length > 0)
    throw new Error(
      `The phone services of department ${department} were not all removed; run again to finish:\n  ${errors.join("\n  ")}`,
    );
}

export async function removePhoneSchedules(ps: PhoneServicesRunner, held: Held): Promise<void> {
  const refused: string[] = [];
  for (const s of heldOf(held, "schedule")) {
    try {
      await removeSchedule(ps, s.id);
    } catch (error) {
      if (!isNotFound(error)) refused.push(`${s.key}: ${reasonOf(error)}`);
    }
  }
  if (refused.length > 0)
    throw new StillAssignedError(
      "the tenant's holiday calendars and shared schedules",
      refused,
      "Remove the departments' attendants' use of them (hours.schedule, holidays) and apply that",
    );
}
