import { describe, expect, it } from "vitest";
import { errorMessage, redact } from "./redact.js";

describe("redact", () => {
  it("hides emails and Vietnamese phone numbers, in any common spelling", () => {
    const s = redact(
      "Lỗi khi gửi cho ngoquyen@hp.edu.vn, bgh.tranphu@sgddt.edu.vn; gọi 0912345678, 0912 345 678, +84 912.345.678 hoặc 024-3825-1234",
    );
    expect(s).toBe(
      "Lỗi khi gửi cho [email], [email]; gọi [số điện thoại], [số điện thoại], [số điện thoại] hoặc [số điện thoại]",
    );
  });
  it("leaves codes, dates, counts and checksums alone", () => {
    const s =
      "THPT01 quy_1_2024 20/03/2024 1.234 đơn vị 5 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 2024-03-18";
    expect(redact(s)).toBe(s);
  });
});

describe("errorMessage", () => {
  it("reads the message of an error from another realm, or the value itself", () => {
    expect(errorMessage({ message: "Exception: x" })).toBe("Exception: x");
    expect(errorMessage("plain")).toBe("plain");
  });
});
