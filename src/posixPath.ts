import { sep } from "node:path";

/**
 * A path as git and CODEOWNERS write it: `/`-separated whatever the platform's separator. The one place that
 * converts, so a Windows checkout writes the same CODEOWNERS and finds the same base folder as Linux CI.
 */
export function toPosixPath(path: string, separator: string = sep): string {
  return separator === "/" ? path : path.split(separator).join("/");
}
