/** Reads task tables (tab-separated rows under a "STT / Nội dung / Chủ trì / Thời gian" header). */
import type { PlanLine } from "./normalize-lines.js";
import { type Column, readHeader } from "./table-header.js";

export { readHeader } from "./table-header.js";

/** One row of a task table. */
export interface TableRow {
  line: number;
  /** The row's number as written ("1", "2.1"), or "" when the table gives none. */
  number: string;
  /** Roman section row the row sits under ("I", "II"), or "". */
  section: string;
  content: string;
  owner: string;
  coordinator: string;
  timeframe: string;
}

/** A row that numbers the columns under the header ("(1) | (2) | (3)", "A | B | 1 | 2"): no task. */
function numbersColumns(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((c) => /^\(?(?:\d{1,2}|[A-Z])\)?$/u.test(c));
}

/** The task rows of every table in `lines`, in order. */
export function readTaskTables(lines: PlanLine[]): TableRow[] {
  const rows: TableRow[] = [];
  let cols: (Column | null)[] | null = null;
  let section = "";
  // The numbered row lettered rows ("a)", "b)") sit under: "1" makes them "1.a", "1.b".
  let parent = "";
  for (const l of lines) {
    if (!l.cells) {
      cols = null;
      continue;
    }
    const header = readHeader(l.cells);
    if (header) {
      cols = header;
      section = "";
      continue;
    }
    if (!cols || numbersColumns(l.cells)) continue;
    const get = (c: Column) => {
      const i = cols!.indexOf(c);
      return i >= 0 ? (l.cells![i] ?? "").trim() : "";
    };
    const written = get("number").replace(/\.$/, "");
    const letter = /^([a-zđ])\)?$/u.exec(written);
    const number = letter && parent ? `${parent}.${letter[1]}` : written;
    if (/^\d+(?:\.\d+)*$/.test(written)) parent = written;
    // A section row: a Roman number and a title, nothing else.
    if (/^[IVX]+$/.test(number) && !get("owner") && !get("timeframe")) {
      section = number;
      continue;
    }
    // A row whose cells are shifted (a merged first cell) still has its content in the widest cell.
    const content = get("content") || [...l.cells].sort((a, b) => b.length - a.length)[0];
    if (!content || /^\d+$/.test(content)) continue;
    rows.push({
      line: l.line,
      number: /^\d+(?:\.\d+)*(?:\.[a-zđ])?$/u.test(number) ? number : "",
      section,
      content,
      owner: get("owner"),
      coordinator: get("coordinator"),
      timeframe: get("timeframe"),
    });
  }
  return rows.filter((r, i) => !isGroupRow(r, rows.slice(i + 1)));
}

/** A numbered row with no unit and no time whose number heads the rows below it ("1." over "1.1"): a heading. */
function isGroupRow(row: TableRow, below: TableRow[]): boolean {
  if (!row.number || row.owner || row.timeframe) return false;
  return below.some((r) => r.number.startsWith(`${row.number}.`));
}
