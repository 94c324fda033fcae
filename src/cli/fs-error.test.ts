import { describe, expect, it } from "vitest";
import { fsErrorMessage } from "./fs-error.js";

const err = (code: string, syscall = "open", path = "/tmp/bao-cao.xlsx") =>
  Object.assign(new Error(code), { code, syscall, path });

describe("fsErrorMessage", () => {
  it("says a locked file is open in Excel and names it", () => {
    const m = fsErrorMessage(err("EBUSY"))!;
    expect(m).toContain('"/tmp/bao-cao.xlsx"');
    expect(m).toMatch(/Excel[\s\S]*Đóng tệp/);
  });
  it("tells writing from reading when permission is refused", () => {
    expect(fsErrorMessage(err("EACCES", "open"))).toMatch(/^Không có quyền mở/);
    expect(fsErrorMessage(err("EACCES", "write"))).toMatch(/^Không có quyền ghi/);
    expect(fsErrorMessage(err("EPERM", "scandir"))).toMatch(/^Không có quyền đọc/);
  });
  it("suggests a file name inside a folder given as the output", () => {
    expect(fsErrorMessage(err("EISDIR", "open", "/tmp/ket-qua/"))).toContain('"/tmp/ket-qua/bao-cao.xlsx"');
  });
  it("words a missing path and a full disk", () => {
    expect(fsErrorMessage(err("ENOENT"))).toMatch(/^Không tìm thấy tệp hoặc thư mục "\/tmp\/bao-cao.xlsx"/);
    expect(fsErrorMessage(err("ENOSPC", "write"))).toContain("ổ đĩa đã đầy");
  });
  it("leaves other errors to the generic handler", () => {
    expect(fsErrorMessage(new Error("x"))).toBeUndefined();
    expect(fsErrorMessage(err("ECONNRESET"))).toBeUndefined();
    expect(fsErrorMessage("EBUSY")).toBeUndefined();
  });
});
