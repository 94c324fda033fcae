import { describe, expect, it } from "vitest";
import { describeFailure, failureToAppError, isRetryable } from "./errors.js";

const SA = { kind: "service-account" as const, email: "doc@du-an.iam.gserviceaccount.com", origin: "--credentials" };
const USER = { kind: "user" as const, email: "vp@so.edu.vn", origin: "tong-hop login" };
const ctx = (identity: typeof SA | typeof USER) => ({ spreadsheetId: "ID123", identity, attempts: 1 });
const http = (status: number, data: unknown, headers: Record<string, string> = {}) => ({
  response: { status, data, headers: new Headers(headers) },
});

describe("describeFailure", () => {
  it("reads API errors, OAuth errors, network codes and Retry-After", () => {
    expect(
      describeFailure(
        http(403, {
          error: { code: 403, message: "m", status: "PERMISSION_DENIED", details: [{ reason: "SERVICE_DISABLED" }] },
        }),
      ),
    ).toMatchObject({ status: 403, apiStatus: "PERMISSION_DENIED", reasons: ["SERVICE_DISABLED"] });
    expect(
      describeFailure(http(400, { error: "invalid_grant", error_description: "Invalid JWT Signature." })),
    ).toMatchObject({ oauth: "invalid_grant", oauthDescription: "Invalid JWT Signature." });
    expect(describeFailure(http(429, {}, { "retry-after": "7" }))).toMatchObject({ status: 429, retryAfter: 7 });
    expect(describeFailure({ code: "ENOTFOUND" })).toMatchObject({ network: "ENOTFOUND" });
    expect(describeFailure({ cause: { code: "ECONNRESET" } })).toMatchObject({ network: "ECONNRESET" });
    expect(describeFailure(new TypeError("bug"))).toBe(null);
  });
});

describe("isRetryable", () => {
  it("retries quota, server errors and dropped connections, never refusals", () => {
    const r = (e: unknown) => isRetryable(describeFailure(e)!);
    expect([429, 500, 503].map((s) => r(http(s, {})))).toEqual([true, true, true]);
    expect([400, 401, 403, 404].map((s) => r(http(s, {})))).toEqual([false, false, false, false]);
    expect(r({ code: "ECONNRESET" })).toBe(true);
    expect(r({ code: "ECONNREFUSED" })).toBe(false);
    expect(r(http(429, { error: "rate_limited" }))).toBe(false);
  });
});

describe("failureToAppError", () => {
  it("tells a disabled Sheets API apart from a sheet that is not shared", () => {
    const disabled = failureToAppError(
      describeFailure(
        http(403, {
          error: { message: "Google Sheets API has not been used in project 123 before or it is disabled." },
        }),
      )!,
      ctx(SA),
    );
    expect(disabled.code).toBe("google.api-disabled");
    expect(disabled.message).toMatch(/sheets\.googleapis\.com/);
    const denied = failureToAppError(
      describeFailure(http(403, { error: { message: "The caller does not have permission" } }))!,
      ctx(SA),
    );
    expect(denied.code).toBe("google.no-access");
    expect(denied.message).toContain("thêm doc@du-an.iam.gserviceaccount.com với quyền Người xem");
  });
  it("says to make a new key, or to log in again, on invalid_grant", () => {
    const f = describeFailure(http(400, { error: "invalid_grant" }))!;
    expect(failureToAppError(f, ctx(SA)).code).toBe("google.key-rejected");
    expect(failureToAppError(f, ctx(USER))).toMatchObject({
      code: "google.login-expired",
      message: expect.stringContaining("tong-hop login"),
    });
  });
  it("counts the attempts in the quota and server messages", () => {
    expect(failureToAppError(describeFailure(http(503, {}))!, { ...ctx(SA), attempts: 5 }).message).toMatch(
      /mã 503\), đã thử 5 lần/,
    );
  });
});
