/** Reads task tables (tab-separated rows under a "STT / Nội dung / Chủ trì / Thời gian" header). */
import type { PlanLine } from "./normalize-lines.js";

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

type Column = "number" | "content" | "owner" | "coordinator" | "timeframe" | "product";

/** Tried in order: "Thời gian thực hiện" is a timeframe, "Nội dung thực hiện" is content. */
const HEADER_TESTS: [Column, RegExp][] = [
  ["number", /^(STT|TT|Số TT|Số thứ tự)$/iu],
  ["coordinator", /phối hợp/iu],
  ["timeframe", /thời gian|thời hạn|tiến độ/iu],
  ["owner", /chủ trì|đơn vị|cơ quan|phụ trách|^(?:người\s+)?thực hiện$/iu],
  ["content", /nội dung|nhiệm vụ|hoạt động|công việc|tên/iu],
  ["product", /sản phẩm|kết quả/iu],
];

/** Maps header cells to columns, or null when the row is not a task-table header. */
export function readHeader(cells: string[]): (Column | null)[] | null {
  // Header cells are a few words; a row with a long cell or a number in it is a data row.
  if (cells.some((c) => c.trim().length > 60 || /^\d+(?:\.\d+)*\.?$/.test(c.trim()))) return null;
  const cols = cells.map((c) => HEADER_TESTS.find(([, re]) => re.test(c.trim()))?.[0] ?? null);
  const has = (c: Column) => cols.includes(c);
  return has("content") && (has("owner") || has("timeframe")) ? cols : null;
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
    const number = get("number").replace(/\.$/, "");
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
      number: /^\d+(?:\.\d+)*$/.test(number) ? number : "",
      section,
      content,
      owner: get("owner"),
      coordinator: get("coordinator"),
      timeframe: get("timeframe"),
    });
  }
  return rows;
}
