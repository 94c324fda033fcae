/**
 * No function in src/ runs past 80 lines, except those another change is splitting right now
 * (PENDING). Counted: function declarations, methods, accessors, function expressions and arrow
 * functions, from their first line to their last. Not counted: data tables (object and array
 * literals are not functions), and the `describe` callbacks of *.test.ts files, which group
 * cases rather than hold logic.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src/", import.meta.url).pathname;
const MAX_LINES = 80;

/**
 * Functions still over the limit (file: function), to be removed from this list as each is
 * split. Anything else over the limit fails the test.
 */
const PENDING: string[] = [];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? files(join(dir, d.name))
      : /\.ts$/.test(d.name) && !/\.(d|test)\.ts$/.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );

/** A readable name for a function node: its own name, the variable or property it is assigned to, or its line. */
function nameOf(node: ts.FunctionLikeDeclaration, sf: ts.SourceFile): string {
  if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
    const owner = ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : "";
    return owner + node.name.text;
  }
  const p = node.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
  return `(anonymous, line ${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1})`;
}

/** Every function, method, accessor and arrow function of `file` longer than the limit, as "file: name (n lines)". */
function longFunctions(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const f = node as ts.FunctionLikeDeclaration;
      const start = sf.getLineAndCharacterOfPosition(f.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(f.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_LINES) found.push(`${relative(SRC, file)}: ${nameOf(f, sf)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("function length", () => {
  it(`finds no function over ${MAX_LINES} lines in src/ outside the PENDING list`, () => {
    const long = files(SRC).flatMap(longFunctions);
    expect(long.map((x) => x.replace(/ \(\d+ lines\)$/, "")).sort(), long.join("\n")).toEqual([...PENDING].sort());
  });
});
