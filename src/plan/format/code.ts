/**
 * How a formatter marks an identifier: markdown wraps it in a code span, text prints it as is. The wording
 * modules (describe.ts, valueChange.ts) take one, so the words are the same in every format.
 */
export type Code = (s: string) => string;

export const plain: Code = (s) => s;
