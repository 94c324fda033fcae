/** Finds the Google credentials the way Google users expect: key file, env variable, login, gcloud. */
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { Auth } from "googleapis";
import { AppError } from "../../core/model/problem.js";
import { redirectTokenRequests, type GoogleEndpoints } from "./endpoints.js";
import { loadGoogle } from "./load-google.js";
import { readStoredLogin, tokenPath } from "./token-store.js";

/** Read-only access to spreadsheets: all the CLI ever needs. */
export const SHEETS_READONLY_SCOPE = "https://www.googleapis.com/auth/spreadsheets.readonly";

/** Who is asking Google, for messages ("share the sheet with …"). */
export interface GoogleIdentity {
  kind: "service-account" | "user";
  /** The service account's client_email, or the logged-in account when known. */
  email?: string;
  /** Where the credentials came from, as the user named them. */
  origin: string;
}

/** An authorised client and who it is. */
export interface GoogleCredentials {
  /** JWT (service account) or UserRefreshClient (login, gcloud): both OAuth2 clients. */
  client: Auth.OAuth2Client;
  identity: GoogleIdentity;
}

/** Where to look. */
export interface CredentialOptions {
  /** --credentials: a service-account key or an "authorized_user" JSON file. */
  credentials?: string;
  env: NodeJS.ProcessEnv;
  endpoints: GoogleEndpoints;
}

/** The gcloud application-default credentials file (`gcloud auth application-default login`). */
export function gcloudAdcPath(env: NodeJS.ProcessEnv): string {
  const dir =
    env.CLOUDSDK_CONFIG ??
    (process.platform === "win32" && env.APPDATA
      ? join(env.APPDATA, "gcloud")
      : join(env.HOME || homedir(), ".config", "gcloud"));
  return join(dir, "application_default_credentials.json");
}

async function readJsonFile(file: string, origin: string, mustExist: boolean): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    if (!mustExist) return null;
    throw new AppError("google.key-missing", `Không tìm thấy tệp khóa Google "${file}" (${origin}).`, [
      "Kiểm tra lại đường dẫn tệp khóa .json tải từ Google Cloud Console.",
    ]);
  }
  try {
    const j = JSON.parse(text) as unknown;
    if (j && typeof j === "object" && !Array.isArray(j)) return j as Record<string, unknown>;
  } catch {
    // Reported below, the same as a JSON that is not an object.
  }
  throw new AppError("google.key-invalid", `Tệp "${file}" (${origin}) không phải tệp khóa Google dạng JSON.`, [
    "Tải lại tệp khóa (.json) của tài khoản dịch vụ từ Google Cloud Console → IAM → Tài khoản dịch vụ → Khóa.",
  ]);
}

/** Checks a credentials JSON and says who it is. */
function identify(json: Record<string, unknown>, file: string, origin: string): GoogleIdentity {
  if (json.installed || json.web) {
    throw new AppError(
      "google.client-file",
      `Tệp "${file}" (${origin}) là tệp OAuth client, không phải khóa tài khoản dịch vụ.`,
      [
        `Dùng tệp này để đăng nhập: tong-hop login --client "${file}"; sau đó chạy lại lệnh mà không cần --credentials.`,
      ],
    );
  }
  if (json.type === "service_account") {
    if (typeof json.client_email !== "string" || typeof json.private_key !== "string") {
      throw new AppError("google.key-invalid", `Tệp khóa "${file}" (${origin}) thiếu client_email hoặc private_key.`, [
        "Tải lại tệp khóa (.json) của tài khoản dịch vụ; đừng sửa nội dung tệp.",
      ]);
    }
    return { kind: "service-account", email: json.client_email, origin };
  }
  if (json.type === "authorized_user")
    return { kind: "user", email: typeof json.account === "string" ? json.account : undefined, origin };
  throw new AppError(
    "google.key-invalid",
    `Tệp "${file}" (${origin}) có loại "${String(json.type ?? "")}", không dùng được để đọc bảng tính.`,
    ["Dùng khóa của tài khoản dịch vụ (type service_account), hoặc đăng nhập bằng tong-hop login."],
  );
}

async function clientFor(
  json: Record<string, unknown>,
  identity: GoogleIdentity,
  endpoints: GoogleEndpoints,
): Promise<GoogleCredentials> {
  const { auth } = await loadGoogle();
  const ga = new auth.GoogleAuth({ credentials: json as never, scopes: [SHEETS_READONLY_SCOPE] });
  const client = (await ga.getClient()) as Auth.OAuth2Client;
  redirectTokenRequests(client, endpoints);
  return { client, identity };
}

/** The message when nothing is set up, with the three ways to fix it. */
export function noCredentialsError(env: NodeJS.ProcessEnv): AppError {
  return new AppError("google.no-credentials", "Chưa có thông tin đăng nhập Google để đọc bảng tính.", [
    "Cách 1 (tài khoản dịch vụ): thêm --credentials khoa.json, hoặc đặt biến môi trường GOOGLE_APPLICATION_CREDENTIALS=khoa.json; rồi chia sẻ bảng tính (quyền Người xem) với email client_email trong tệp khóa.",
    `Cách 2 (tài khoản Google của bạn): chạy tong-hop login --client client_secret.json; mã đăng nhập được lưu ở ${tokenPath(env)}.`,
    "Hướng dẫn từng bước: docs/google-sheets.md.",
  ]);
}

/**
 * The credentials to use, first found wins: --credentials, GOOGLE_APPLICATION_CREDENTIALS,
 * the token saved by `tong-hop login`, gcloud's application-default credentials.
 * The Compute Engine metadata server is not probed: offices run this on their own computers,
 * and probing it offline only adds a long wait before the "no credentials" message.
 * @throws AppError "google.no-credentials" and the key-file errors above.
 */
export async function resolveCredentials(o: CredentialOptions): Promise<GoogleCredentials> {
  const explicit: [string | undefined, string][] = [
    [o.credentials, "--credentials"],
    [o.env.GOOGLE_APPLICATION_CREDENTIALS, "GOOGLE_APPLICATION_CREDENTIALS"],
  ];
  for (const [path, origin] of explicit) {
    if (!path) continue;
    const file = resolve(path);
    const json = (await readJsonFile(file, origin, true))!;
    return clientFor(json, identify(json, file, origin), o.endpoints);
  }
  const login = await readStoredLogin(o.env);
  if (login)
    return clientFor(
      login as unknown as Record<string, unknown>,
      { kind: "user", email: login.account, origin: "tong-hop login" },
      o.endpoints,
    );
  const adc = gcloudAdcPath(o.env);
  const json = await readJsonFile(adc, "gcloud auth application-default login", false);
  if (json) return clientFor(json, identify(json, adc, "gcloud auth application-default login"), o.endpoints);
  throw noCredentialsError(o.env);
}
