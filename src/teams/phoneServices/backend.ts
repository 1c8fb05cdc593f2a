/**
 * What the phone-services resources need from the tenant, built inside each provider call: the PowerShell
 * runner (the shared `pwsh` session of src/teams/admin/create.ts) for the Cs cmdlets, and Graph READS for a
 * resource account as the Entra user it is: UPN → object id of agents and user targets, and its usage location.
 *
 * Writing a user (its usage location, `PATCH /users/{id}`) and deleting one (`DELETE /users/{id}`; a resource
 * account is deleted as a user, there is no Remove-CsOnlineApplicationInstance) need `User.ReadWrite.All`
 * (Graph's user-update and user-delete permission tables), which src/permissions/allowList.ts denies. So the
 * toolkit checks and reports, and the operator does those two (docs/phone-services.md "How it is applied").
 */
import type { GraphClient } from "../../graph";
import { createGraphClient } from "../../graph/create";
import { RESOURCE_ACCOUNT_SKU } from "../../config/schema/phoneServices";
import { isNotFound } from "../../notFound";
import { sharedPowerShellAdmin, type CreateTeamsAdminOptions } from "../admin/create";
import { resolveUsers } from "../numbers/users";
import { TeamsPowerShellError } from "../powershell/errors";
import type { PhoneServicesRunner } from "./adapter";

export interface PhoneServicesBackend {
  ps: PhoneServicesRunner;
  /** Lower-cased UPN → object id, or a reason why not. */
  resolveUsers(
    userPrincipalNames: readonly string[],
  ): Promise<Map<string, { id: string } | { reason: string }>>;
  /** Resolves when the account's usage location is `usageLocation`; otherwise throws what to do. Checked before
   * a number is assigned: a resource account needs one for its number and its licence. */
  ensureUsageLocation(objectId: string, userPrincipalName: string, usageLocation: string): Promise<void>;
  /** Resolves when the account holds the Teams Phone Resource Account licence (RESOURCE_ACCOUNT_SKU), assigning
   * it directly when it does not; throws what to do when the tenant owns no such licence. A numbered account needs
   * it ("Resource accounts assigned a phone number need a license", docs/phone-services.md). */
  ensureLicence(objectId: string, userPrincipalName: string): Promise<void>;
  /** Resolves when the account's user no longer exists; otherwise deletes it or throws what to do. */
  deleteAccount(objectId: string, userPrincipalName: string): Promise<void>;
}

export class GraphPhoneServicesBackend implements PhoneServicesBackend {
  readonly ps: PhoneServicesRunner;
  readonly client: GraphClient;
  constructor(ps: PhoneServicesRunner, client: GraphClient) {
    this.ps = ps;
    this.client = client;
  }
  async resolveUsers(upns: readonly string[]) {
    const found = await resolveUsers(this.client, upns);
    return new Map(
      [...found].map(([k, v]) => [
        k,
        v.id ? { id: v.id } : { reason: "reason" in v ? v.reason : "not found" },
      ]),
    );
  }
  async ensureUsageLocation(objectId: string, upn: string, usageLocation: string) {
    const user = await this.client.get<{ usageLocation?: string | null }>(
      `/users/${encodeURIComponent(objectId)}?$select=usageLocation`,
    );
    if ((user.usageLocation ?? "").toUpperCase() === usageLocation.toUpperCase()) return;
    throw new Error(
      `resource account ${upn} has usage location ${user.usageLocation ?? "(none)"}, the definition asks ` +
        `${usageLocation}: set it (Update-MgUser -UserId ${objectId} -UsageLocation ${usageLocation}, or the ` +
        `admin center; the toolkit does not hold User.ReadWrite.All) and run again`,
    );
  }
  private skuId: Promise<string | undefined> | undefined;
  /** The tenant's RESOURCE_ACCOUNT_SKU id, read once per resource call (GET /subscribedSkus). */
  private resourceAccountSkuId(): Promise<string | undefined> {
    this.skuId ??= this.client
      .getAll<{ skuId: string; skuPartNumber: string }>("/subscribedSkus?$select=skuId,skuPartNumber")
      .then((skus) => skus.find((s) => s.skuPartNumber === RESOURCE_ACCOUNT_SKU)?.skuId);
    return this.skuId;
  }
  async ensureLicence(objectId: string, upn: string) {
    const skuId = await this.resourceAccountSkuId();
    if (!skuId)
      throw new Error(
        `resource account ${upn} needs a ${RESOURCE_ACCOUNT_SKU} (Microsoft Teams Phone Resource Account) licence ` +
          `for its number, and the tenant owns none: acquire them (they are free) and run again`,
      );
    const user = await this.client.get<{ assignedLicenses?: { skuId: string }[] | null }>(
      `/users/${encodeURIComponent(objectId)}?$select=assignedLicenses`,
    );
    if ((user.assignedLicenses ?? []).some((l) => l.skuId.toLowerCase() === skuId.toLowerCase())) return;
    // user-assignlicense.md: LicenseAssignment.ReadWrite.All, which the allow-list grants for licences.
    await this.client.post(`/users/${encodeURIComponent(objectId)}/assignLicense`, {
      addLicenses: [{ skuId, disabledPlans: [] }],
      removeLicenses: [],
    });
  }
  async deleteAccount(objectId: string, upn: string) {
    try {
      await this.client.get(`/users/${encodeURIComponent(objectId)}?$select=id`);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    throw new Error(
      `resource account ${upn} no longer answers for anything and has no number: delete it in Entra ` +
        `(Remove-MgUser -UserId ${objectId}, or the admin center; the toolkit does not hold User.ReadWrite.All) and run again`,
    );
  }
}

export function createPhoneServicesBackend(options: CreateTeamsAdminOptions = {}): PhoneServicesBackend {
  const ps = sharedPowerShellAdmin(options) as unknown as Partial<PhoneServicesRunner>;
  if (typeof ps.run !== "function") throw new Error("the Teams PowerShell session cannot run cmdlets");
  const client = createGraphClient({
    env: options.env ?? process.env,
    stackEndpoint: options.stackEndpoint,
    ...(options.graph ?? {}),
  });
  return new GraphPhoneServicesBackend(ps as PhoneServicesRunner, client);
}

/**
 * *Assumed*: the Teams Cs services answer throttling with an error whose text says so ("throttled", "too many
 * requests", 429, "server busy"); the cmdlet reference pages document no throttling behaviour. Such a cmdlet is
 * retried (it had no effect); any other error is the object's failure.
 */
export function isThrottled(error: unknown): boolean {
  if (!(error instanceof TeamsPowerShellError)) return false;
  return /throttl|too many requests|\b429\b|server ?busy/i.test(`${error.type} ${error.detail}`);
}

export interface RetryOptions {
  attempts?: number;
  /** Wait before retry n (1-based), in ms. Default 2 s × 2^(n-1). */
  delayMs?: (n: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

export function retryingThrottled(ps: PhoneServicesRunner, options: RetryOptions = {}): PhoneServicesRunner {
  const attempts = options.attempts ?? 5;
  const delayMs = options.delayMs ?? ((n: number) => 2_000 * 2 ** (n - 1));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return {
    async run(cmdlet, parameters) {
      for (let n = 1; ; n++) {
        try {
          return await ps.run(cmdlet, parameters);
        } catch (error) {
          if (n >= attempts || !isThrottled(error)) throw error;
          await sleep(delayMs(n));
        }
      }
    },
  };
}
