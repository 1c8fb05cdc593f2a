/** Types of src/dynamic/providerHost.js (plain CommonJS: it runs before any TypeScript loader). */
import type * as pulumi from "@pulumi/pulumi";

/* eslint-disable @typescript-eslint/no-explicit-any -- the engine hands plain JSON; each implementation types its own */
export function loadProvider(
  root: string,
  name: string,
  optionsJson: string,
): Required<pulumi.dynamic.ResourceProvider<any, any>>;
/* eslint-enable @typescript-eslint/no-explicit-any */
