import * as ts from "typescript";

/** jest's calls that take a timeout as their last argument, after the test function. */
const TAKES_TIMEOUT = new Set(["it", "test", "beforeAll", "afterAll", "beforeEach", "afterEach"]);

/** `it`, `it.each(...)`, `test.concurrent` and the like: the jest function a call expression's callee names. */
function jestFunction(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return jestFunction(callee.expression);
  if (ts.isCallExpression(callee)) return jestFunction(callee.expression);
  return undefined;
}

/**
 * Where a spec sets its own time limit, as `line: code`: `jest.setTimeout(…)`, or a timeout argument after the
 * function of a test or hook. jest.config.js holds the one limit (why is there).
 */
export function ownTimeouts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const at = (node: ts.Node) =>
    `${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().split("\n")[0]}`;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isSetTimeout =
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === "jest" &&
        callee.name.text === "setTimeout";
      const name = jestFunction(callee);
      const fnIndex = node.arguments.findIndex((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
      const limited =
        name !== undefined && TAKES_TIMEOUT.has(name) && fnIndex >= 0 && node.arguments.length > fnIndex + 1;
      if (isSetTimeout || limited) found.push(at(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
