import type * as pulumi from "@pulumi/pulumi";
import type { HeapBudget } from "./heapBudget";
import { firstUsableAddress } from "../landing-zone/networkPlan";
import {
  azureName,
  fakeGuid,
  fakeResourceId,
  MOCK_SUBSCRIPTION_ID,
  MOCK_TENANT_ID,
  RENDERED_DEPLOYER_OBJECT_ID,
  renderedUserObjectId,
} from "./fakeIds";

type MockResourceArgs = pulumi.runtime.MockResourceArgs;
type MockCallArgs = pulumi.runtime.MockCallArgs;

export interface RenderMocksOptions {
  /** Checked at each registration: the render's garbage is collected as it goes (heapBudget.ts). */
  heap?: HeapBudget;
  tenantId?: string;
  /** What a StackReference reads: the platform stack's outputs (see stackReferenceStub.ts). */
  stackReferenceOutputs?: (stack: string) => Record<string, unknown>;
}

/** Answers for the invokes the program makes; anything else gets its inputs back plus a stable id. */
const CALLS: Record<string, (inputs: Record<string, unknown>, tenantId: string) => Record<string, unknown>> =
  {
    "azuread:index/getUsers:getUsers": (inputs) => {
      const upns = (inputs.userPrincipalNames as string[] | undefined) ?? [];
      const users = upns.map((upn) => ({
        userPrincipalName: upn,
        objectId: renderedUserObjectId(upn),
        mail: upn,
        mailNickname: upn.split("@")[0],
        displayName: upn.split("@")[0],
        accountEnabled: true,
      }));
      return {
        id: fakeGuid(`users:${upns.join(",")}`),
        users,
        objectIds: users.map((u) => u.objectId),
        userPrincipalNames: upns,
        mails: upns,
        mailNicknames: users.map((u) => u.mailNickname),
        employeeIds: [],
      };
    },
    "azure-native:authorization:getClientConfig": (_i, tenantId) => ({
      clientId: fakeGuid("client"),
      objectId: RENDERED_DEPLOYER_OBJECT_ID,
      subscriptionId: MOCK_SUBSCRIPTION_ID,
      tenantId,
    }),
    "azuread:index/getClientConfig:getClientConfig": (_i, tenantId) => ({
      id: tenantId,
      clientId: fakeGuid("client"),
      objectId: RENDERED_DEPLOYER_OBJECT_ID,
      tenantId,
    }),
  };

/** Type tokens of the program's dynamic resources (`pulumi-nodejs:dynamic/<module>:<Type>`). */
const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

/**
 * A dynamic resource's inputs without its arrays and objects. Those are the per-department sets (numbers,
 * policy grants, licences): echoing 25,000 number lines back through the SDK as outputs cost ~100 MB and ~1 s
 * at Madrid scale, and nothing in the program or the plan reads them as outputs (the plan reads inputs).
 */
export function scalarInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(inputs).filter(
      ([, v]) => typeof v === "string" || typeof v === "number" || typeof v === "boolean",
    ),
  );
}

/**
 * Mocks that behave like a cooperative cloud: every resource is "created" with a stable, realistic id and
 * its inputs echoed as outputs, so values flowing between resources (ids, names) read like the real thing.
 * Dynamic resources echo their scalar inputs only (`scalarInputs`).
 */
export class RenderMocks implements pulumi.runtime.Mocks {
  private readonly providerSubscriptions = new Map<string, string>();
  /** Address prefix of every inline subnet by its resource id, so a firewall can be given an address in it. */
  private readonly subnetPrefixes = new Map<string, string>();
  private readonly tenantId: string;

  constructor(private readonly options: RenderMocksOptions = {}) {
    this.tenantId = options.tenantId ?? MOCK_TENANT_ID;
  }

  newResource(args: MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
    this.options.heap?.check();
    const inputs = (args.inputs ?? {}) as Record<string, unknown>;
    if (args.type === "pulumi:pulumi:StackReference") {
      const stack = (inputs.name as string | undefined) ?? args.name;
      return {
        id: stack,
        state: {
          name: stack,
          outputs: this.options.stackReferenceOutputs?.(stack) ?? {},
          secretOutputNames: [],
        },
      };
    }
    if (args.custom === false) return { id: undefined, state: {} };
    if (args.type.startsWith("pulumi:providers:")) {
      const id = fakeGuid(`provider:${args.name}`);
      if (typeof inputs.subscriptionId === "string")
        this.providerSubscriptions.set(id, inputs.subscriptionId);
      return { id, state: inputs };
    }
    // A provider reference is `<urn>::<id>`; resources deployed through a subscription's provider get ids there.
    const providerId = args.provider?.split("::").pop();
    const subscription = (providerId && this.providerSubscriptions.get(providerId)) || MOCK_SUBSCRIPTION_ID;
    const id = args.id || fakeResourceId(args.type, inputs, args.name, subscription);
    if (args.type.startsWith(DYNAMIC_TYPE_PREFIX)) return { id, state: scalarInputs(inputs) };
    if (args.type.startsWith("azuread:")) return { id, state: { ...inputs, objectId: id } };
    if (args.type === "azure-native:subscription:Alias") {
      // Azure assigns the vended subscription's id; providers deploying into it read it from here.
      const properties = (inputs.properties ?? {}) as Record<string, unknown>;
      const subscriptionId = fakeGuid(`subscription:${String(inputs.aliasName ?? args.name)}`);
      return { id, state: { ...inputs, properties: { ...properties, subscriptionId } } };
    }
    if (args.type === "azure-native:network:VirtualNetwork") {
      for (const subnet of (inputs.subnets ?? []) as { name?: string; addressPrefix?: string }[]) {
        if (subnet.name && subnet.addressPrefix)
          this.subnetPrefixes.set(`${id}/subnets/${subnet.name}`, subnet.addressPrefix);
      }
    }
    if (args.type === "azure-native:network:AzureFirewall") {
      // Azure allocates the firewall's private IP in AzureFirewallSubnet; the program reads it from here.
      const configs = (inputs.ipConfigurations ?? []) as { subnet?: { id?: string } }[];
      const ipConfigurations = configs.map((config) => {
        const prefix = config.subnet?.id ? this.subnetPrefixes.get(config.subnet.id) : undefined;
        return { ...config, ...(prefix ? { privateIPAddress: firstUsableAddress(prefix) } : {}) };
      });
      return { id, state: { ...inputs, ipConfigurations, name: azureName(args.type, inputs, args.name) } };
    }
    if (args.type.startsWith("azure-native:")) {
      return { id, state: { ...inputs, name: azureName(args.type, inputs, args.name) } };
    }
    return { id, state: inputs };
  }

  call(args: MockCallArgs): Record<string, unknown> {
    const inputs = (args.inputs ?? {}) as Record<string, unknown>;
    const answer = CALLS[args.token];
    if (answer) return answer(inputs, this.tenantId);
    const id = fakeGuid(`${args.token}:${JSON.stringify(inputs)}`);
    return { ...inputs, id, objectId: id };
  }
}
