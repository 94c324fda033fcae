/** Recognises the header row of a task table ("STT / Nội dung / Chủ trì / Thời gian") and names its columns. */

/** What a task table column holds. */
export type Column = "number" | "content" | "owner" | "coordinator" | "timeframe" | "product";

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

/** A task table's header opens with its number column: "STT" or "TT", alone or before the next cell's words. */
export const NUMBER_HEAD_RE = /^(?:STT|TT)(?=\s|$)/u;

/** "TT Tên nhiệm vụ", two header cells printed as one piece: ["TT", "Tên nhiệm vụ"], or null. */
export function splitNumberHead(cell: string): [string, string] | null {
  const m = /^(STT|TT)\s+(\S.*)$/u.exec(cell.trim());
  return m ? [m[1], m[2]] : null;
}
