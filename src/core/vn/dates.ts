/** Calendar-day and wall-clock helpers; all values are Asia/Ho_Chi_Minh local time. */

/** "YYYY-MM-DD" for the UTC fields of `d` (which hold wall-clock time). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "YYYY-MM-DDTHH:mm:ss" for the UTC fields of `d`. */
export function isoDateTime(d: Date): string {
  return d.toISOString().slice(0, 19);
}

/** Parses "YYYY-MM-DD" (optionally with "THH:mm[:ss]") into a wall-clock Date. */
export function parseIso(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) throw new RangeError(`not an ISO date: ${s}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

/** Adds whole days to a "YYYY-MM-DD". */
export function addDays(day: string, n: number): string {
  const d = parseIso(day);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}

/** Whole days from `a` to `b` (both "YYYY-MM-DD"). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseIso(b).getTime() - parseIso(a).getTime()) / 86_400_000);
}

/** Last day of a month (1-based). */
export function lastDayOfMonth(year: number, month: number): string {
  return isoDay(new Date(Date.UTC(year, month, 0)));
}

/** A deadline day ends at 23:59:59 local time. */
export function endOfDay(day: string): string {
  return `${day}T23:59:59`;
}

/** "dd/mm/yyyy" for a "YYYY-MM-DD…" string. */
export function formatDayVN(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** "dd/mm/yyyy HH:mm" for a wall-clock ISO date-time. */
export function formatDateTimeVN(iso: string): string {
  const t = iso.length >= 16 ? ` ${iso.slice(11, 16)}` : "";
  return formatDayVN(iso) + t;
}

/**
 * "ngày 06 tháng 5 năm 2023" per Nghị định 30/2020: days below 10 and months 1–2 take a
 * leading zero.
 */
export function longDateVN(iso: string): string {
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  const d = iso.slice(8, 10);
  const mm = m <= 2 ? `0${m}` : String(m);
  return `ngày ${d} tháng ${mm} năm ${y}`;
}

/** Excel/Sheets serial day (days since 1899-12-30) to a wall-clock Date. */
export function serialToWallClock(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** Wall-clock Date to an Excel/Sheets serial. */
export function wallClockToSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

/** Vietnam has kept UTC+7 with no daylight saving since 1975. */
export const VN_OFFSET_MS = 7 * 3600 * 1000;

/** Turns an instant into a Date whose UTC fields read as Asia/Ho_Chi_Minh wall-clock time. */
export function instantToWallClock(d: Date): Date {
  return new Date(d.getTime() + VN_OFFSET_MS);
}
