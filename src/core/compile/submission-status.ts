/** Judges whether a unit submitted on time, late, or not yet, at a given moment. */
import type { SubmissionStatus } from "../model/compile-result.js";
import { daysBetween, endOfDay } from "../vn/dates.js";
import type { Period } from "../model/template-schema.js";

/** Days before a deadline when a unit that has not submitted is flagged "sắp đến hạn". */
export const DUE_SOON_DAYS = 3;

/** How a ticked row without "Thời gian gửi" is listed in Tổng hợp and Phụ lục II. */
export const NO_TIME_VALUE = "đã xác nhận gửi nhưng chưa có thời gian gửi";

/**
 * Submission status. A submission without a time counts as on time (it is listed as a problem
 * instead of being called late). `asOf` is "YYYY-MM-DD" or a wall-clock "YYYY-MM-DDTHH:mm:ss";
 * the deadline day ends at 23:59:59 local time.
 */
export function submissionStatus(
  period: Pick<Period, "deadline">,
  submitted: boolean,
  submittedAt: string | null,
  asOf: string,
): { status: SubmissionStatus; dueSoon: boolean } {
  const deadlineEnd = endOfDay(period.deadline);
  if (submitted) {
    // A submission with no time is on time while the deadline has not passed; after it, nobody
    // knows, and an on-time unit must never be reported late: "undated", listed for the office.
    if (!submittedAt) return { status: asOf <= deadlineEnd ? "on-time" : "undated", dueSoon: false };
    return { status: submittedAt <= deadlineEnd ? "on-time" : "late", dueSoon: false };
  }
  const asOfDay = asOf.slice(0, 10);
  if (asOf <= deadlineEnd || asOfDay <= period.deadline) {
    const left = daysBetween(asOfDay, period.deadline);
    return { status: "pending", dueSoon: left >= 0 && left <= DUE_SOON_DAYS };
  }
  return { status: "overdue", dueSoon: false };
}
