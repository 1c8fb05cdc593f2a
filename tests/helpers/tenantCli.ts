import { main } from "../../src/cli/main";

export interface TenantRun {
  code: number;
  out: string;
  err: string;
}

/**
 * `tenant <argv>` in-process, capturing stdout and stderr. Write callbacks are called, because commands such as
 * `plan` wait for their output to be flushed before they return.
 */
export async function runTenant(argv: readonly string[]): Promise<TenantRun> {
  let out = "";
  let err = "";
  const capture =
    (append: (s: string) => void) =>
    (s: unknown, ...rest: unknown[]): boolean => {
      append(String(s));
      rest.find((r): r is () => void => typeof r === "function")?.();
      return true;
    };
  const stdout = jest.spyOn(process.stdout, "write").mockImplementation(capture((s) => (out += s)));
  const stderr = jest.spyOn(process.stderr, "write").mockImplementation(capture((s) => (err += s)));
  try {
    return { code: await main([...argv]), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** Exit 0, or fail showing what the command said. */
export function succeeded(run: TenantRun): void {
  if (run.code !== 0) throw new Error(`exit ${run.code}\n${run.err}${run.out}`);
}
