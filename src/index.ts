// The Pulumi program (`main` in Pulumi.yaml). It only turns stack config into settings, loads the
// definition and hands both to buildTenant; every resource decision lives behind that call.
import * as pulumi from "@pulumi/pulumi";
import { buildTenant } from "./program";
import { loadValidDefinition, readStackSettings } from "./stackConfig";

const stack = pulumi.getStack();
const settings = readStackSettings(new pulumi.Config(), stack, new Date());
// Throws one error listing every diagnostic before any resource is registered.
const definition = loadValidDefinition(settings.definitionDir);

export = buildTenant(definition, { ...settings, environment: stack });
