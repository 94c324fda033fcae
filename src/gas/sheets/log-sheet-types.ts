/** One line of the "Nhật ký" sheet, as the add-on writes it. */

/** One log row. */
export interface LogEntry {
  action: string;
  /** Who did it; default the person running the script, else "(không rõ email)". */
  user?: string;
  period?: string;
  unit?: string;
  counts?: string;
  checksum?: string;
  note?: string;
  /** Default now. */
  at?: Date;
}
