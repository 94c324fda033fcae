import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeFileName } from "./file-name.js";

describe("safeFileName", () => {
  it("drops folders and characters Windows refuses, keeps Vietnamese letters", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('..\\..\\Báo cáo <quý I>: "mẫu"?.xlsx')).toBe("Báo cáo -quý I-- -mẫu--.xlsx");
    expect(safeFileName("a\u0000b\u001fc.xlsx")).toBe("a-b-c.xlsx");
  });
  it("never returns an empty, dotted or device name", () => {
    expect(safeFileName("")).toBe("bao-cao.xlsx");
    expect(safeFileName(" ... ")).toBe("bao-cao.xlsx");
    expect(safeFileName(".xlsx")).toBe("xlsx");
    expect(safeFileName("CON.xlsx")).toBe("_CON.xlsx");
  });
  it("shortens long names and keeps the extension", () => {
    const s = safeFileName(`${"x".repeat(300)}.xlsx`);
    expect(s.length).toBe(150);
    expect(s.endsWith(".xlsx")).toBe(true);
  });
  it("gives a name without path separators or forbidden characters, whatever the input (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const s = safeFileName(name);
        return s.length > 0 && s.length <= 150 && !/[\\/<>:"|?*\u0000-\u001f]/.test(s) && !/^[.\s]|[.\s]$/.test(s);
      }),
    );
  });
});
