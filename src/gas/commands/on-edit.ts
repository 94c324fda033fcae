/** onEdit: notes on bad cells; the installable edit trigger (as the Văn phòng) writes "Thời gian gửi", Người gửi and the log row. */
import { isArchiveName } from "../../core/sheet-life/archive.js";
import { buildColumns, COLUMN_KEYS, LAYOUT, parseMarker, type ColumnSpec } from "../../core/template/columns.js";
import { CONFIG_SHEET } from "../../core/template/config-grid.js";
import { notesForEdit, submissionChanges } from "../sheets/edit-notes.js";
import { appendLogSafely, LEGACY_LOG_SHEET, LOG_ACTIONS, LOG_SHEET } from "../sheets/log-sheet.js";
import { logError } from "../platform/redact.js";
import { fromSheet } from "../sheets/sheet-values.js";
import { SUMMARY_SHEET } from "../sheets/summary-grid.js";
import { forgetTemplate, loadTemplate } from "../sheets/template-store.js";
import { APP_TITLE } from "../platform/ui-messages.js";
import { menuCommand } from "../ui/menu-command.js";
import { isRecordedTrigger } from "../sheets/trigger-registry.js";

const SKIPPED = new Set([LOG_SHEET, LEGACY_LOG_SHEET, SUMMARY_SHEET]);

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/** Where an edit landed on a data sheet. */
interface EditContext {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  range: GoogleAppsScript.Spreadsheet.Range;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The whole key row (marker first). */
  keys: string[];
}

/**
 * Reads the edit's position and the sheet's key row; null when the edit is not on unit rows of
 * a data sheet. The block's size comes from its values, read once by the caller.
 */
function editContext(
  range: GoogleAppsScript.Spreadsheet.Range,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  values: unknown[][],
): EditContext | null {
  const row = range.getRow();
  if (row < LAYOUT.firstDataRow) return null;
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1) return null;
  const keys = sheet
    .getRange(LAYOUT.keyRow, 1, 1, lastColumn)
    .getValues()[0]
    .map((k) => (typeof k === "string" ? k.trim() : ""));
  if (!parseMarker(keys[0])) return null;
  return {
    sheet,
    range,
    row,
    column: range.getColumn(),
    numRows: values.length,
    numColumns: values[0]?.length ?? 0,
    keys,
  };
}

/**
 * Simple trigger. On a data sheet it checks the edited cells against the template (the cached
 * copy: no sheet read for it), writes a Vietnamese note on each bad cell and clears its own
 * note once the cell is fixed, never changing what the unit typed. It runs as the unit at the
 * keyboard, who may not write "Thời gian gửi" (protected like the identity columns): the stamp is
 * the installable trigger's ({@link khiSuaBangTinh}). An edit of "Cấu hình" drops the cache.
 * Nine Spreadsheet calls for an edit of a good value, whatever the number of units.
 */
export function onEdit(e: EditEvent): void {
  if (!e?.range) return;
  menuCommand({ name: "onEdit", ui: false }, () => checkEdit(e));
}

/** The work of {@link onEdit}. */
function checkEdit(e: EditEvent): void {
  const sheet = e.range.getSheet();
  const sheetName = sheet.getName();
  if (sheetName === CONFIG_SHEET) {
    forgetTemplate();
    return;
  }
  if (SKIPPED.has(sheetName) || isArchiveName(sheetName)) return;
  const raw = e.range.getValues();
  const ctx = editContext(e.range, sheet, raw);
  if (!ctx) return;
  const template = loadTemplate(e.source);
  const byKey = new Map<string, ColumnSpec>(buildColumns(template).map((c) => [c.key, c]));
  const editedKeys = ctx.keys.slice(ctx.column - 1, ctx.column - 1 + ctx.numColumns);
  const columns = editedKeys.map((k) => byKey.get(k));
  if (columns.every((c) => !c)) return;

  const values = fromSheet(raw);
  const notes = ctx.range.getNotes();
  const result = notesForEdit(columns, values, notes);
  if (result.changed) ctx.range.setNotes(result.notes);

  if (result.errors > 0) {
    e.source.toast(
      `Có ${result.errors} ô chưa đúng. Di chuột vào ô có tam giác đen ở góc để xem hướng dẫn sửa.`,
      APP_TITLE,
      8,
    );
  }
}

/** Who ticked, as Nhật ký names them: the e-mail where Apps Script reveals it, else the unit by its code. */
export function tickedBy(email: string, unitCode: string): string {
  return email || `Đơn vị ${unitCode || "(không rõ mã)"} (không rõ email)`;
}

/**
 * Writes "Thời gian gửi" for the ticked rows of the edit (keeping a time already there, clearing
 * it on untick): only those rows' cells, in one read and one write, without the document lock,
 * so two units ticking at once never collide and a compile in progress never holds a tick up.
 * A failure is logged; the compile then lists the row as ticked without a time.
 */
function writeStamps(ctx: EditContext, changes: readonly { submitted: boolean }[], stampAt: number, now: Date): void {
  try {
    const stampRange = ctx.sheet.getRange(ctx.row, stampAt, ctx.numRows, 1);
    const old = stampRange.getValues();
    const next = changes.map((c, i) => [c.submitted ? (old[i][0] === "" ? now : old[i][0]) : ""]);
    if (next.some((v, i) => v[0] !== old[i][0])) stampRange.setValues(next);
  } catch (err) {
    logError("khiSuaBangTinh", err);
  }
}

/**
 * Installable edit trigger. It runs as its creator (the Văn phòng: the owner or a listed clerk),
 * so it may write the protected "Thời gian gửi" column and the log, which the unit cannot. On a
 * tick of "Xác nhận gửi" it stamps the time; on an untick it clears it (the row is a draft again)
 * and a re-tick stamps the new time: "Thời gian gửi" is the time of the confirmation in force, and
 * Nhật ký keeps every tick and untick with its own time. Who ticked is known only where Apps
 * Script reveals the e-mail (same Workspace domain); otherwise Nhật ký names the unit by its code.
 */
export function khiSuaBangTinh(e: EditEvent): void {
  if (!e?.range) return;
  // A one-cell edit that is not a tick or untick cannot be a submission: no call at all.
  if (e.value !== undefined && !/^(true|false)$/i.test(String(e.value))) return;
  menuCommand({ name: "khiSuaBangTinh", ui: false }, () => {
    // A second edit trigger (left by an older version) does nothing: every tick is stamped and logged once.
    if (isRecordedTrigger("edit", (e as { triggerUid?: unknown }).triggerUid)) recordSubmission(e);
  });
}

/** The work of {@link khiSuaBangTinh}. */
function recordSubmission(e: EditEvent): void {
  const raw = e.range.getValues();
  const ctx = editContext(e.range, e.range.getSheet(), raw);
  if (!ctx) return;
  const editedKeys = ctx.keys.slice(ctx.column - 1, ctx.column - 1 + ctx.numColumns);
  const changes = submissionChanges(editedKeys, fromSheet(raw));
  if (!changes.length) return;
  const now = new Date();
  const stampAt = ctx.keys.indexOf(COLUMN_KEYS.submittedAt) + 1;
  if (stampAt > 0) writeStamps(ctx, changes, stampAt, now);
  const email =
    (e.user && typeof e.user.getEmail === "function" ? e.user.getEmail() : "") ||
    Session.getActiveUser().getEmail() ||
    "";
  const codeAt = ctx.keys.indexOf(COLUMN_KEYS.unitCode) + 1;
  const codes =
    codeAt > 0
      ? ctx.sheet
          .getRange(ctx.row, codeAt, ctx.numRows, 1)
          .getValues()
          .map((r) => String(r[0]))
      : changes.map(() => "");
  if (stampAt > 0 && email) {
    try {
      ctx.sheet
        .getRange(ctx.row, stampAt, ctx.numRows, 1)
        .setNotes(changes.map((c) => [c.submitted ? `Người gửi: ${email}` : ""]));
    } catch (err) {
      logError("khiSuaBangTinh", err);
    }
  }
  appendLogSafely(
    e.source,
    changes.map((c, i) => ({
      at: now,
      user: tickedBy(email, codes[i]),
      action: c.submitted ? LOG_ACTIONS.submit : LOG_ACTIONS.unsubmit,
      period: ctx.sheet.getName(),
      unit: codes[i],
    })),
  );
}
