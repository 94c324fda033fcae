/** Keeps a built report in the user's cache for the download dialog to fetch (no Drive). */
import { AppError } from "../../core/model/problem.js";
import { chunkText } from "../platform/bytes.js";
import type { ReportFilePayload } from "./download-dialog.js";
import { safeFileName } from "../platform/file-name.js";

const PREFIX = "tong-hop:report:";
const CHUNK = 90_000;
/** The dialog must fetch the file within this many seconds. */
export const REPORT_TTL_SECONDS = 1800;

/** Stores the file's base64 in chunks; returns the token the dialog passes back. */
export function storeReport(file: ReportFilePayload): string {
  const token = Utilities.getUuid();
  const parts = chunkText(file.base64, CHUNK);
  const values: Record<string, string> = {
    [PREFIX + token]: JSON.stringify({ fileName: file.fileName, mimeType: file.mimeType, parts: parts.length }),
  };
  parts.forEach((p, i) => (values[`${PREFIX}${token}:${i}`] = p));
  CacheService.getUserCache().putAll(values, REPORT_TTL_SECONDS);
  return token;
}

/**
 * google.script.run target of the dialog: the stored file as `{ fileName, mimeType, base64 }`.
 * @throws AppError "report.expired" when the cache no longer holds it.
 */
export function layTepBaoCao(token: unknown): ReportFilePayload {
  if (typeof token !== "string" || !/^[\w-]{8,64}$/.test(token))
    throw new AppError("report.bad-token", "Yêu cầu tải tệp không hợp lệ.");
  const cache = CacheService.getUserCache();
  const head = cache.get(PREFIX + token);
  const expired = new AppError(
    "report.expired",
    "Tệp báo cáo đã hết hạn lưu tạm (30 phút). Hãy chạy lại Báo cáo → Tổng hợp báo cáo.",
  );
  if (!head) throw expired;
  const meta = JSON.parse(head) as { fileName: string; mimeType: string; parts: number };
  const keys = Array.from({ length: meta.parts }, (_, i) => `${PREFIX}${token}:${i}`);
  const got = cache.getAll(keys);
  if (keys.some((k) => typeof got[k] !== "string")) throw expired;
  return { fileName: safeFileName(meta.fileName), mimeType: meta.mimeType, base64: keys.map((k) => got[k]).join("") };
}
