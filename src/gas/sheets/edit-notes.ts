/** Decides the notes on edited cells: a Vietnamese note on a bad value, cleared once it is fixed. */
import type { CellValue } from "../../core/model/cell.js";
import { checkCell, noteText } from "../../core/read/check-cell.js";
import { COLUMN_KEYS, type ColumnSpec } from "../../core/template/columns.js";

/** True for a note this add-on wrote (it never touches anyone else's notes). */
export function isOwnNote(note: string): boolean {
  return /^(Lỗi|Lưu ý): /.test(note) && note.includes("\nCách sửa: ");
}

/** New notes for an edited block, and whether any note changed. */
export interface EditNotes {
  notes: string[][];
  changed: boolean;
  /** Cells whose value is refused (errors, not warnings). */
  errors: number;
  warnings: number;
}

/**
 * Checks every cell of an edited block with the core's `checkCell` and returns the notes to
 * write: ours on bad cells, ours cleared on fixed ones, anybody else's left alone. Values are
 * only read, never rewritten. `columns[j]` is the column of block column j (undefined when the
 * column is not part of the template).
 */
export function notesForEdit(
  columns: readonly (ColumnSpec | undefined)[],
  values: readonly CellValue[][],
  notes: readonly string[][],
): EditNotes {
  let changed = false;
  let errors = 0;
  let warnings = 0;
  const out = values.map((row, i) =>
    row.map((v, j) => {
      const old = notes[i]?.[j] ?? "";
      const col = columns[j];
      const check = col ? checkCell(col, v) : null;
      let next = old;
      if (check) {
        next = noteText(check);
        if (check.severity === "error") errors++;
        else warnings++;
      } else if (isOwnNote(old)) next = "";
      if (next !== old) changed = true;
      return next;
    }),
  );
  return { notes: out, changed, errors, warnings };
}

/** A row whose "Xác nhận gửi" box was ticked or cleared by this edit. */
export interface SubmissionChange {
  /** 0-based row within the edited block. */
  offset: number;
  submitted: boolean;
}

/** Finds the rows of an edited block where "Xác nhận gửi" was edited, with the new state. */
export function submissionChanges(
  keys: readonly (string | undefined)[],
  values: readonly CellValue[][],
): SubmissionChange[] {
  const j = keys.indexOf(COLUMN_KEYS.submitted);
  if (j < 0) return [];
  return values.map((row, offset) => ({
    offset,
    submitted: row[j] === true || (typeof row[j] === "string" && /^(true|có|x)$/i.test(String(row[j]).trim())),
  }));
}
