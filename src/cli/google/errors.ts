/** Turns what Google (or the network) answered into one Vietnamese message saying what to do. */
import { AppError } from "../../core/model/problem.js";
import type { GoogleIdentity } from "./credentials.js";

/** The parts of a gaxios error this module reads. */
interface HttpFailure {
  code?: unknown;
  status?: unknown;
  message?: unknown;
  cause?: { code?: unknown };
  response?: { status?: number; data?: unknown; headers?: unknown };
}

/** What went wrong, in a form the retry loop and the messages can use. */
export interface Failure {
  /** HTTP status, when Google answered. */
  status?: number;
  /** Network error code (ECONNREFUSED…), when it did not. */
  network?: string;
  /** OAuth error ("invalid_grant"…) from the token endpoint. */
  oauth?: string;
  oauthDescription?: string;
  /** Google API error: message, status ("PERMISSION_DENIED"), reasons. */
  apiMessage?: string;
  apiStatus?: string;
  reasons: string[];
  /** Seconds from a Retry-After header. */
  retryAfter?: number;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETDOWN",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "CERT_HAS_EXPIRED",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
]);

const headerOf = (headers: unknown, name: string): string | undefined => {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name.toLowerCase()];
  return typeof v === "string" ? v : undefined;
};

/** Reads a thrown value; null when it is neither an HTTP answer nor a network failure. */
export function describeFailure(e: unknown): Failure | null {
  if (!e || typeof e !== "object") return null;
  const f = e as HttpFailure;
  const status = f.response?.status ?? (typeof f.status === "number" ? f.status : undefined);
  const codes = [f.code, f.cause?.code].filter((c): c is string => typeof c === "string");
  const network = codes.find((c) => NETWORK_CODES.has(c));
  if (status === undefined) return network ? { network, reasons: [] } : null;
  const data = f.response?.data as Record<string, unknown> | undefined;
  const out: Failure = { status, reasons: [] };
  if (data && typeof data.error === "string") {
    out.oauth = data.error;
    if (typeof data.error_description === "string") out.oauthDescription = data.error_description;
  } else if (data?.error && typeof data.error === "object") {
    const err = data.error as { message?: unknown; status?: unknown; details?: unknown; errors?: unknown };
    if (typeof err.message === "string") out.apiMessage = err.message;
    if (typeof err.status === "string") out.apiStatus = err.status;
    for (const d of [
      ...(Array.isArray(err.details) ? err.details : []),
      ...(Array.isArray(err.errors) ? err.errors : []),
    ]) {
      const reason = (d as { reason?: unknown }).reason;
      if (typeof reason === "string") out.reasons.push(reason);
    }
  }
  const ra = Number(headerOf(f.response?.headers, "retry-after"));
  if (Number.isFinite(ra) && ra >= 0) out.retryAfter = ra;
  return out;
}

/** True for answers worth asking again: quota (429), Google's own failures (5xx), a dropped connection. */
export function isRetryable(f: Failure): boolean {
  if (f.oauth) return false;
  if (f.status !== undefined) return f.status === 429 || (f.status >= 500 && f.status <= 504);
  return (
    f.network === "ECONNRESET" || f.network === "ETIMEDOUT" || f.network === "EPIPE" || f.network === "UND_ERR_SOCKET"
  );
}

/** The error for a private key the crypto library cannot use (a damaged key file), else null. */
export function keyFailure(e: unknown, identity: GoogleIdentity): AppError | null {
  const code = e && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
  if (typeof code !== "string" || !code.startsWith("ERR_OSSL")) return null;
  return new AppError("google.key-invalid", `Không dùng được private_key trong tệp khóa (${identity.origin}).`, [
    "Tải lại tệp khóa (.json) của tài khoản dịch vụ từ Google Cloud Console; đừng sửa nội dung tệp.",
  ]);
}

/** What the message needs to know about the request. */
export interface FailureContext {
  spreadsheetId: string;
  identity: GoogleIdentity;
  /** How many times the request was sent. */
  attempts: number;
}

const who = (i: GoogleIdentity) =>
  i.kind === "service-account"
    ? `tài khoản dịch vụ ${i.email}`
    : i.email
      ? `tài khoản ${i.email}`
      : "tài khoản Google đã đăng nhập";

/** A refusal by Google's token endpoint: a service account's key, an expired login, anything else. */
function oauthError(f: Failure & { oauth: string }, i: GoogleIdentity): AppError {
  if (f.oauth === "invalid_grant" && i.kind === "service-account") {
    return new AppError(
      "google.key-rejected",
      `Google từ chối khóa của ${who(i)} (${f.oauth}${f.oauthDescription ? `: ${f.oauthDescription}` : ""}).`,
      [
        "Khóa có thể đã bị xóa hoặc vô hiệu hóa: tạo khóa mới trong Google Cloud Console → IAM → Tài khoản dịch vụ → Khóa.",
        "Nếu khóa còn hiệu lực, kiểm tra đồng hồ máy tính (ngày giờ sai cũng bị từ chối).",
      ],
    );
  }
  if (f.oauth === "invalid_grant") {
    return new AppError("google.login-expired", `Phiên đăng nhập Google (${i.origin}) đã hết hạn hoặc bị thu hồi.`, [
      "Chạy lại tong-hop login để đăng nhập lại.",
    ]);
  }
  return new AppError(
    "google.auth-refused",
    `Google từ chối đăng nhập (${f.oauth}${f.oauthDescription ? `: ${f.oauthDescription}` : ""}).`,
    [
      i.kind === "service-account"
        ? "Tải lại tệp khóa của tài khoản dịch vụ từ Google Cloud Console."
        : "Chạy lại tong-hop login (dùng tệp OAuth client loại Desktop app).",
    ],
  );
}

/** A 403: the Sheets API not enabled for the project, or the spreadsheet not shared with the account. */
function forbiddenError(f: Failure, i: GoogleIdentity, id: string, detail: string): AppError {
  const disabled =
    f.reasons.includes("SERVICE_DISABLED") ||
    f.reasons.includes("accessNotConfigured") ||
    /has not been used|is disabled/i.test(f.apiMessage ?? "");
  if (disabled) {
    return new AppError(
      "google.api-disabled",
      `Dự án Google Cloud của ${who(i)} chưa bật Google Sheets API.${detail}`,
      [
        "Mở https://console.cloud.google.com/apis/library/sheets.googleapis.com, chọn đúng dự án, bấm Bật (Enable), đợi vài phút rồi chạy lại.",
      ],
    );
  }
  const share =
    i.kind === "service-account"
      ? `Mở bảng tính → Chia sẻ → thêm ${i.email} với quyền Người xem, rồi chạy lại.`
      : `Nhờ chủ bảng tính chia sẻ (quyền Người xem) cho ${i.email ?? "tài khoản bạn đã đăng nhập"}, hoặc đăng nhập tài khoản khác bằng tong-hop login.`;
  return new AppError(
    "google.no-access",
    `${who(i)[0].toUpperCase()}${who(i).slice(1)} không có quyền xem bảng tính ${id}.`,
    [share],
  );
}

/** The Vietnamese error for a failure. */
export function failureToAppError(f: Failure, ctx: FailureContext): AppError {
  const id = ctx.spreadsheetId;
  const i = ctx.identity;
  if (f.network) {
    return new AppError(
      "google.network",
      `Không kết nối được tới Google (${f.network})${id ? ` để đọc bảng tính ${id}` : ""}.`,
      [
        "Kiểm tra kết nối Internet (và proxy, nếu cơ quan dùng proxy: đặt biến HTTPS_PROXY), rồi chạy lại.",
        "Khi không có mạng: tải bảng tính về máy (Tệp → Tải xuống → Microsoft Excel .xlsx) và dùng --input thay cho --sheet.",
      ],
    );
  }
  if (f.oauth) return oauthError({ ...f, oauth: f.oauth }, i);
  const detail = f.apiMessage ? ` Google trả lời: ${f.apiMessage}` : "";
  switch (f.status) {
    case 401:
      return new AppError(
        "google.unauthenticated",
        `Google không chấp nhận thông tin đăng nhập của ${who(i)} (mã 401).${detail}`,
        [
          i.kind === "service-account"
            ? "Tạo khóa mới cho tài khoản dịch vụ rồi chạy lại với --credentials."
            : "Chạy lại tong-hop login.",
        ],
      );
    case 403:
      return forbiddenError(f, i, id, detail);
    case 404:
      return new AppError("google.not-found", `Không tìm thấy bảng tính ${id} trên Google Sheets.`, [
        "Kiểm tra lại mã bảng tính (phần giữa /d/ và /edit trong đường dẫn) hoặc dán cả đường dẫn; bảng tính có thể đã bị xóa.",
        "Tệp .xlsx tải lên Google Drive chưa chuyển sang Google Sheets thì không đọc được: mở tệp, chọn Tệp → Lưu dưới dạng Google Trang tính.",
      ]);
    case 429:
      return new AppError(
        "google.quota",
        `Google Sheets đang giới hạn số lần đọc (mã 429), đã thử ${ctx.attempts} lần.${detail}`,
        ["Chờ khoảng một phút rồi chạy lại; nếu thường xuyên gặp, giảm số lệnh chạy cùng lúc với cùng tài khoản."],
      );
    default:
      if (f.status !== undefined && f.status >= 500) {
        return new AppError(
          "google.server",
          `Máy chủ Google Sheets đang lỗi (mã ${f.status}), đã thử ${ctx.attempts} lần.${detail}`,
          ["Thử lại sau ít phút."],
        );
      }
      return new AppError(
        "google.request",
        `Google Sheets từ chối yêu cầu đọc bảng tính ${id} (mã ${f.status}).${detail}`,
        ["Kiểm tra lại mã bảng tính; nếu vẫn lỗi, gửi thông báo này cho người hỗ trợ kỹ thuật."],
      );
  }
}
