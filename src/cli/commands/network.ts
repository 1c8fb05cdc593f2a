/**
 * `tenant network next-block --stack <name> [--prefix-length N]`: proposes the address block for a new
 * department's spoke (`network.addressSpace`). The block alone goes to stdout (scripts take it from there); how
 * it was chosen goes to stderr. Exit 0, 1 when the definition is invalid or the plan is full, 2 usage.
 */
import type { Command } from "commander";
import { validateDefinition } from "../../config/validate";
import { nextFreeBlock } from "../../network/nextBlock";
import { resolveDefinitionDir } from "../../config/definitionDir";
import { EXIT, UsageError } from "../../exitCodes";
import { stackOption } from "../options/common";
import { nextBlockOptions, type NextBlockOptions } from "../options/network";
import { parseOptions } from "../options/parse";
import { runValidate } from "./validate";

export function registerNetwork(program: Command, exit: (code: number) => void): void {
  const network = program.command("network").description("address blocks of the landing zone's networks");
  network
    .command("next-block")
    .description("propose the next free address block for a new department's spoke (network.addressSpace)")
    .addOption(stackOption())
    .option("--dir <path>", "a definition folder anywhere")
    .option("--prefix-length <n>", "size of the block, e.g. 24 (default: the size most spokes have)")
    .action((raw: unknown, cmd: Command) =>
      exit(
        runNextBlock(
          parseOptions(nextBlockOptions, raw, cmd),
          (s) => process.stdout.write(s),
          (s) => process.stderr.write(s),
        ),
      ),
    );
}

export function runNextBlock(
  opts: NextBlockOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const dir = resolveDefinitionDir(opts);
  const result = validateDefinition(dir);
  if (!result.definition || result.diagnostics.length > 0)
    return runValidate({ ...opts, format: "text" }, err);
  const { tenant, departments } = result.definition;
  const lz = tenant.landingZone;
  const spokes = departments.map((d) => d.network.addressSpace);
  const next = nextFreeBlock({
    addressPlan: lz.addressPlan,
    reserved: [lz.hub.addressSpace],
    spokes,
    prefixLength: opts.prefixLength,
  });
  if (!next.ok && next.badPrefix)
    throw new UsageError(`--prefix-length ${opts.prefixLength}: ${next.problem}`);
  if (!next.ok) {
    err(`tenant network next-block: ${next.problem}\n`);
    return EXIT.invalid;
  }
  out(`${next.block}\n`);
  err(
    `the lowest free /${next.prefixLength} in ${lz.addressPlan} outside the hub (${lz.hub.addressSpace}) and ` +
      `${spokes.length} department spokes — put it in the new department's network.addressSpace\n`,
  );
  return EXIT.ok;
}
