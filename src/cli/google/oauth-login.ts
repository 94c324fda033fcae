/** `tong-hop login`: Google's installed-app OAuth flow with a loopback redirect and PKCE. */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { AppError } from "../../core/model/problem.js";
import { SHEETS_READONLY_SCOPE } from "./credentials.js";
import type { GoogleEndpoints } from "./endpoints.js";
import { describeFailure, failureToAppError } from "./errors.js";
import { loadGoogle } from "./load-google.js";
import { writeStoredLogin } from "./token-store.js";

/** Options of {@link oauthLogin}. */
export interface LoginOptions {
  /** The OAuth client JSON ("Desktop app") from Google Cloud Console; else TONG_HOP_OAUTH_CLIENT. */
  client?: string;
  env: NodeJS.ProcessEnv;
  endpoints: GoogleEndpoints;
  /** Try to open the consent page in the default browser. */
  openBrowser: boolean;
  /** Shows the consent address to the user (always called: the browser may not open). */
  showUrl: (url: string) => void;
  /** How long to wait for the browser to come back. */
  timeoutMs?: number;
}

/** What a successful login stored. */
export interface LoginResult {
  file: string;
  account?: string;
}

interface ClientSecret {
  clientId: string;
  clientSecret: string;
}

async function readClient(o: LoginOptions): Promise<ClientSecret> {
  const path = o.client ?? o.env.TONG_HOP_OAUTH_CLIENT;
  if (!path) {
    throw new AppError("login.no-client", "Chưa có tệp OAuth client để đăng nhập.", [
      'Trong Google Cloud Console → API và dịch vụ → Thông tin xác thực, tạo "Mã ứng dụng khách OAuth" loại Ứng dụng dành cho máy tính (Desktop app), tải tệp JSON về.',
      "Rồi chạy: tong-hop login --client client_secret.json (hoặc đặt biến môi trường TONG_HOP_OAUTH_CLIENT).",
    ]);
  }
  const file = resolve(path);
  let json: { installed?: { client_id?: string; client_secret?: string }; web?: unknown };
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new AppError("login.bad-client", `Không đọc được tệp OAuth client "${file}".`, [
      "Tải lại tệp JSON của mã ứng dụng khách OAuth (loại Desktop app) từ Google Cloud Console.",
    ]);
  }
  if (json.web && !json.installed) {
    throw new AppError(
      "login.web-client",
      `Tệp "${file}" là OAuth client loại Ứng dụng web; tong-hop cần loại Ứng dụng dành cho máy tính (Desktop app).`,
      ["Tạo thêm một mã ứng dụng khách OAuth loại Desktop app và dùng tệp JSON của nó."],
    );
  }
  const c = json.installed;
  if (!c?.client_id || !c.client_secret) {
    throw new AppError(
      "login.bad-client",
      `Tệp "${file}" không phải tệp OAuth client (thiếu installed.client_id hoặc client_secret).`,
      ["Tải lại tệp JSON của mã ứng dụng khách OAuth (loại Desktop app) từ Google Cloud Console."],
    );
  }
  return { clientId: c.client_id, clientSecret: c.client_secret };
}

/** Best effort: the user can always copy the printed address. */
function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === "win32"
      ? ["cmd", ["/c", "start", "", url]]
      : process.platform === "darwin"
        ? ["open", [url]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // No browser opener on this machine; the address was printed.
  }
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;max-width:36em;margin:4em auto"><h1>${title}</h1><p>${text}</p></body></html>`;

/** Waits for the one redirect that carries `state`; resolves with the code. */
function waitForCode(server: Server, state: string, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () =>
        fail(
          new AppError("login.timeout", "Hết thời gian chờ đăng nhập Google.", [
            "Chạy lại tong-hop login và hoàn tất đăng nhập trong trình duyệt.",
          ]),
        ),
      timeoutMs,
    );
    server.on("request", (req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const code = url.searchParams.get("code");
      const error = url.searchParams.get("error");
      // Browsers also ask for /favicon.ico; only the redirect carries our state.
      if (url.searchParams.get("state") !== state || (!code && !error)) {
        res.writeHead(404).end();
        return;
      }
      clearTimeout(timer);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      if (error) {
        res.end(PAGE("Chưa đăng nhập", "Bạn đã không cho phép truy cập. Có thể đóng cửa sổ này."));
        fail(
          new AppError("login.denied", `Google không cấp quyền (${error}).`, [
            "Chạy lại tong-hop login và bấm Cho phép (Allow) để tong-hop được xem bảng tính.",
          ]),
        );
      } else {
        res.end(
          PAGE("Đã đăng nhập", "tong-hop đã nhận quyền xem bảng tính. Có thể đóng cửa sổ này và quay lại cửa sổ lệnh."),
        );
        done(code!);
      }
    });
  });
}

/** The e-mail in an ID token's payload (it came straight from the token endpoint over TLS). */
function emailOf(idToken: string | null | undefined): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from((idToken ?? "").split(".")[1] ?? "", "base64url").toString("utf8")) as {
      email?: unknown;
    };
    return typeof payload.email === "string" ? payload.email : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Logs in: listens on 127.0.0.1 (random port), sends the user to Google's consent page
 * (read-only Sheets scope, PKCE S256, a random state), takes the code from the redirect,
 * exchanges it for a refresh token and stores it (mode 0600) in the config folder.
 */
export async function oauthLogin(o: LoginOptions): Promise<LoginResult> {
  const client = await readClient(o);
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const port = (server.address() as AddressInfo).port;
    const { auth } = await loadGoogle();
    const oauth = new auth.OAuth2({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: `http://127.0.0.1:${port}`,
      endpoints: { oauth2AuthBaseUrl: o.endpoints.authUrl, oauth2TokenUrl: o.endpoints.tokenUrl },
    });
    const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
    const state = randomBytes(16).toString("hex");
    const url = oauth.generateAuthUrl({
      access_type: "offline",
      // "consent" makes Google return a refresh token even when this client was allowed before.
      prompt: "consent",
      scope: [SHEETS_READONLY_SCOPE, "openid", "email"],
      state,
      code_challenge_method: "S256" as never,
      code_challenge: codeChallenge,
    });
    o.showUrl(url);
    if (o.openBrowser) openInBrowser(url);
    const code = await waitForCode(server, state, o.timeoutMs ?? 5 * 60_000);
    let tokens;
    try {
      ({ tokens } = await oauth.getToken({ code, codeVerifier }));
    } catch (e) {
      const f = describeFailure(e);
      if (!f) throw e;
      throw failureToAppError(f, {
        spreadsheetId: "",
        identity: { kind: "user", origin: "tong-hop login" },
        attempts: 1,
      });
    }
    if (!tokens.refresh_token) {
      throw new AppError(
        "login.no-refresh-token",
        "Google không trả mã làm mới (refresh token) nên không lưu được đăng nhập.",
        [
          "Chạy lại tong-hop login; nếu vẫn vậy, gỡ quyền của ứng dụng tại https://myaccount.google.com/permissions rồi đăng nhập lại.",
        ],
      );
    }
    const account = emailOf(tokens.id_token);
    const file = await writeStoredLogin(o.env, {
      type: "authorized_user",
      client_id: client.clientId,
      client_secret: client.clientSecret,
      refresh_token: tokens.refresh_token,
      ...(account ? { account } : {}),
    });
    return { file, account };
  } finally {
    server.close();
    server.closeAllConnections();
  }
}
