/** Nhắc hạn: a preview, then e-mails (MailApp) to units that have not submitted; and the optional daily trigger. */
import { instantToWallClock } from "../../core/vn/dates.js";
import { compileGrid } from "../../core/compile/compile.js";
import { formatDayVN, isoDateTime } from "../../core/vn/dates.js";
import {
  fitQuota,
  offsetText,
  packLines,
  planReminders,
  previewLine,
  reminderKey,
  reminderMail,
  remindablePeriods,
  deadlineOffset,
  unpackLines,
  type Outstanding,
  type Reminder,
  type ReminderMode,
  type ReminderPlan,
} from "../../core/sheet-life/reminders.js";
import type { Period, Template } from "../../core/model/template-schema.js";
import { readWithinBudget } from "../sheets/period-data.js";
import { dataSheetName, findDataSheet } from "../sheets/data-sheet.js";
import { menuCommand } from "../ui/menu-command.js";
import { type Carried, carriedFirst, loadCarried, saveCarried } from "../sheets/reminder-carry.js";
import {
  ensureTrigger,
  isRecordedTrigger,
  readTrigger,
  removeOwnTrigger,
  stillHasAccess,
} from "../sheets/trigger-registry.js";
import { currentUser, LOG_ACTIONS, tryAppendLog, type LogEntry } from "../sheets/log-sheet.js";
import { errorMessage, logError, redact } from "../platform/redact.js";
import { fromSheet } from "../sheets/sheet-values.js";
import { loadTemplate } from "../sheets/template-store.js";
import { APP_TITLE, BUSY_MESSAGE, userMessage } from "../platform/ui-messages.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Handler of the daily time-driven trigger. */
export const DAILY_REMINDER_HANDLER = "nhacHanHangNgay";
/** Hour (script time zone, Asia/Ho_Chi_Minh) the daily trigger runs in. */
export const REMINDER_HOUR = 7;
/** Document properties holding the day's sent reminders: `<prefix><YYYY-MM-DD>#<n>`. */
export const LEDGER_PREFIX = "tong-hop:nhac-han:";
/** Sending stops after this long and says what is left (Apps Script allows 6 minutes). */
const SEND_BUDGET_MS = 4.5 * 60 * 1000;
/** Preview lines shown before "… và N đơn vị khác". */
const PREVIEW_LINES = 30;

const today = (): string => isoDateTime(instantToWallClock(new Date())).slice(0, 10);

/** The reminders already sent today (and drops the ledgers of other days). */
function loadLedger(props: GoogleAppsScript.Properties.Properties, day: string): Set<string> {
  const all = props.getProperties();
  const chunks: string[] = [];
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(LEDGER_PREFIX)) continue;
    if (k.startsWith(`${LEDGER_PREFIX}${day}#`)) chunks.push(v);
    else props.deleteProperty(k);
  }
  return new Set(unpackLines(chunks));
}

function saveLedger(props: GoogleAppsScript.Properties.Properties, day: string, sent: ReadonlySet<string>): void {
  const chunks = packLines([...sent].sort());
  const values: Record<string, string> = {};
  chunks.forEach((c, i) => (values[`${LEDGER_PREFIX}${day}#${i}`] = c));
  props.setProperties(values);
}

/** Today's reminders: the periods due, their outstanding units, and what fits the quota. */
interface TodayPlan {
  template: Template;
  day: string;
  plan: ReminderPlan;
  send: Reminder[];
  later: Reminder[];
  quota: number;
  ledger: Set<string>;
  links: Map<string, string>;
  /** Periods due today whose data sheet is missing (archived or not set up). */
  missing: Period[];
  /** Reminders carried from earlier runs, oldest first. */
  carried: Carried[];
}

function planToday(ss: Spreadsheet, mode: ReminderMode): TodayPlan {
  const template = loadTemplate(ss, { fresh: true });
  const day = today();
  const asOf = isoDateTime(instantToWallClock(new Date()));
  const url = ss.getUrl();
  const links = new Map<string, string>();
  const missing: Period[] = [];
  const items: { period: Period; offset: number; outstanding: Outstanding[] }[] = [];
  const props = PropertiesService.getDocumentProperties();
  const carried = loadCarried(props);
  const carriedPeriods = new Set(carried.map((c) => c.periodId));
  // Today's reminder periods, and the periods of reminders an earlier run could not send (any day).
  const due = remindablePeriods(template, day, mode);
  for (const period of template.periods)
    if (carriedPeriods.has(period.id) && !due.some((d) => d.period.id === period.id))
      due.push({ period, offset: deadlineOffset(day, period) });
  for (const { period, offset } of due) {
    const sheet = findDataSheet(ss, template, period);
    if (!sheet) {
      missing.push(period);
      continue;
    }
    links.set(period.id, `${url}#gid=${sheet.getSheetId()}`);
    const grid = fromSheet(readWithinBudget(ss, sheet, period));
    const result = compileGrid({ template, periodId: period.id, grid, asOf, source: `trang ${dataSheetName(period)}` });
    const onlyCarried = !remindablePeriods(template, day, mode).some((d) => d.period.id === period.id);
    const outstanding = result.statuses
      .filter((s) => s.status === "pending" || s.status === "overdue")
      .filter((s) => !onlyCarried || carried.some((c) => c.periodId === period.id && c.unitCode === s.unitCode))
      .map((s) => ({ unitCode: s.unitCode, draft: s.draft }));
    items.push({ period, offset, outstanding });
  }
  const ledger = loadLedger(props, day);
  const plan = planReminders(template, items, ledger);
  // Reminders carried from earlier runs go first, oldest first: the quota serves them before today's.
  plan.due = carriedFirst(plan.due, carried);
  const quota = plan.due.length ? MailApp.getRemainingDailyQuota() : 0;
  const { send, later } = fitQuota(plan.due, quota);
  return { template, day, plan, send, later, quota, ledger, links, missing, carried };
}

/** What a sending run did. */
interface SendOutcome {
  sent: Reminder[];
  failed: { r: Reminder; message: string }[];
  /** Not tried: the time budget ran out or the quota was used up meanwhile. */
  stopped: Reminder[];
}

/**
 * Sends the planned mails one by one, recording each in the day's ledger (saved even when a
 * send throws), so no unit gets the same period's reminder twice in a day.
 */
function send(ss: Spreadsheet, p: TodayPlan, startedMs: number): SendOutcome {
  const out: SendOutcome = { sent: [], failed: [], stopped: [] };
  const props = PropertiesService.getDocumentProperties();
  const url = ss.getUrl();
  try {
    for (let i = 0; i < p.send.length; i++) {
      const r = p.send[i];
      if (Date.now() - startedMs > SEND_BUDGET_MS) {
        out.stopped.push(...p.send.slice(i));
        break;
      }
      const m = reminderMail(p.template, r, p.links.get(r.periodId) ?? url);
      try {
        MailApp.sendEmail({
          to: r.emails.join(","),
          subject: m.subject,
          body: m.body,
          name: `Văn phòng ${p.template.plan.issuer.name}`,
        });
        out.sent.push(r);
        p.ledger.add(reminderKey(r.periodId, r.unitCode));
      } catch (e) {
        const message = redact(errorMessage(e));
        logError("nhacHan", e);
        out.failed.push({ r, message });
        if (/too many times|Limit Exceeded/i.test(message)) {
          out.stopped.push(...p.send.slice(i + 1));
          break;
        }
      }
    }
  } finally {
    if (out.sent.length) saveLedger(props, p.day, p.ledger);
  }
  return out;
}

function logEntries(p: TodayPlan, o: SendOutcome, mode: ReminderMode): LogEntry[] {
  const how = mode === "scheduled" ? "tự động" : "từ menu";
  const entries: LogEntry[] = o.sent.map((r) => ({
    action: LOG_ACTIONS.reminder,
    period: r.periodLabel,
    unit: r.unitCode,
    counts: `${r.emails.length} người nhận`,
    note: `${offsetText(r.offset)}; ${how}`,
  }));
  for (const f of o.failed)
    entries.push({
      action: LOG_ACTIONS.reminder,
      period: f.r.periodLabel,
      unit: f.r.unitCode,
      counts: "0 người nhận",
      note: `Không gửi được: ${f.message}`,
    });
  const waiting = [...p.later, ...o.stopped];
  if (waiting.length)
    entries.push({
      action: LOG_ACTIONS.reminder,
      counts: `${waiting.length} đơn vị chưa gửi`,
      note: `Hết hạn mức email hoặc thời gian hôm nay: ${waiting.map((r) => r.unitCode).join(", ")}; ${how}`,
    });
  return entries;
}

const list = (rs: readonly Reminder[], f: (r: Reminder) => string = previewLine): string[] =>
  rs.length > PREVIEW_LINES
    ? [...rs.slice(0, PREVIEW_LINES).map(f), `… và ${rs.length - PREVIEW_LINES} đơn vị khác.`]
    : rs.map(f);
const short = (r: Reminder) => `${r.unitCode} – ${r.unitName} (${r.periodLabel})`;
const recipients = (rs: readonly Reminder[]) => rs.reduce((n, r) => n + r.emails.length, 0);

/** The preview text: who would get what, and who would not and why. */
function previewText(p: TodayPlan): string {
  const lines = [
    `Hôm nay ${formatDayVN(p.day)}. Ngày nhắc theo trang Cấu hình: ${(p.template.reminderDays ?? []).map((d) => (d < 0 ? `${-d} ngày trước hạn` : d === 0 ? "ngày hạn nộp" : `${d} ngày sau hạn`)).join(", ") || "(không có)"}.`,
  ];
  if (p.send.length) {
    lines.push(
      `Sẽ gửi email nhắc hạn cho ${p.send.length} đơn vị (${recipients(p.send)} người nhận; hạn mức email còn lại hôm nay: ${p.quota} người nhận):`,
    );
    lines.push(...list(p.send).map((l) => `• ${l}`));
  }
  if (p.later.length)
    lines.push(
      `Chưa gửi được hôm nay vì hết hạn mức email (${p.later.length} đơn vị, chạy lại vào ngày mai): ${list(p.later, short).join("; ")}`,
    );
  if (p.plan.noEmail.length)
    lines.push(
      `Không có email người nhập trong trang Cấu hình (${p.plan.noEmail.length} đơn vị): ${list(p.plan.noEmail, short).join("; ")}`,
    );
  if (p.plan.alreadySent.length)
    lines.push(
      `Đã nhắc hôm nay, không nhắc lại (${p.plan.alreadySent.length} đơn vị): ${list(p.plan.alreadySent, short).join("; ")}`,
    );
  if (p.missing.length)
    lines.push(
      `Kỳ không còn trang nhập liệu (đã lưu trữ hoặc chưa thiết lập): ${p.missing.map((x) => x.label).join(", ")}.`,
    );
  return lines.join("\n");
}

function resultText(o: SendOutcome, p: TodayPlan): string {
  const lines = [`Đã gửi ${o.sent.length} email nhắc hạn (${recipients(o.sent)} người nhận).`];
  if (o.failed.length)
    lines.push(
      `Không gửi được ${o.failed.length} đơn vị: ${o.failed.map((f) => `${f.r.unitCode} (${f.message})`).join("; ")}.`,
    );
  const waiting = [...p.later, ...o.stopped];
  if (waiting.length)
    lines.push(
      `Còn ${waiting.length} đơn vị chưa gửi (hết hạn mức email hoặc thời gian cho phép hôm nay): ${waiting.map((r) => r.unitCode).join(", ")}. Các email này được giữ lại và gửi trước tiên ở lần nhắc sau (nhắc hạn tự động sáng mai, hoặc khi chạy lại Nhắc hạn).`,
    );
  return lines.join("\n");
}

/**
 * Menu "Nhắc hạn nộp báo cáo": shows who would be reminded (unit, emails, days before or after
 * the deadline) and, once confirmed, sends within the day's mail quota and logs each mail. The
 * preview is read without the document lock (units keep submitting while the Văn phòng reads
 * it); sending takes the lock and plans again, so a unit that submitted meanwhile, or that the
 * daily trigger reminded meanwhile, gets nothing.
 */
export function nhacHan(): void {
  const started = Date.now();
  menuCommand({ name: "nhacHan", failure: (err) => `Không nhắc hạn được.\n${userMessage(err)}` }, (shown) => {
    const ui = shown!;
    const ss = SpreadsheetApp.getActive();
    const p = planToday(ss, "manual");
    const text = previewText(p);
    if (!p.send.length) {
      ui.alert(
        APP_TITLE,
        `${text}\nKhông có email nhắc hạn nào cần gửi lúc này: hôm nay không phải ngày nhắc của kỳ nào, hoặc các đơn vị cần nhắc đã xác nhận gửi hay đã được nhắc. Muốn đổi ngày nhắc, sửa dòng "Nhắc hạn" trong bảng KẾ HOẠCH của trang Cấu hình.`,
        ui.ButtonSet.OK,
      );
      return;
    }
    if (ui.alert(APP_TITLE, `${text}\n\nGửi email ngay?`, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
      ui.alert(APP_TITLE, "Đã hủy, chưa gửi email nào.", ui.ButtonSet.OK);
      return;
    }
    const previewed = new Set(p.send.map((r) => reminderKey(r.periodId, r.unitCode)));
    // The lock only now: the preview above waits for a person, and must not hold up the units.
    menuCommand(
      {
        name: "nhacHan",
        lock: 10_000,
        busy: `${BUSY_MESSAGE}\nChưa gửi email nào.`,
        failure: (err) => `Không nhắc hạn được.\n${userMessage(err)}`,
      },
      () => {
        const now = planToday(ss, "manual");
        now.send = now.send.filter((r) => previewed.has(reminderKey(r.periodId, r.unitCode)));
        const o = send(ss, now, started);
        saveCarried(PropertiesService.getDocumentProperties(), now.carried, [...now.later, ...o.stopped], now.day);
        const warning = tryAppendLog(ss, logEntries(now, o, "manual"));
        ui.alert(APP_TITLE, [resultText(o, now), warning].filter(Boolean).join("\n"), ui.ButtonSet.OK);
      },
    );
  });
}

/**
 * The daily time-driven trigger: on the reminder days of Cấu hình, e-mails the units that have
 * not submitted, within the quota, and logs it. Runs as the person who turned it on, without a
 * user interface (nothing here may call SpreadsheetApp.getUi()).
 */
export function nhacHanHangNgay(e?: { triggerUid?: unknown }): void {
  const started = Date.now();
  // A second daily trigger (left by an older version, or by a clerk) sends nothing: one e-mail per unit.
  if (!isRecordedTrigger("daily-reminder", e?.triggerUid)) return;
  menuCommand(
    { name: "nhacHanHangNgay", lock: 60_000, ui: false, busy: "bảng tính đang bận, bỏ qua lần nhắc hôm nay." },
    () => {
      const ss = SpreadsheetApp.getActive();
      const p = planToday(ss, "scheduled");
      if (!p.send.length && !p.later.length) return;
      const o = send(ss, p, started);
      saveCarried(PropertiesService.getDocumentProperties(), p.carried, [...p.later, ...o.stopped], p.day);
      tryAppendLog(ss, logEntries(p, o, "scheduled"));
    },
  );
}

/** Menu "Bật/tắt nhắc hạn tự động": creates or deletes this person's daily trigger, after asking. */
export function batTatNhacHanTuDong(): void {
  menuCommand(
    {
      name: "batTatNhacHanTuDong",
      failure: (err) => `Không bật/tắt được nhắc hạn tự động.\n${userMessage(err)}`,
    },
    (shown) => {
      const ui = shown!;
      const ss = SpreadsheetApp.getActive();
      const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_REMINDER_HANDLER);
      const rec = readTrigger("daily-reminder");
      // Someone else's reminders, still valid: only they can turn them off (nobody may delete another's trigger).
      if (rec && rec.creator.toLowerCase() !== currentUser().toLowerCase() && stillHasAccess(ss, rec.creator)) {
        ui.alert(
          APP_TITLE,
          `Nhắc hạn tự động đang được bật bằng tài khoản ${rec.creator} (email nhắc gửi từ tài khoản đó). Chỉ người đó tắt được; không bật thêm để các đơn vị không nhận hai email.`,
          ui.ButtonSet.OK,
        );
        return;
      }
      if (mine.length) {
        if (
          ui.alert(
            APP_TITLE,
            `Nhắc hạn tự động đang bật (mỗi ngày khoảng ${REMINDER_HOUR}–${REMINDER_HOUR + 1} giờ sáng). Tắt nhắc hạn tự động?`,
            ui.ButtonSet.YES_NO,
          ) !== ui.Button.YES
        )
          return;
        removeOwnTrigger("daily-reminder", DAILY_REMINDER_HANDLER);
        const w = tryAppendLog(ss, [{ action: LOG_ACTIONS.reminderOff }]);
        ui.alert(APP_TITLE, ["Đã tắt nhắc hạn tự động.", w].filter(Boolean).join("\n"), ui.ButtonSet.OK);
        return;
      }
      const t = loadTemplate(ss);
      const days = (t.reminderDays ?? [])
        .map((d) => (d < 0 ? `${-d} ngày trước hạn` : d === 0 ? "ngày hạn nộp" : `${d} ngày sau hạn`))
        .join(", ");
      const who = currentUser();
      const ask = `Bật nhắc hạn tự động?\nMỗi ngày khoảng ${REMINDER_HOUR}–${REMINDER_HOUR + 1} giờ sáng, bảng tính gửi email nhắc các đơn vị chưa nộp vào các ngày: ${days || "(chưa đặt trong Cấu hình)"}. Email được gửi bằng tài khoản của bạn${who ? ` (${who})` : ""}, trong hạn mức email hằng ngày của tài khoản; mỗi đơn vị nhận nhiều nhất một email mỗi ngày cho mỗi kỳ.`;
      if (ui.alert(APP_TITLE, ask, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
      const made = ensureTrigger(ss, "daily-reminder", DAILY_REMINDER_HANDLER, () =>
        ScriptApp.newTrigger(DAILY_REMINDER_HANDLER).timeBased().everyDays(1).atHour(REMINDER_HOUR).create(),
      );
      const stale =
        made.kind === "repaired"
          ? `Tài khoản ${made.stale.creator} (người đã bật nhắc hạn trước đây) không còn quyền với bảng tính; nhắc hạn nay chạy bằng tài khoản của bạn.`
          : "";
      const w = tryAppendLog(ss, [
        { action: LOG_ACTIONS.reminderOn, note: `Mỗi ngày lúc ${REMINDER_HOUR} giờ; ngày nhắc: ${days}` },
      ]);
      ui.alert(
        APP_TITLE,
        ["Đã bật nhắc hạn tự động. Kết quả mỗi lần gửi được ghi trong trang Nhật ký.", stale, w]
          .filter(Boolean)
          .join("\n"),
        ui.ButtonSet.OK,
      );
    },
  );
}
