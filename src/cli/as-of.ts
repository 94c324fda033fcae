/** The "today" used for statuses: --as-of, or the current Vietnam wall-clock time. */
import { instantToWallClock } from "../core/vn/dates.js";
import { isoDateTime } from "../core/vn/dates.js";
import { AppError } from "../core/model/problem.js";
import { isRealDate } from "../core/model/template-schema.js";

/** Resolves --as-of (YYYY-MM-DD) or now in Asia/Ho_Chi_Minh. */
export function resolveAsOf(asOf?: string): string {
  if (!asOf) return isoDateTime(instantToWallClock(new Date()));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) {
    throw new AppError("cli.bad-as-of", `Ngày --as-of "${asOf}" không hợp lệ.`, [
      "Ghi dạng YYYY-MM-DD, ví dụ --as-of 2023-05-10.",
    ]);
  }
  return asOf;
}
