/**
 * A loopback stand-in for Google: the Sheets API v4 endpoints the CLI calls (spreadsheets.get
 * with partial-response fields, values.batchGet with UNFORMATTED_VALUE / SERIAL_NUMBER), the
 * OAuth 2.0 token endpoint (service-account JWT assertions checked against the test key,
 * authorization codes with PKCE, refresh tokens) and the consent page. The real googleapis
 * client talks real HTTP to it on 127.0.0.1.
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A cell as the fake stores it. Dates are wall-clock (UTC fields = Vietnam time), as Sheets shows them. */
export type FakeCell = string | number | boolean | Date | { error: string } | null | undefined;

/** A merged block, 0-based and end-exclusive, as the API describes it. */
export interface FakeMerge {
  startRowIndex: number;
  endRowIndex: number;
  startColumnIndex: number;
  endColumnIndex: number;
}

/** One tab. */
export interface FakeSheet {
  title: string;
  /** "OBJECT" is a chart sheet: no values; asking for them is a 400, as on Google. */
  sheetType?: "GRID" | "OBJECT";
  rows: FakeCell[][];
  merges?: FakeMerge[];
}

/** One spreadsheet and who may read it. */
export interface FakeSpreadsheet {
  id: string;
  title: string;
  sheets: FakeSheet[];
  /** Accounts (service-account or user e-mails) it is shared with. */
  sharedWith: string[];
}

/** What the fake saw. */
export interface SeenRequest {
  kind: "token" | "get" | "batchGet" | "consent" | "other";
  method: string;
  url: URL;
  status: number;
  /** For token requests: the grant type. */
  grant?: string;
}

type Kind = SeenRequest["kind"];

/** The Sheets serial of a wall-clock Date: days since 1899-12-30. */
export const toSerial = (d: Date): number => d.getTime() / 86_400_000 + 25569;

const SCOPE = "https://www.googleapis.com/auth/spreadsheets.readonly";
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

const colName = (i: number): string => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const colIndex = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A field-mask tree: `a.b,c(d,e)` → { a: { b: true }, c: { d: true, e: true } }. */
type FieldTree = { [k: string]: FieldTree | true };

/** Parses the partial-response `fields` syntax (dots or slashes for paths, parentheses for groups). */
export function parseFields(s: string): FieldTree {
  let i = 0;
  const list = (): FieldTree => {
    const out: FieldTree = {};
    for (;;) {
      const start = i;
      while (i < s.length && !",()".includes(s[i])) i++;
      const path = s.slice(start, i).trim().split(/[./]/).filter(Boolean);
      let leaf: FieldTree | true = true;
      if (s[i] === "(") {
        i++;
        leaf = list();
        i++; // ")"
      }
      let node = out;
      path.forEach((p, k) => {
        if (k === path.length - 1) {
          const prev = node[p];
          node[p] = prev && prev !== true && leaf !== true ? { ...prev, ...leaf } : leaf;
        } else {
          const next = node[p];
          node = node[p] = next && next !== true ? next : {};
        }
      });
      if (s[i] === ",") {
        i++;
        continue;
      }
      return out;
    }
  };
  return list();
}

/** Keeps only the fields in `tree` (arrays are filtered element by element). */
export function applyFields(v: unknown, tree: FieldTree | true): unknown {
  if (tree === true || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => applyFields(x, tree));
  const out: Record<string, unknown> = {};
  for (const [k, sub] of Object.entries(tree))
    if (k in (v as object)) out[k] = applyFields((v as Record<string, unknown>)[k], sub);
  return out;
}

/** The value the API returns for a cell with UNFORMATTED_VALUE and SERIAL_NUMBER. */
function apiValue(c: FakeCell): string | number | boolean {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return toSerial(c);
  if (typeof c === "object") return c.error;
  return c;
}

/** A service-account key for tests: a fresh RSA key pair and the JSON Google would hand out. */
export function makeServiceAccountKey(
  email: string,
  tokenUri: string,
): { json: Record<string, string>; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    json: {
      type: "service_account",
      project_id: "tong-hop-test",
      private_key_id: randomBytes(8).toString("hex"),
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      client_email: email,
      client_id: "100000000000000000001",
      token_uri: tokenUri,
    },
    publicKey: createPublicKey(publicKey.export({ type: "spki", format: "pem" })),
  };
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  account: string;
}

/** The fake Google. Start with {@link FakeGoogle.start}; close when done. */
export class FakeGoogle {
  readonly requests: SeenRequest[] = [];
  private readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  private readonly serviceAccounts = new Map<string, KeyObject>();
  private readonly clients = new Map<string, { secret: string; account: string }>();
  private readonly tokens = new Map<string, string>();
  private readonly refreshTokens = new Map<string, { clientId: string; account: string }>();
  private readonly codes = new Map<string, PendingCode>();
  private readonly faults: { kind: Kind; status: number; left: number }[] = [];
  /** Consent page behaviour: "allow" redirects with a code, "deny" with error=access_denied. */
  consent: "allow" | "deny" = "allow";

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Listens on 127.0.0.1, random port. */
  static async start(): Promise<FakeGoogle> {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const fake = new FakeGoogle(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on("request", (req, res) => {
      fake.handle(req, res).catch((e) => {
        res
          .writeHead(500, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { code: 500, message: String(e), status: "INTERNAL" } }));
      });
    });
    return fake;
  }

  /** Root URL for the Sheets client (rootUrl). */
  get rootUrl(): string {
    return `${this.url}/`;
  }
  /** Token endpoint. */
  get tokenUrl(): string {
    return `${this.url}/token`;
  }
  /** Consent page. */
  get authUrl(): string {
    return `${this.url}/o/oauth2/v2/auth`;
  }

  addSpreadsheet(s: FakeSpreadsheet): void {
    this.spreadsheets.set(s.id, s);
  }
  /** A service account whose assertions are checked with `publicKey`. */
  addServiceAccount(email: string, publicKey: KeyObject): void {
    this.serviceAccounts.set(email, publicKey);
  }
  /** A Desktop OAuth client; whoever consents is `account`. */
  addOAuthClient(clientId: string, secret: string, account: string): void {
    this.clients.set(clientId, { secret, account });
  }
  /** The next `times` requests of `kind` get `status` (Infinity: every one). */
  fail(kind: Kind, status: number, times: number): void {
    this.faults.push({ kind, status, left: times });
  }
  /** How many requests of `kind` arrived. */
  count(kind: Kind): number {
    return this.requests.filter((r) => r.kind === kind).length;
  }
  /** Forgets the request log. */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const body = await new Promise<string>((r) => {
      let s = "";
      req
        .setEncoding("utf8")
        .on("data", (c: string) => (s += c))
        .on("end", () => r(s));
    });
    const kind: Kind =
      req.method === "POST" && url.pathname === "/token"
        ? "token"
        : url.pathname === "/o/oauth2/v2/auth"
          ? "consent"
          : /^\/v4\/spreadsheets\/[^/]+\/values:batchGet$/.test(url.pathname)
            ? "batchGet"
            : /^\/v4\/spreadsheets\/[^/:]+$/.test(url.pathname)
              ? "get"
              : "other";
    const seen: SeenRequest = { kind, method: req.method ?? "GET", url, status: 200 };
    this.requests.push(seen);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      seen.status = status;
      res
        .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
        .end(JSON.stringify(data));
    };
    const apiError = (status: number, message: string, gStatus: string) =>
      send(status, { error: { code: status, message, status: gStatus } });

    const fault = this.faults.find((f) => f.kind === kind && f.left > 0);
    if (fault) {
      fault.left--;
      if (fault.status === 429)
        return apiError(
          429,
          "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'.",
          "RESOURCE_EXHAUSTED",
        );
      return apiError(fault.status, "Injected failure.", fault.status >= 500 ? "UNAVAILABLE" : "FAILED_PRECONDITION");
    }

    if (kind === "token") return this.token(new URLSearchParams(body), req, send, seen);
    if (kind === "consent") return this.consentPage(url, res, seen);
    if (kind === "other") return apiError(404, `No route ${url.pathname}`, "NOT_FOUND");

    const account = this.tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!account)
      return apiError(
        401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token.",
        "UNAUTHENTICATED",
      );
    const id = decodeURIComponent(url.pathname.split("/")[3].replace(/\/values:batchGet$/, ""));
    const ss = this.spreadsheets.get(id);
    if (!ss) return apiError(404, "Requested entity was not found.", "NOT_FOUND");
    if (!ss.sharedWith.includes(account))
      return apiError(403, "The caller does not have permission", "PERMISSION_DENIED");

    if (kind === "get") {
      if (url.searchParams.get("includeGridData") === "true")
        return apiError(400, "This fake does not serve grid data.", "INVALID_ARGUMENT");
      const full = {
        spreadsheetId: ss.id,
        properties: { title: ss.title, locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
        sheets: ss.sheets.map((s, i) => ({
          properties: {
            sheetId: 1000 + i,
            title: s.title,
            index: i,
            sheetType: s.sheetType ?? "GRID",
            gridProperties: { rowCount: Math.max(1000, s.rows.length), columnCount: 26 },
          },
          ...(s.merges?.length ? { merges: s.merges.map((m) => ({ sheetId: 1000 + i, ...m })) } : {}),
        })),
      };
      const fields = url.searchParams.get("fields");
      return send(200, fields ? applyFields(full, parseFields(fields)) : full);
    }

    // values:batchGet
    const q = url.searchParams;
    if (q.get("valueRenderOption") !== "UNFORMATTED_VALUE" || q.get("dateTimeRenderOption") !== "SERIAL_NUMBER") {
      return apiError(
        400,
        "This fake serves only valueRenderOption=UNFORMATTED_VALUE with dateTimeRenderOption=SERIAL_NUMBER.",
        "INVALID_ARGUMENT",
      );
    }
    const valueRanges = [];
    for (const range of q.getAll("ranges")) {
      const parsed = this.range(ss, range);
      if (!parsed) return apiError(400, `Unable to parse range: ${range}`, "INVALID_ARGUMENT");
      valueRanges.push(parsed);
    }
    return send(200, { spreadsheetId: ss.id, valueRanges });
  }

  /** One A1 range: "'Tên'", "Tên", "'Tên'!A1:C5". Trailing blank cells and rows are left out. */
  private range(ss: FakeSpreadsheet, range: string) {
    const m = /^(?:'((?:[^']|'')*)'|([^!]+?))(?:!([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?)?$/.exec(range);
    if (!m) return null;
    const title = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const sheet = ss.sheets.find((s) => s.title === title);
    if (!sheet || sheet.sheetType === "OBJECT") return null;
    const r1 = m[4] ? Number(m[4]) - 1 : 0;
    const c1 = m[3] ? colIndex(m[3]) : 0;
    // "A1" alone is one cell; "A1:C" runs to the last row; a title alone is the whole sheet.
    const single = m[3] !== undefined && m[5] === undefined;
    const r2 = m[6] ? Number(m[6]) - 1 : single && m[4] ? r1 : Infinity;
    const c2 = m[5] ? colIndex(m[5]) : single ? c1 : Infinity;
    const rows = sheet.rows.slice(r1, r2 + 1).map((row) => {
      const cells = (row ?? []).slice(c1, c2 + 1).map(apiValue);
      while (cells.length && cells[cells.length - 1] === "") cells.pop();
      return cells;
    });
    while (rows.length && !rows[rows.length - 1].length) rows.pop();
    const quoted = `'${title.replace(/'/g, "''")}'`;
    const lastRow = Number.isFinite(r2) ? r2 + 1 : Math.max(1000, sheet.rows.length);
    const lastCol = Number.isFinite(c2) ? c2 : 25;
    return {
      range: `${quoted}!${colName(c1)}${r1 + 1}:${colName(lastCol)}${lastRow}`,
      majorDimension: "ROWS",
      ...(rows.length ? { values: rows } : {}),
    };
  }

  private token(
    form: URLSearchParams,
    req: IncomingMessage,
    send: (s: number, d: unknown) => void,
    seen: SeenRequest,
  ): void {
    const grant = form.get("grant_type") ?? "";
    seen.grant = grant;
    const bad = (error: string, description: string) => send(400, { error, error_description: description });
    const issue = (account: string, extra: Record<string, unknown> = {}) => {
      const token = `ya29.fake-${randomBytes(12).toString("hex")}`;
      this.tokens.set(token, account);
      send(200, { access_token: token, expires_in: 3599, token_type: "Bearer", ...extra });
    };
    if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
      const [h, p, sig] = (form.get("assertion") ?? "").split(".");
      let claims: { iss?: string; scope?: string; aud?: string; exp?: number };
      try {
        claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
      } catch {
        return bad("invalid_grant", "Invalid JWT.");
      }
      const key = this.serviceAccounts.get(claims.iss ?? "");
      if (!key) return bad("invalid_grant", "Invalid grant: account not found");
      if (!verify("RSA-SHA256", Buffer.from(`${h}.${p}`), key, Buffer.from(sig ?? "", "base64url")))
        return bad("invalid_grant", "Invalid JWT Signature.");
      if (claims.aud !== GOOGLE_TOKEN_URL || !(claims.exp && claims.exp * 1000 > Date.now()))
        return bad("invalid_grant", "Invalid JWT: aud or exp.");
      if (!(claims.scope ?? "").split(" ").includes(SCOPE))
        return bad("invalid_scope", "The spreadsheets.readonly scope was not requested.");
      return issue(claims.iss!);
    }
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
    const [basicId, basicSecret] = basic ? Buffer.from(basic[1], "base64").toString("utf8").split(":") : [];
    const clientId = form.get("client_id") ?? basicId ?? "";
    const client = this.clients.get(clientId);
    if (!client || (form.get("client_secret") ?? basicSecret) !== client.secret)
      return bad("invalid_client", "The OAuth client was not found.");
    if (grant === "authorization_code") {
      const code = this.codes.get(form.get("code") ?? "");
      if (!code || code.clientId !== clientId) return bad("invalid_grant", "Malformed auth code.");
      this.codes.delete(form.get("code")!);
      if (form.get("redirect_uri") !== code.redirectUri) return bad("redirect_uri_mismatch", "Bad Request");
      const verifier = form.get("code_verifier") ?? "";
      if (createHash("sha256").update(verifier).digest("base64url") !== code.challenge)
        return bad("invalid_grant", "Invalid code verifier.");
      const refresh = `1//fake-${randomBytes(12).toString("hex")}`;
      this.refreshTokens.set(refresh, { clientId, account: code.account });
      const idToken = `${[
        { alg: "none" },
        { iss: "https://accounts.google.com", email: code.account, email_verified: true },
      ]
        .map((x) => Buffer.from(JSON.stringify(x)).toString("base64url"))
        .join(".")}.`;
      return issue(code.account, { refresh_token: refresh, id_token: idToken, scope: `${SCOPE} openid email` });
    }
    if (grant === "refresh_token") {
      const r = this.refreshTokens.get(form.get("refresh_token") ?? "");
      if (!r || r.clientId !== clientId) return bad("invalid_grant", "Token has been expired or revoked.");
      return issue(r.account);
    }
    return bad("unsupported_grant_type", `Invalid grant_type: ${grant}`);
  }

  /** The consent page, already "clicked": redirects back with a code (or a refusal). */
  private consentPage(url: URL, res: ServerResponse, seen: SeenRequest): void {
    const q = url.searchParams;
    const client = this.clients.get(q.get("client_id") ?? "");
    const redirect = q.get("redirect_uri") ?? "";
    const fail = (m: string) => {
      seen.status = 400;
      res.writeHead(400, { "content-type": "text/plain" }).end(m);
    };
    if (!client) return fail("invalid_client");
    // Desktop clients may only come back to the loopback address.
    if (!/^http:\/\/127\.0\.0\.1:\d+\/?$/.test(redirect)) return fail("redirect_uri_mismatch");
    if (q.get("response_type") !== "code" || q.get("code_challenge_method") !== "S256" || !q.get("code_challenge"))
      return fail("invalid_request: PKCE S256 required");
    if (!(q.get("scope") ?? "").split(" ").includes(SCOPE)) return fail("invalid_scope");
    const back = new URL(redirect);
    back.searchParams.set("state", q.get("state") ?? "");
    if (this.consent === "deny") back.searchParams.set("error", "access_denied");
    else {
      const code = `4/fake-${randomBytes(8).toString("hex")}`;
      this.codes.set(code, {
        clientId: q.get("client_id")!,
        redirectUri: redirect,
        challenge: q.get("code_challenge")!,
        account: client.account,
      });
      back.searchParams.set("code", code);
    }
    seen.status = 302;
    res.writeHead(302, { location: back.toString() }).end();
  }
}
