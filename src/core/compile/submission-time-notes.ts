/** Problems that tell the office where a unit's submission time came from, or that it has none. */
import type { UnitRecord, UnitStatus } from "../model/compile-result.js";
import type { Problem } from "../model/problem.js";
import { formatDateTimeVN } from "../vn/dates.js";
import { NO_TIME_VALUE } from "./submission-status.js";

/**
 * A time taken from the file's properties is said in Phụ lục II (the unit left "Thời gian gửi"
 * blank); a submission with no time at all after the deadline is listed as undated, never late.
 */
export function submissionTimeNotes(
  unit: { code: string; name: string },
  r: UnitRecord | undefined,
  status: UnitStatus["status"],
): Problem[] {
  if (!r?.submitted) return [];
  const base = {
    severity: "warning" as const,
    unitCode: unit.code,
    unitName: unit.name,
    column: "Thời gian gửi",
    columnKey: "thoi_gian_gui",
    row: r.row,
    source: r.source,
  };
  if (r.submittedAtFrom === "file-saved" && r.submittedAt) {
    return [
      {
        ...base,
        code: "submission.file-time",
        value: `(trống) → ${formatDateTimeVN(r.submittedAt)}`,
        message: `Ô Thời gian gửi để trống; dùng thời gian lưu tệp ghi trong thuộc tính tệp (${formatDateTimeVN(r.submittedAt)}) làm thời gian gửi.`,
        fix: "Nếu đơn vị gửi vào lúc khác (xem thời gian email/Zalo), ghi thời gian đó vào ô Thời gian gửi rồi tổng hợp lại.",
      },
    ];
  }
  // Before the deadline a tick with no time is on time, listed; after it, the unit is undated.
  if (!r.submittedAt && status !== "undated") return [noTimeProblem(unit, r)];
  if (status !== "undated") return [];
  return [
    {
      ...base,
      code: "submission.undated",
      value: NO_TIME_VALUE,
      message:
        "Đơn vị đã xác nhận gửi nhưng không rõ thời gian gửi (ô Thời gian gửi trống, tệp không ghi thời gian lưu); đơn vị không bị tính là nộp muộn.",
      fix: "Xem thời gian nhận email/Zalo của đơn vị, ghi vào ô Thời gian gửi (ngày/tháng/năm giờ:phút) rồi tổng hợp lại.",
    },
  ];
}

/** A ticked row with no "Thời gian gửi": listed for the Văn phòng, never judged late (see submissionStatus). */
function noTimeProblem(u: { code: string; name: string }, r: { row?: number; source?: string }): Problem {
  return {
    code: "submission.no-time",
    severity: "warning",
    unitCode: u.code,
    unitName: u.name,
    column: "Thời gian gửi",
    columnKey: "thoi_gian_gui",
    value: NO_TIME_VALUE,
    message:
      "Đơn vị đã xác nhận gửi nhưng chưa có thời gian gửi (không ghi được thời điểm tích); chưa tính là nộp muộn.",
    fix: 'Văn phòng xem thời điểm đơn vị tích "Xác nhận gửi" trong trang Nhật ký (hoặc hỏi đơn vị) rồi ghi vào cột Thời gian gửi.',
    row: r.row,
    source: r.source,
  };
}
