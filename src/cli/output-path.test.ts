import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputPath } from "./output-path.js";

describe("checkOutputPath", () => {
  const dir = mkdtempSync(join(tmpdir(), "tong-hop-out-"));
  it("refuses a folder and suggests a file inside it", () => {
    expect(() => checkOutputPath(dir, ".xlsx", "--out")).toThrow(
      `--out "${dir}" là một thư mục; cần tên tệp .xlsx.\n  - Ví dụ: --out ${dir}/bao-cao.xlsx`,
    );
    expect(() => checkOutputPath("ket-qua/", ".json", "--json")).toThrow(/Ví dụ: --json ket-qua\/ket-qua\.json/);
  });
  it("refuses another extension, naming the corrected path", () => {
    expect(() => checkOutputPath("bao-cao.pdf", ".xlsx", "--out")).toThrow(
      /đuôi \.xlsx để Excel mở được[\s\S]*--out bao-cao\.xlsx/,
    );
    expect(() => checkOutputPath("bao-cao", ".xlsx", "--out")).toThrow(/--out bao-cao\.xlsx/);
  });
  it("accepts a new file in a folder not yet made, and an existing file without changing it", () => {
    expect(() => checkOutputPath(join(dir, "moi", "r.XLSX"), ".xlsx", "--out")).not.toThrow();
    const f = join(dir, "co-san.xlsx");
    writeFileSync(f, "nội dung cũ");
    checkOutputPath(f, ".xlsx", "--out");
    expect(readFileSync(f, "utf8")).toBe("nội dung cũ");
  });
  it.skipIf(process.getuid?.() === 0)("passes a read-only file's error on for the Vietnamese message", () => {
    const f = join(dir, "chi-doc.xlsx");
    writeFileSync(f, "x");
    chmodSync(f, 0o444);
    expect(() => checkOutputPath(f, ".xlsx", "--out")).toThrow(expect.objectContaining({ code: "EACCES" }));
  });
});
