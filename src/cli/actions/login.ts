/** `tong-hop login`: signs in with a Google account so --sheet can read what it may read. */
import { resolveEndpoints, type GoogleEndpoints } from "../google/endpoints.js";
import { oauthLogin } from "../google/oauth-login.js";
import { removeStoredLogin, tokenPath } from "../google/token-store.js";

/** Options of the login command. */
export interface LoginCommandOptions {
  /** OAuth client JSON (Desktop app). */
  client?: string;
  /** commander's --no-browser gives browser: false. */
  browser?: boolean;
  /** Forget the stored login instead. */
  logout?: boolean;
  /** Environment and endpoints (tests). */
  env?: NodeJS.ProcessEnv;
  endpoints?: Partial<GoogleEndpoints>;
  timeoutMs?: number;
}

/** Logs in (or out) and says where the token is. */
export async function loginCommand(o: LoginCommandOptions): Promise<number> {
  const env = o.env ?? process.env;
  if (o.logout) {
    const had = await removeStoredLogin(env);
    process.stdout.write(had ? `Đã đăng xuất: xóa ${tokenPath(env)}.\n` : "Chưa đăng nhập nên không có gì để xóa.\n");
    return 0;
  }
  const r = await oauthLogin({
    client: o.client,
    env,
    endpoints: resolveEndpoints(env, o.endpoints),
    openBrowser: o.browser !== false,
    timeoutMs: o.timeoutMs,
    showUrl: (url) =>
      process.stdout.write(
        `Mở địa chỉ sau trong trình duyệt để đăng nhập Google (nếu trình duyệt chưa tự mở):\n\n${url}\n\nĐang chờ đăng nhập…\n`,
      ),
  });
  process.stdout.write(
    `Đã đăng nhập${r.account ? ` bằng ${r.account}` : ""}. Mã đăng nhập lưu tại ${r.file} (chỉ tài khoản máy tính của bạn đọc được).\n`,
  );
  process.stdout.write("Bây giờ có thể chạy: tong-hop compile --sheet <đường dẫn bảng tính> -p <kỳ> -o bao-cao.xlsx\n");
  return 0;
}
