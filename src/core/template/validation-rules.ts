/** Describes the native data-validation rule each column gets, for Sheets and for .xlsx. */
import type { ColumnSpec } from "./columns.js";
import { TASK_INPUT_STATUSES } from "./columns.js";
import { vnNumber } from "../vn/show.js";

/** A data-validation rule independent of the spreadsheet program. */
export interface ValidationRule {
  kind: "integer" | "number" | "list" | "date" | "checkbox" | "text" | "none";
  min?: number;
  max?: number;
  list?: string[];
  /** Shown to the unit when the value is refused (Vietnamese). */
  helpText: string;
  /** Refuse the value (true) or only warn. */
  strict: boolean;
}

/** The rule for a column, derived from the template. */
export function describeValidation(c: ColumnSpec): ValidationRule {
  if (c.kind === "indicator" && c.indicator) {
    const ind = c.indicator;
    // Limits written the Vietnamese way (1.000; 0,5), as the unit types them.
    const range =
      ind.min !== undefined && ind.max !== undefined
        ? ` từ ${vnNumber(ind.min)} đến ${vnNumber(ind.max)}`
        : ind.min !== undefined
          ? ` từ ${vnNumber(ind.min)} trở lên`
          : ind.max !== undefined
            ? ` không quá ${vnNumber(ind.max)}`
            : "";
    switch (ind.type) {
      case "integer":
        return {
          kind: "integer",
          min: ind.min,
          max: ind.max,
          // Digits only: "1.234" typed on an English-locale computer is stored as 1,234 (a decimal).
          helpText: `Nhập số nguyên${range}${ind.unit ? ` (${ind.unit})` : ""}, chỉ gồm chữ số, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn (ví dụ 1234). Không có số liệu thì để trống.`,
          strict: false,
        };
      case "number":
        return {
          kind: "number",
          min: ind.min,
          max: ind.max,
          helpText: `Nhập số${range}${ind.unit ? ` (${ind.unit})` : ""}, phần thập phân dùng dấu phẩy (ví dụ 12,5).`,
          strict: false,
        };
      case "choice":
        return {
          kind: "list",
          list: ind.choices ?? [],
          helpText: `Chọn một giá trị trong danh sách: ${(ind.choices ?? []).join("; ")}.`,
          strict: true,
        };
      case "boolean":
        return { kind: "checkbox", helpText: "Đánh dấu nếu có.", strict: true };
      case "date":
        return { kind: "date", helpText: "Nhập ngày dạng ngày/tháng/năm, ví dụ 05/05/2023.", strict: false };
      case "text":
        return { kind: "text", helpText: "Nhập nội dung.", strict: false };
    }
  }
  switch (c.kind) {
    case "task-status":
      return {
        kind: "list",
        list: [...TASK_INPUT_STATUSES],
        helpText: `Chọn: ${TASK_INPUT_STATUSES.join("; ")}.`,
        strict: true,
      };
    case "task-date":
      return { kind: "date", helpText: "Ngày hoàn thành nhiệm vụ, dạng ngày/tháng/năm.", strict: false };
    case "submitted":
      return { kind: "checkbox", helpText: "Tích khi đơn vị đã kiểm tra xong và gửi báo cáo.", strict: true };
    case "submitted-at":
      return { kind: "date", helpText: "Tự điền khi tích Xác nhận gửi.", strict: false };
    default:
      return { kind: "none", helpText: "", strict: false };
  }
}
