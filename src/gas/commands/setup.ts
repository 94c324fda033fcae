/** Menu "Thiết lập bảng tính": Cấu hình from a bundled template, one data sheet per period, protections. */
import { archiveSheetName, isArchiveName } from "../../core/sheet-life/archive.js";
import { AppError } from "../../core/model/problem.js";
import {
  MAX_SETUP_RUNS,
  planSetupRuns,
  SETUP_BUDGET_MS,
  SETUP_COST,
  type SetupCostModel,
  type SetupRunPlan,
} from "../../core/sheet-life/run-budget.js";
import { measuredModel, recordRate } from "../sheets/measured-rate.js";
import { parseTemplate } from "../../core/template/template.js";
import type { Template } from "../../core/model/template-schema.js";
import { CONFIG_SHEET, CONFIG_WIDTH } from "../../core/template/config-grid.js";
import { writeConfigSheet } from "../sheets/config-sheet.js";
import { dataSheetName, findDataSheet, setupDataSheet } from "../sheets/data-sheet.js";
import { planDataSheet } from "../sheets/data-sheet-plan.js";
import { sha256Hex } from "../platform/digest.js";
import { ensureLogSheet, LOG_ACTIONS, tryAppendLog } from "../sheets/log-sheet.js";
import { protectionRun, protectSheet, type ProtectionRun } from "../sheets/protections.js";
import { fingerprint, readSetupProgress, saveSetupProgress, type SetupProgress } from "../sheets/setup-resume.js";
import { SUMMARY_SHEET } from "../sheets/summary-grid.js";
import { bundledTemplates, cacheTemplate, readConfigSheet } from "../sheets/template-store.js";
import { APP_TITLE, userMessage } from "../platform/ui-messages.js";
import { ensureTrigger } from "../sheets/trigger-registry.js";
import { menuCommand } from "../ui/menu-command.js";

/** Time zone and locale the sheet must use: dates and "1.234" then read as the core expects. */
export const SHEET_TIME_ZONE = "Asia/Ho_Chi_Minh";
export const SHEET_LOCALE = "vi_VN";
/** Handler of the installable edit trigger (stamps Người gửi). */
export const INSTALLABLE_EDIT_HANDLER = "khiSuaBangTinh";

function chooseBundled(ui: GoogleAppsScript.Base.Ui): Template {
  const all = bundledTemplates();
  if (all.length === 0)
    throw new AppError("setup.no-template", "Bản cài đặt không kèm mẫu kế hoạch nào.", [
      "Thêm tệp mẫu vào thư mục sheets-templates rồi đóng gói lại (npm run push).",
    ]);
  let pick = all[0];
  if (all.length > 1) {
    const list = all.map((x, i) => `${i + 1}. ${x.name}`).join("\n");
    const answer = ui.prompt(
      APP_TITLE,
      `Chọn mẫu kế hoạch để tạo trang "${CONFIG_SHEET}" (nhập số thứ tự):\n${list}`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK)
      throw new AppError("setup.cancelled", "Đã hủy thiết lập bảng tính. Chưa tạo trang nào.");
    const n = Number(answer.getResponseText().trim());
    if (!Number.isInteger(n) || n < 1 || n > all.length)
      throw new AppError(
        "setup.bad-choice",
        `"${answer.getResponseText()}" không phải số thứ tự trong danh sách (1–${all.length}).`,
        [`Chạy lại Thiết lập bảng tính và nhập một số từ 1 đến ${all.length}.`],
      );
    pick = all[n - 1];
  }
  return parseTemplate(pick.input, `mẫu ${pick.name}`);
}

/** The set-up line about the edit trigger that writes "Thời gian gửi", whoever runs set-up. */
function ensureEditTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    const r = ensureTrigger(ss, "edit", INSTALLABLE_EDIT_HANDLER, () =>
      ScriptApp.newTrigger(INSTALLABLE_EDIT_HANDLER).forSpreadsheet(ss).onEdit().create(),
    );
    if (r.kind === "created")
      return `Đã bật việc tự ghi Thời gian gửi khi đơn vị tích Xác nhận gửi (chạy bằng tài khoản ${r.record.creator}).`;
    if (r.kind === "exists")
      return `Việc tự ghi Thời gian gửi khi đơn vị tích Xác nhận gửi đã được bật từ trước (tài khoản ${r.record.creator}).`;
    if (r.kind === "other")
      return `Việc tự ghi Thời gian gửi đang chạy bằng tài khoản ${r.record.creator}; không tạo thêm. Nếu tài khoản đó không còn quyền với bảng tính, hãy chạy lại Thiết lập bảng tính để chuyển sang tài khoản của bạn.`;
    return `Tài khoản ${r.stale.creator} (người đã bật việc tự ghi Thời gian gửi) không còn quyền với bảng tính nên việc ghi đã ngừng; đã bật lại bằng tài khoản của bạn (${r.record.creator}).`;
  } catch (e) {
    // Google's own reason stays in brackets for the administrator; the sentence says what it means.
    return `Chưa bật được việc tự ghi Thời gian gửi (Google báo: ${(e as Error).message}); khi đơn vị tích Xác nhận gửi, Tổng hợp sẽ ghi "đã xác nhận gửi nhưng chưa có thời gian gửi". Hãy chạy lại Thiết lập bảng tính và bấm Cho phép khi Google hỏi quyền.`;
  }
}

/**
 * How the set-up of `t` will run on the 6-minute model, at the data sheet's planned width, for
 * `periods` data sheets (set-up passes all of the template's: archived ones, which it skips,
 * make it an over-estimate).
 */
export function setupPlan(t: Template, periods: number, model: SetupCostModel = SETUP_COST): SetupRunPlan {
  const width = t.periods.length ? planDataSheet(t, t.periods[0].id).width : 0;
  return planSetupRuns({ units: t.units.length, periods, dataWidth: width, configWidth: CONFIG_WIDTH }, model);
}

/**
 * Brings the protections of the sheets a compile or an archive made ("Tổng hợp", every "Lưu trữ
 * - …", also those of periods no longer in Cấu hình) to this run's Văn phòng: one getSheets and a
 * name per sheet, then the few calls of {@link protectSheet} per sheet (none written when right).
 */
function protectKeptSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, run: ProtectionRun): void {
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (name === SUMMARY_SHEET || isArchiveName(name)) protectSheet(sheet, name, run);
  }
}

/** Fingerprint of a whole set-up (who runs it and the template): progress from another one is ignored. */
const setupSignature = (me: string, t: Template): string => fingerprint(JSON.stringify([me, t]));

/**
 * Sets the spreadsheet up, or updates it after the Văn phòng edits "Cấu hình": creates
 * "Cấu hình" from a bundled template the first time (and otherwise reads it as the Văn phòng
 * left it), writes one data sheet per period keeping every entered value, protects rows,
 * and installs the edit trigger that records who submitted. Every protection (rows, headers,
 * Cấu hình, Tổng hợp, archives, Nhật ký) is brought to the owner, the runner and the Văn phòng's
 * e-mails listed in Cấu hình: one added there gets access, one removed loses it.
 *
 * A large spreadsheet needs several runs: the 6-minute model ({@link planSetupRuns}) says how
 * many up front, each run stops inside the budget (rows not yet protected stay the Văn phòng's
 * alone meanwhile), and the next one resumes where it stopped, skipping the sheets already
 * finished. A size whose single data sheet cannot be written in one run is refused before
 * anything changes.
 */
export function thietLapBangTinh(): void {
  const started = Date.now();
  menuCommand(
    {
      name: "thietLapBangTinh",
      lock: 2000,
      // Cancelling the template choice is not a failure: say so plainly. An AppError says itself
      // what to do (fix Cấu hình, split the units…); a Google failure is worth a second run.
      failure: (err) =>
        err instanceof AppError && err.code === "setup.cancelled"
          ? err.message
          : `Không thiết lập được bảng tính; số liệu đã nhập vẫn được giữ.${err instanceof AppError ? "" : " Hãy chạy lại Thiết lập bảng tính."}\n${userMessage(err)}`,
    },
    (ui) => {
      const lines = setUpSpreadsheet(SpreadsheetApp.getActive(), ui!, started);
      ui!.alert(APP_TITLE, lines.join("\n"), ui!.ButtonSet.OK);
    },
  );
}

/** The refusal of a plan that cannot be set up in the allowed runs. */
function tooLarge(template: Template, plan: SetupRunPlan): AppError {
  const why =
    plan.reason === "runs"
      ? `Kế hoạch có ${template.units.length} đơn vị × ${template.periods.length} kỳ: Thiết lập cần khoảng ${plan.runs} lần chạy (mỗi lần tối đa 6 phút), quá ${MAX_SETUP_RUNS} lần.`
      : `Kế hoạch có ${template.units.length} đơn vị: riêng việc ghi một trang kỳ báo cáo đã gần hết giới hạn 6 phút mỗi lần chạy mà Google cho phép, Thiết lập không thể làm xong dù chạy lại.`;
  return new AppError("setup.too-large", `${why} Chưa tạo hay sửa trang nào.`, [
    `Hãy chia các đơn vị thành nhiều bảng tính (mỗi cụm một bảng tính), rồi tổng hợp chung bằng lệnh tong-hop compile --sheet <bảng tính 1> --sheet <bảng tính 2> …`,
  ]);
}

/** Where the data sheets' set-up got to in this run. */
interface SheetsOutcome {
  complete: boolean;
  first: GoogleAppsScript.Spreadsheet.Sheet | null;
  sheets: number;
  units: number;
  /** Row protections created or rewritten (for the measured rate). */
  protectedRows: number;
}

/**
 * Writes the period data sheets in order, skipping archived periods and those finished by an
 * earlier run, until one stops for lack of time; records where it stopped in `progress`.
 */
function setUpDataSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  template: Template,
  run: ProtectionRun,
  progress: SetupProgress,
  deadline: number,
  lines: string[],
): SheetsOutcome {
  const out: SheetsOutcome = { complete: true, first: null, sheets: 0, units: 0, protectedRows: 0 };
  template.periods.forEach((p, i) => {
    if (!out.complete) return;
    // Elapsed time, whatever the model said: a sheet is not started once the run's own budget is spent.
    if (Date.now() > deadline) {
      out.complete = false;
      return;
    }
    // A closed period lives in its archive; set-up does not bring back an empty data sheet.
    const archive = ss.getSheetByName(archiveSheetName(p));
    if (archive && !findDataSheet(ss, template, p)) {
      // Its protection follows the Văn phòng's list below, with every other archive.
      lines.push(`Kỳ "${p.label}" đã lưu trữ (trang "${archive.getName()}"), không tạo lại trang nhập liệu.`);
      return;
    }
    const name = dataSheetName(p);
    const finished = progress.done.includes(name) ? ss.getSheetByName(name) : null;
    if (finished) {
      out.first ??= finished;
      out.sheets++;
      lines.push(`Trang "${name}" đã thiết lập xong ở lần chạy trước.`);
      return;
    }
    ss.toast(`Đang thiết lập trang "${p.label}" (${i + 1}/${template.periods.length})…`, APP_TITLE, 30);
    const resume = progress.partial?.sheet === name ? progress.partial : undefined;
    const r = setupDataSheet(ss, template, p, deadline, { run, resume });
    out.first ??= r.sheet;
    out.sheets++;
    out.units = Math.max(out.units, r.plan.rows.length);
    out.protectedRows += r.protectedRows;
    lines.push(
      `${r.created ? "Đã tạo" : "Đã cập nhật"} trang "${r.sheet.getName()}": ${r.plan.rows.length} đơn vị${r.plan.carried ? `, giữ nguyên ${r.plan.carried} ô đã nhập` : ""}.`,
    );
    out.complete = r.complete;
    if (r.complete) {
      progress.done.push(name);
      delete progress.partial;
    } else {
      progress.partial = { sheet: name, signature: r.signature, next: r.next };
    }
  });
  return out;
}

/** The template to set up: Cấu hình as the Văn phòng left it, else a bundled one (then Cấu hình is created). */
function templateToSetUp(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ui: GoogleAppsScript.Base.Ui,
): { template: Template; createdConfig: boolean } {
  const read = readConfigSheet(ss);
  return read ? { template: read, createdConfig: false } : { template: chooseBundled(ui), createdConfig: true };
}

/** The work of {@link thietLapBangTinh}, under the document lock: the lines of its closing alert. */
function setUpSpreadsheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ui: GoogleAppsScript.Base.Ui,
  started: number,
): string[] {
  if (ss.getSpreadsheetTimeZone() !== SHEET_TIME_ZONE) ss.setSpreadsheetTimeZone(SHEET_TIME_ZONE);
  if (ss.getSpreadsheetLocale() !== SHEET_LOCALE) ss.setSpreadsheetLocale(SHEET_LOCALE);
  const { template, createdConfig } = templateToSetUp(ss, ui);
  // Every protection of the run goes to the runner and the Văn phòng's e-mails of Cấu hình.
  const run = protectionRun(template);
  const plan = setupPlan(template, template.periods.length);
  if (!plan.fits) throw tooLarge(template, plan);
  // The same plan at this spreadsheet's measured speed, when an earlier run measured it slower than
  // the model: it says how many runs to expect, but never refuses (each run stops by elapsed time anyway).
  const measured = setupPlan(template, template.periods.length, measuredModel());
  if (createdConfig) writeConfigSheet(ss, template, run);
  else protectSheet(ss.getSheetByName(CONFIG_SHEET)!, CONFIG_SHEET, run);
  cacheTemplate(template);
  const lines: string[] = [
    createdConfig
      ? `Đã tạo trang "${CONFIG_SHEET}" từ mẫu kế hoạch ${template.plan.code}.`
      : `Đã đọc trang "${CONFIG_SHEET}" (kế hoạch ${template.plan.code}).`,
  ];
  const signature = setupSignature(run.me, template);
  const saved = readSetupProgress();
  const progress: SetupProgress = saved && saved.signature === signature ? saved : { signature, done: [] };
  const expected = measured.fits ? Math.max(plan.runs, measured.runs) : plan.runs;
  if ((expected > 1 || !measured.fits) && !saved) {
    const slow = measured.fits ? "" : " (theo tốc độ đo được ở lần chạy trước, có thể cần nhiều lần hơn)";
    const note = `Bảng tính lớn (${template.units.length} đơn vị × ${template.periods.length} kỳ): Thiết lập cần khoảng ${expected} lần chạy${slow}, mỗi lần dừng an toàn trước giới hạn 6 phút; hãy chạy lại đến khi báo xong.`;
    lines.push(note);
    ss.toast(note, APP_TITLE, 30);
  }
  const done = setUpDataSheets(ss, template, run, progress, started + SETUP_BUDGET_MS, lines);
  recordRate(done.protectedRows * SETUP_COST.rowCalls, Date.now() - started);
  protectKeptSheets(ss, run);
  ensureLogSheet(ss, run);
  // insertSheet activates each new sheet; end on the first period's sheet, not the log.
  if (done.first) ss.setActiveSheet(done.first);
  lines.push(ensureEditTrigger(ss));
  // Only an unfinished set-up leaves its progress for the next run; a finished one re-checks everything next time.
  if (!done.complete) saveSetupProgress(progress);
  else if (saved) saveSetupProgress(null);
  if (!done.complete)
    lines.push(
      "CHƯA XONG: còn một số dòng chưa được bảo vệ vì hết thời gian cho phép (trong lúc chờ, chỉ Văn phòng sửa được các dòng đó). Hãy chạy lại Thiết lập bảng tính để làm tiếp.",
    );
  lines.push(
    run.office.length
      ? `Hãy chia sẻ bảng tính (quyền chỉnh sửa) với email người nhập của các đơn vị và ${run.office.length} email Văn phòng ghi trong trang "${CONFIG_SHEET}"; mỗi đơn vị chỉ sửa được dòng của mình, Văn phòng sửa được mọi trang.`
      : "Hãy chia sẻ bảng tính (quyền chỉnh sửa) với email người nhập của các đơn vị; mỗi đơn vị chỉ sửa được dòng của mình.",
  );
  const logWarning = tryAppendLog(ss, [
    {
      action: LOG_ACTIONS.setup,
      counts: `${done.sheets} trang kỳ báo cáo; ${done.units} đơn vị; ${template.indicators.length} chỉ tiêu`,
      checksum: sha256Hex(JSON.stringify(template)),
      note: `Mẫu kế hoạch ${template.plan.code}${done.complete ? "" : "; chưa xong, cần chạy lại"}`,
    },
  ]);
  if (logWarning) lines.push(logWarning);
  ss.toast(done.complete ? "Thiết lập xong." : "Chưa xong, hãy chạy lại.", APP_TITLE, 5);
  return lines;
}
