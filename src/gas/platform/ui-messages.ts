/** Turns errors into the Vietnamese text shown in alerts. */
import { AppError } from "../../core/model/problem.js";

/** Title used on toasts and alerts. */
export const APP_TITLE = "Tổng hợp báo cáo";

/** Shown when another compile, set-up, archive or reminder run holds the document lock. */
export const BUSY_MESSAGE =
  "Đang có một lần Tổng hợp báo cáo (hoặc Thiết lập bảng tính, Mở kỳ báo cáo mới, Nhắc hạn) chạy trên bảng tính này, có thể do bạn vừa bấm hai lần hoặc người khác đang chạy. Vui lòng đợi chạy xong rồi mới chạy lại; không cần bấm lại ngay.";

/** The message for a person: an AppError's own text, anything else marked unexpected. */
export function userMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const e = err as { message?: unknown } | undefined;
  const text = e && typeof e.message === "string" ? e.message : String(err);
  return `Lỗi không mong muốn: ${text}\nHãy chụp màn hình thông báo này gửi cho người quản trị bảng tính.`;
}

/** The error's code, for logs. */
export function errorCode(err: unknown): string {
  return err instanceof AppError ? err.code : "unexpected";
}
