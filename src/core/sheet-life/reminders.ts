/** Nhắc hạn: which units get a deadline reminder today, the Vietnamese mail, and what fits the mail quota. */
import { daysBetween, formatDayVN } from "../vn/dates.js";
import type { Period, Template } from "../model/template-schema.js";

/**
 * "scheduled" (the daily trigger) reminds only on the days listed in `reminderDays`;
 * "manual" (the menu) reminds on any day between the first and the last of them.
 */
export type ReminderMode = "scheduled" | "manual";

/** Days from a period's deadline to `today`: −3 is three days before, 1 the day after. */
export const deadlineOffset = (today: string, p: Pick<Period, "deadline">): number => daysBetween(p.deadline, today);

/** The periods whose units may be reminded today, with their offset. */
export function remindablePeriods(
  t: Pick<Template, "periods" | "reminderDays">,
  today: string,
  mode: ReminderMode,
): { period: Period; offset: number }[] {
  const days = t.reminderDays ?? [];
  if (days.length === 0) return [];
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  return t.periods
    .map((period) => ({ period, offset: deadlineOffset(today, period) }))
    .filter(({ offset }) => (mode === "scheduled" ? days.includes(offset) : offset >= lo && offset <= hi));
}

/** A unit of a period that has not submitted (status "chưa nộp"). */
export interface Outstanding {
  unitCode: string;
  /** Entered figures but did not tick "Xác nhận gửi". */
  draft: boolean;
}

/** One reminder: a unit, its recipients, the period and how far the deadline is. */
export interface Reminder {
  periodId: string;
  periodLabel: string;
  deadline: string;
  offset: number;
  unitCode: string;
  unitName: string;
  emails: string[];
  draft: boolean;
}

/** Who gets a reminder, and who does not and why. */
export interface ReminderPlan {
  due: Reminder[];
  /** Units without any email in Cấu hình. */
  noEmail: Reminder[];
  /** Already reminded today for that period. */
  alreadySent: Reminder[];
}

/** Key of a sent reminder in the day's ledger. */
export const reminderKey = (periodId: string, unitCode: string): string => `${periodId}|${unitCode}`;

/**
 * Plans today's reminders: every outstanding unit of each remindable period, once per period
 * and day (`sentToday` holds {@link reminderKey}s), to its editors' emails (deduplicated,
 * case folded), in the order of Cấu hình's unit list.
 */
export function planReminders(
  t: Pick<Template, "units">,
  periods: readonly { period: Period; offset: number; outstanding: readonly Outstanding[] }[],
  sentToday: ReadonlySet<string>,
): ReminderPlan {
  const plan: ReminderPlan = { due: [], noEmail: [], alreadySent: [] };
  const order = new Map(t.units.map((u, i) => [u.code, i]));
  for (const { period, offset, outstanding } of periods) {
    const list = [...outstanding].sort((a, b) => (order.get(a.unitCode) ?? 1e9) - (order.get(b.unitCode) ?? 1e9));
    for (const o of list) {
      const unit = t.units.find((u) => u.code === o.unitCode);
      if (!unit) continue;
      const emails = [...new Set(unit.editors.map((e) => e.trim().toLowerCase()).filter(Boolean))];
      const r: Reminder = {
        periodId: period.id,
        periodLabel: period.label,
        deadline: period.deadline,
        offset,
        unitCode: unit.code,
        unitName: unit.name,
        emails,
        draft: o.draft,
      };
      if (sentToday.has(reminderKey(period.id, unit.code))) plan.alreadySent.push(r);
      else if (emails.length === 0) plan.noEmail.push(r);
      else plan.due.push(r);
    }
  }
  return plan;
}

/**
 * Splits reminders by the day's mail quota, counted in recipients as Apps Script counts it:
 * in order, a mail is sent when its recipients still fit, otherwise it waits for another day.
 */
export function fitQuota(due: readonly Reminder[], remaining: number): { send: Reminder[]; later: Reminder[] } {
  let left = Math.max(0, Math.floor(remaining));
  const send: Reminder[] = [];
  const later: Reminder[] = [];
  for (const r of due) {
    if (r.emails.length <= left) {
      send.push(r);
      left -= r.emails.length;
    } else later.push(r);
  }
  return { send, later };
}

/** "còn 3 ngày đến hạn", "hôm nay là hạn nộp", "đã quá hạn 2 ngày". */
export function offsetText(offset: number): string {
  if (offset < 0) return `còn ${-offset} ngày đến hạn`;
  if (offset === 0) return "hôm nay là hạn nộp";
  return `đã quá hạn ${offset} ngày`;
}

/** The reminder mail in Vietnamese: subject and plain-text body with the sheet's link. */
export function reminderMail(
  t: Pick<Template, "plan">,
  r: Reminder,
  sheetUrl: string,
): { subject: string; body: string } {
  const due = formatDayVN(r.deadline);
  const when =
    r.offset < 0
      ? `Hạn nộp là ngày ${due} (${offsetText(r.offset)}).`
      : r.offset === 0
        ? `Hôm nay (${due}) là hạn nộp.`
        : `Hạn nộp là ngày ${due}; đơn vị ${offsetText(r.offset)}.`;
  const state = r.draft
    ? 'Đơn vị đã nhập số liệu nhưng chưa tích ô "Xác nhận gửi", nên số liệu chưa được tổng hợp.'
    : "Bảng tính chưa có báo cáo đã xác nhận gửi của đơn vị.";
  const subject = `[Nhắc hạn] ${r.periodLabel}: ${t.plan.title} (hạn nộp ${due})`.slice(0, 250);
  const body = [
    `Kính gửi: ${r.unitName} (mã ${r.unitCode}),`,
    "",
    `${t.plan.issuer.name} đề nghị đơn vị nộp báo cáo "${t.plan.title}" kỳ ${r.periodLabel}. ${when}`,
    state,
    "",
    `Đơn vị mở bảng tính tại địa chỉ dưới đây, nhập số liệu vào dòng của đơn vị trên trang "${r.periodLabel}", kiểm tra rồi tích ô "Xác nhận gửi":`,
    sheetUrl,
    "",
    "Nếu đơn vị đã gửi báo cáo, xin bỏ qua thư này. Thư được gửi tự động từ bảng tính tổng hợp báo cáo; vui lòng không trả lời thư này.",
    "",
    `Văn phòng ${t.plan.issuer.name}`,
  ].join("\n");
  return { subject, body };
}

/** One preview line: unit, emails, period, days to or past the deadline. */
export function previewLine(r: Reminder): string {
  return `${r.unitCode} – ${r.unitName}: ${r.emails.join(", ")} · ${r.periodLabel} · ${offsetText(r.offset)}${r.draft ? " · chưa tích Xác nhận gửi" : ""}`;
}

/** Splits ledger lines into property values of at most `max` characters (Apps Script keeps ≤ 9 KB a value). */
export function packLines(lines: readonly string[], max = 8000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const l of lines) {
    if (l.length + 1 > max) throw new RangeError("line longer than a chunk");
    if (cur && cur.length + 1 + l.length > max) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur}\n${l}` : l;
  }
  if (cur) out.push(cur);
  return out;
}

/** The lines of packed chunks, back. */
export const unpackLines = (chunks: readonly string[]): string[] =>
  chunks.flatMap((c) => c.split("\n")).filter(Boolean);
