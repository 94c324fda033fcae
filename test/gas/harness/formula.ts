/**
 * Evaluates the conditional-format custom formulas the add-on writes, the way Sheets does, so
 * tests can check which colour a cell shows on a given day without Google.
 * Supports: numbers, "strings", TRUE/FALSE, A1 references with $, = <> < <= > >= + - * / &,
 * AND, OR, NOT, IF, TODAY, NOW, DATE, INT, ISNUMBER, ISBLANK, ISNA, LEN, LEFT, ROW().
 */
import { columnNumber } from "./a1.js";

/** An error value (#VALUE!, #N/A). */
export class FormulaError {
  constructor(readonly code: string) {}
}

/** A cell value as formulas see it: null is an empty cell. */
export type FValue = number | string | boolean | null | FormulaError;

/** Reads a cell at an absolute 1-based position. */
export type CellReader = (row: number, col: number) => FValue;

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; row: number; col: number; absRow: boolean; absCol: boolean }
  | { t: "call"; name: string; args: Node[] }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "neg"; a: Node };

function tokenize(s: string): string[] {
  const out: string[] = [];
  const re =
    /\s*(?:("(?:[^"]|"")*")|(\$?[A-Za-z]+\$?\d+)|(\d+(?:\.\d+)?)|(<=|>=|<>|[-+*/&=<>(),])|([A-Za-z_][A-Za-z0-9_.]*))/y;
  let i = 0;
  while (i < s.length) {
    if (/^\s*$/.test(s.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw new Error(`cannot read formula at ${i}: ${s}`);
    out.push(m[0].trim());
    i = re.lastIndex;
  }
  return out;
}

/** Parses a formula (with or without the leading "="). */
export function parseFormula(src: string): Node {
  const toks = tokenize(src.replace(/^=/, ""));
  let i = 0;
  const peek = () => toks[i];
  const take = (x?: string) => {
    const t = toks[i++];
    if (x !== undefined && t !== x) throw new Error(`expected ${x}, got ${t} in ${src}`);
    return t;
  };
  const primary = (): Node => {
    const t = take();
    if (t === undefined) throw new Error(`unexpected end of ${src}`);
    if (t === "(") {
      const e = comparison();
      take(")");
      return e;
    }
    if (t === "-") return { t: "neg", a: primary() };
    if (t.startsWith('"')) return { t: "str", v: t.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(t)) return { t: "num", v: Number(t) };
    const ref = /^(\$?)([A-Za-z]+)(\$?)(\d+)$/.exec(t);
    if (ref && peek() !== "(")
      return { t: "ref", absCol: !!ref[1], col: columnNumber(ref[2]), absRow: !!ref[3], row: Number(ref[4]) };
    const name = t.toUpperCase();
    if (peek() === "(") {
      take("(");
      const args: Node[] = [];
      if (peek() !== ")") {
        args.push(comparison());
        while (peek() === ",") {
          take(",");
          args.push(comparison());
        }
      }
      take(")");
      return { t: "call", name, args };
    }
    if (name === "TRUE" || name === "FALSE") return { t: "bool", v: name === "TRUE" };
    throw new Error(`unknown name ${t} in ${src}`);
  };
  const level = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    while (ops.includes(peek())) {
      const op = take();
      a = { t: "bin", op, a, b: next() };
    }
    return a;
  };
  const multiplicative = level(["*", "/"], primary);
  const additive = level(["+", "-"], multiplicative);
  const concat = level(["&"], additive);
  const comparison = level(["=", "<>", "<", "<=", ">", ">="], concat);
  const e = comparison();
  if (i !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return e;
}

const typeRank = (v: number | string | boolean): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

function compare(a: FValue, b: FValue): number | FormulaError {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const blankAs = (other: FValue): number | string | boolean =>
    typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  if (typeof x !== typeof y) return typeRank(x) - typeRank(y);
  if (typeof x === "string") {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

const toNumber = (v: FValue): number | FormulaError => {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : new FormulaError("#VALUE!");
};
const toBool = (v: FValue): boolean | FormulaError => {
  if (v instanceof FormulaError) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return new FormulaError("#VALUE!");
};

/** What a formula needs besides cells: today's serial and now's serial in the sheet's time zone. */
export interface FormulaEnv {
  read: CellReader;
  today: number;
  now: number;
}

/**
 * Evaluates `node` for the cell at (row, col), where relative references were written for
 * the anchor cell (the top-left cell of the rule's first range).
 */
export function evaluate(
  node: Node,
  env: FormulaEnv,
  at: { row: number; col: number },
  anchor: { row: number; col: number },
): FValue {
  const ev = (n: Node): FValue => evaluate(n, env, at, anchor);
  switch (n_t(node)) {
    case "num":
    case "str":
    case "bool":
      return (node as { v: FValue }).v;
    case "ref": {
      const r = node as Extract<Node, { t: "ref" }>;
      return env.read(r.absRow ? r.row : r.row + at.row - anchor.row, r.absCol ? r.col : r.col + at.col - anchor.col);
    }
    case "neg": {
      const v = toNumber(ev((node as Extract<Node, { t: "neg" }>).a));
      return v instanceof FormulaError ? v : -v;
    }
    case "bin": {
      const b = node as Extract<Node, { t: "bin" }>;
      const x = ev(b.a);
      const y = ev(b.b);
      if (["=", "<>", "<", "<=", ">", ">="].includes(b.op)) {
        const c = compare(x, y);
        if (c instanceof FormulaError) return c;
        return { "=": c === 0, "<>": c !== 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0 }[b.op]!;
      }
      if (b.op === "&") return `${x ?? ""}${y ?? ""}`;
      const p = toNumber(x);
      const q = toNumber(y);
      if (p instanceof FormulaError) return p;
      if (q instanceof FormulaError) return q;
      return b.op === "+"
        ? p + q
        : b.op === "-"
          ? p - q
          : b.op === "*"
            ? p * q
            : q === 0
              ? new FormulaError("#DIV/0!")
              : p / q;
    }
    case "call": {
      const c = node as Extract<Node, { t: "call" }>;
      const args = () => c.args.map(ev);
      switch (c.name) {
        case "AND":
        case "OR": {
          let acc = c.name === "AND";
          for (const v of args()) {
            const b = toBool(v);
            if (b instanceof FormulaError) return b;
            acc = c.name === "AND" ? acc && b : acc || b;
          }
          return acc;
        }
        case "NOT": {
          const b = toBool(ev(c.args[0]));
          return b instanceof FormulaError ? b : !b;
        }
        case "IF": {
          const b = toBool(ev(c.args[0]));
          if (b instanceof FormulaError) return b;
          return b ? ev(c.args[1]) : c.args[2] ? ev(c.args[2]) : false;
        }
        case "TODAY":
          return env.today;
        case "NOW":
          return env.now;
        case "DATE": {
          const [y, m, d] = args().map(toNumber);
          if ([y, m, d].some((v) => v instanceof FormulaError)) return new FormulaError("#VALUE!");
          return Date.UTC(y as number, (m as number) - 1, d as number) / 86_400_000 + 25569;
        }
        case "INT": {
          const v = toNumber(ev(c.args[0]));
          return v instanceof FormulaError ? v : Math.floor(v);
        }
        case "ISNUMBER":
          return typeof ev(c.args[0]) === "number";
        case "ISBLANK":
          return ev(c.args[0]) === null;
        case "ISNA": {
          const v = ev(c.args[0]);
          return v instanceof FormulaError && v.code === "#N/A";
        }
        case "LEN":
          return String(ev(c.args[0]) ?? "").length;
        case "LEFT": {
          // LEFT(text, [n]): numbers and booleans as their text; n defaults to 1.
          const v = ev(c.args[0]);
          if (v instanceof FormulaError) return v;
          const n = c.args[1] ? toNumber(ev(c.args[1])) : 1;
          if (n instanceof FormulaError) return n;
          if (n < 0) return new FormulaError("#VALUE!");
          const text = v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
          return text.slice(0, Math.floor(n));
        }
        case "ROW":
          // ROW() without a reference: the row of the cell the rule is evaluated for.
          if (c.args.length) throw new Error("ROW(reference) is not supported by the harness");
          return at.row;
        default:
          throw new Error(`function ${c.name} is not supported by the harness`);
      }
    }
  }
}

function n_t(n: Node): Node["t"] {
  return n.t;
}
