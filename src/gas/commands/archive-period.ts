/**
 * Menu "Mở kỳ báo cáo mới": a period's data goes into a protected archive sheet (verified by
 * reading it back and compiling it again) before its data sheet is removed; then the next
 * period's sheet is opened.
 */
import {
  archiveSheetName,
  buildArchiveGrid,
  dataBlock,
  periodLine,
  readArchiveGrid,
  type ArchiveLayout,
} from "../../core/sheet-life/archive.js";
import { instantToWallClock } from "../../core/vn/dates.js";
import { shortChecksum } from "../../core/sheet-life/checksum.js";
import { parseMarker } from "../../core/template/columns.js";
import { compileGrid } from "../../core/compile/compile.js";
import { isoDateTime } from "../../core/vn/dates.js";
import { AppError } from "../../core/model/problem.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { compileCounts, LAST_PERIOD_KEY, readWithinBudget } from "../sheets/period-data.js";
import { AGGREGATE_LABELS } from "../../core/template/config-grid.js";
import { dataSheetName, findDataSheet, setupDataSheet } from "../sheets/data-sheet.js";
import { gridChecksum } from "../platform/digest.js";
import { menuCommand } from "../ui/menu-command.js";
import { currentUser, LOG_ACTIONS, tryAppendLog } from "../sheets/log-sheet.js";
import { protectionRun, protectNewSheet, type ProtectionRun } from "../sheets/protections.js";
import { logError } from "../platform/redact.js";
import { replaceSheet } from "../sheets/safe-write.js";
import { growNewSheet } from "../sheets/sheet-size.js";
import { fromSheet, toSheetText } from "../sheets/sheet-values.js";
import { loadTemplate } from "../sheets/template-store.js";
import { APP_TITLE, userMessage } from "../platform/ui-messages.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Ui = GoogleAppsScript.Base.Ui;

/** Description of the protection that freezes a data sheet while it is archived. */
const FREEZE = "Đang lưu trữ, tạm khóa";
/** Setting up the next period stops protecting rows after this long (Thiết lập finishes the rest). */
const SETUP_BUDGET_MS = 3 * 60 * 1000;

/** The period to close: the open data sheet's, the only one, or the one the Văn phòng picks. Null when cancelled. */
function pickPeriod(ss: Spreadsheet, t: Template, ui: Ui): Period | null {
  const open = t.periods.filter((p) => findDataSheet(ss, t, p));
  if (open.length === 0)
    throw new AppError("archive.nothing", "Không có trang kỳ báo cáo nào để lưu trữ.", [
      "Chạy Báo cáo → Thiết lập bảng tính để tạo trang nhập liệu của các kỳ.",
    ]);
  const active = ss.getActiveSheet();
  const byName = open.find((p) => dataSheetName(p) === active.getName());
  if (byName) return byName;
  const marker = parseMarker(active.getRange(1, 1).getValue());
  const byMarker = marker && marker.planCode === t.plan.code ? open.find((p) => p.id === marker.periodId) : undefined;
  if (byMarker) return byMarker;
  if (open.length === 1) return open[0];
  const answer = ui.prompt(
    APP_TITLE,
    `Chọn kỳ báo cáo cần lưu trữ (nhập số thứ tự):\n${open.map((p, i) => `${i + 1}. ${periodLine(p)}`).join("\n")}`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const n = Number(answer.getResponseText().trim());
  if (!Number.isInteger(n) || n < 1 || n > open.length)
    throw new AppError(
      "archive.bad-choice",
      `"${answer.getResponseText()}" không phải số thứ tự trong danh sách (1–${open.length}).`,
      [`Chạy lại Mở kỳ báo cáo mới và nhập một số từ 1 đến ${open.length}.`],
    );
  return open[n - 1];
}

/** An archive of the same data already there (a run that stopped before removing the data sheet), else a free name. */
function archiveTarget(ss: Spreadsheet, period: Period, checksum: string): { name: string; existing: Sheet | null } {
  const base = archiveSheetName(period);
  for (let i = 1; i < 100; i++) {
    const name = i === 1 ? base : `${base.slice(0, 94)} (${i})`;
    const sheet = ss.getSheetByName(name);
    if (!sheet) return { name, existing: null };
    try {
      if (readArchiveGrid(fromSheet(sheet.getDataRange().getValues())).checksum === checksum)
        return { name, existing: sheet };
    } catch {
      // not an archive we can read: keep looking for a free name
    }
  }
  throw new AppError("archive.too-many", `Đã có quá nhiều trang lưu trữ của kỳ ${period.label}.`, [
    `Xóa các trang "${archiveSheetName(period)} (…)" không còn cần (giữ lại một bản), rồi chạy lại Mở kỳ báo cáo mới.`,
  ]);
}

/**
 * Writes the archive sheet through {@link replaceSheet} (complete before it gets its name), then
 * reads it back: the data block must give the same SHA-256 and compile to the same totals.
 * @throws AppError "archive.verify" when it does not (nothing else has changed then).
 */
function writeArchive(
  ss: Spreadsheet,
  name: string,
  a: ArchiveLayout,
  checksum: string,
  totals: string,
  source: string,
  run: ProtectionRun,
): Sheet {
  return replaceSheet(ss, name, (sheet) => {
    growNewSheet(sheet, a.grid.length, a.width);
    const all = sheet.getRange(1, 1, a.grid.length, a.width);
    all.setValues(toSheetText(a.grid));
    all.setFontWeights(
      a.grid.map((_, r) => Array<"bold" | "normal">(a.width).fill(a.boldRows.includes(r + 1) ? "bold" : "normal")),
    );
    sheet.hideRows(a.templateRow);
    sheet.hideRows(a.keyRow);
    sheet.setFrozenRows(1);
    const back = readArchiveGrid(fromSheet(all.getValues()));
    const again = compileGrid({
      template: back.template,
      periodId: back.period.id,
      grid: back.data,
      asOf: back.asOf,
      source,
    });
    if (gridChecksum(back.data) !== checksum || JSON.stringify(again.totals) !== totals) {
      throw new AppError(
        "archive.verify",
        "Bản lưu trữ đọc lại không khớp với số liệu gốc nên chưa được dùng; không có gì thay đổi.",
        ["Hãy chạy lại Mở kỳ báo cáo mới. Nếu vẫn lỗi, tải bảng tính về máy (Tệp → Tải xuống) để giữ số liệu."],
      );
    }
    protectNewSheet(sheet, name, run);
  }).sheet;
}

/** Opens the next period's sheet (or says what to do when Cấu hình has none). */
function openNext(
  ss: Spreadsheet,
  t: Template,
  closed: Period,
  started: number,
  run: ProtectionRun,
): { line: string; sheet: Sheet | null } {
  const next = t.periods
    .filter((p) => p.deadline > closed.deadline && p.id !== closed.id)
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0))[0];
  if (!next) {
    return {
      line: `Trang Cấu hình chưa có kỳ sau kỳ ${closed.label}: thêm một dòng vào bảng KỲ BÁO CÁO (mã kỳ, loại kỳ, năm, hạn nộp) rồi chạy Báo cáo → Thiết lập bảng tính.`,
      sheet: null,
    };
  }
  const existing = findDataSheet(ss, t, next);
  if (existing)
    return { line: `Kỳ tiếp theo: trang "${existing.getName()}" đã sẵn sàng để các đơn vị nhập.`, sheet: existing };
  if (ss.getSheetByName(archiveSheetName(next)))
    return { line: `Kỳ tiếp theo (${next.label}) cũng đã lưu trữ.`, sheet: null };
  const r = setupDataSheet(ss, t, next, started + SETUP_BUDGET_MS, { run });
  return {
    line: `Đã mở kỳ tiếp theo: tạo trang "${r.sheet.getName()}" (${r.plan.rows.length} đơn vị, ${periodLine(next)}).${r.complete ? "" : " Một số dòng chưa được bảo vệ: hãy chạy Thiết lập bảng tính để làm tiếp."}`,
    sheet: r.sheet,
  };
}

/** Protects the sheet for the person archiving alone (not the Văn phòng's list): nobody types into it meanwhile. */
function freezeSheet(sheet: Sheet): GoogleAppsScript.Spreadsheet.Protection {
  const freeze = sheet.protect().setDescription(FREEZE);
  freeze.addEditor(Session.getEffectiveUser());
  freeze.removeEditors(freeze.getEditors());
  if (freeze.canDomainEdit()) freeze.setDomainEdit(false);
  return freeze;
}

/** Once the archive is verified: deletes the data sheet, forgets it as last compiled, opens the next period's sheet. */
function closeAndOpenNext(
  ss: Spreadsheet,
  t: Template,
  period: Period,
  sheet: Sheet,
  sheetName: string,
  started: number,
  run: ProtectionRun,
  lines: string[],
): { line: string; sheet: Sheet | null } {
  try {
    ss.deleteSheet(sheet);
    lines.push(`Đã xóa trang "${sheetName}".`);
  } catch (e) {
    logError("moKyBaoCaoMoi", e);
    lines.push(
      `Chưa xóa được trang "${sheetName}" (đang tạm khóa); số liệu đã an toàn trong trang lưu trữ. Hãy chạy lại Mở kỳ báo cáo mới để xóa.`,
    );
  }
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(LAST_PERIOD_KEY) === period.id) props.deleteProperty(LAST_PERIOD_KEY);
  let next: { line: string; sheet: Sheet | null } = { line: "", sheet: null };
  try {
    next = openNext(ss, t, period, started, run);
    lines.push(next.line);
  } catch (e) {
    logError("moKyBaoCaoMoi", e);
    lines.push(
      `Chưa mở được trang của kỳ tiếp theo (${userMessage(e).split("\n")[0]}). Hãy chạy Báo cáo → Thiết lập bảng tính.`,
    );
  }
  return next;
}

/** The confirmation asked before archiving: what is counted, where it goes, what is deleted. */
function archiveQuestion(
  period: Period,
  countsLine: string,
  result: ReturnType<typeof compileGrid>,
  archiveName: string,
  sheetName: string,
): string {
  const drafts = result.statuses.filter((s) => s.draft).length;
  return [
    `Lưu trữ kỳ "${period.label}" rồi mở kỳ mới?`,
    `• ${countsLine} ${result.countedUnits.length} đơn vị đã xác nhận gửi được tổng hợp${drafts ? `; ${drafts} đơn vị đã nhập nhưng chưa xác nhận` : ""}.`,
    `• Toàn bộ số liệu, kết quả tổng hợp, người và thời điểm lưu trữ được chép sang trang "${archiveName}" (chỉ Văn phòng sửa được; mở trang đó rồi chạy Tổng hợp báo cáo để tổng hợp lại bất cứ lúc nào).`,
    `• Khi bản lưu trữ đã được đọc lại và khớp, trang "${sheetName}" sẽ bị xóa.`,
    "Tiếp tục?",
  ].join("\n");
}

function openNewPeriod(ui: Ui): void {
  const started = Date.now();
  const ss = SpreadsheetApp.getActive();
  const t = loadTemplate(ss, { fresh: true });
  const period = pickPeriod(ss, t, ui);
  if (!period) {
    ui.alert(APP_TITLE, "Đã hủy. Không có gì thay đổi.", ui.ButtonSet.OK);
    return;
  }
  const sheet = findDataSheet(ss, t, period)!;
  const sheetName = sheet.getName();
  // The archive and the next period's sheet are protected for the Văn phòng of Cấu hình.
  const run = protectionRun(t);
  // Freeze the sheet first, so nobody types into it between the read and the archive: only the
  // person archiving, on purpose without the Văn phòng's other e-mails (so not through `run`).
  const freeze = freezeSheet(sheet);
  let done = false;
  try {
    const grid = fromSheet(readWithinBudget(ss, sheet, period));
    const block = dataBlock(grid);
    const checksum = gridChecksum(block);
    const asOf = isoDateTime(instantToWallClock(new Date()));
    const source = `trang ${dataSheetName(period)}`;
    const result = compileGrid({ template: t, periodId: period.id, grid: block, asOf, source });
    const counts = compileCounts(result);
    const target = archiveTarget(ss, period, checksum);
    const question = archiveQuestion(period, counts.line, result, target.name, sheetName);
    if (ui.alert(APP_TITLE, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
      ui.alert(APP_TITLE, "Đã hủy. Không có gì thay đổi.", ui.ButtonSet.OK);
      return;
    }
    ss.toast(`Đang lưu trữ kỳ ${period.label}…`, APP_TITLE, 60);
    const lines: string[] = [];
    let archive = target.existing;
    if (archive)
      lines.push(`Trang "${target.name}" đã có đúng số liệu này (lần chạy trước dừng giữa chừng); không chép lại.`);
    else {
      const layout = buildArchiveGrid({
        template: t,
        period,
        data: block,
        result,
        archivedAt: asOf,
        archivedBy: currentUser(),
        checksum,
        aggregateLabels: AGGREGATE_LABELS,
      });
      archive = writeArchive(ss, target.name, layout, checksum, JSON.stringify(result.totals), source, run);
      lines.push(
        `Đã lưu trữ ${block.length - 2} dòng số liệu vào trang "${target.name}" (đã đọc lại và tổng hợp lại khớp; mã kiểm tra ${shortChecksum(checksum)}…).`,
      );
    }
    done = true;
    const next = closeAndOpenNext(ss, t, period, sheet, sheetName, started, run, lines);
    const warning = tryAppendLog(ss, [
      {
        action: LOG_ACTIONS.archive,
        period: period.label,
        counts: `${counts.log}; ${block.length - 2} dòng số liệu`,
        checksum,
        note: `Trang "${target.name}"`,
      },
    ]);
    if (warning) lines.push(warning);
    ss.setActiveSheet(next.sheet ?? archive);
    ui.alert(APP_TITLE, lines.join("\n"), ui.ButtonSet.OK);
  } finally {
    if (!done) {
      try {
        freeze.remove();
      } catch (e) {
        logError("moKyBaoCaoMoi", e);
      }
    }
  }
}

/**
 * Menu "Mở kỳ báo cáo mới", under the document lock: asks which period to close and for
 * confirmation, archives it (protected, verified), removes its data sheet and opens the next.
 * A fault anywhere before the archive is complete leaves the data sheet as it was.
 */
export function moKyBaoCaoMoi(): void {
  menuCommand(
    {
      name: "moKyBaoCaoMoi",
      lock: 2000,
      failure: (err) => `Chưa mở được kỳ báo cáo mới; trang số liệu vẫn giữ nguyên.\n${userMessage(err)}`,
    },
    (ui) => openNewPeriod(ui!),
  );
}
