import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseTemplate } from "../../core/template/template.js";
import { buildColumns } from "../../core/template/columns.js";
import { isOwnNote, notesForEdit, submissionChanges } from "./edit-notes.js";

const template = parseTemplate(
  JSON.parse(readFileSync(new URL("../../../test/gas/fixtures/template-gas.json", import.meta.url), "utf8")),
);
const cols = buildColumns(template);
const col = (key: string) => cols.find((c) => c.key === key)!;

describe("notesForEdit", () => {
  it("writes a Vietnamese note on text in a number cell and leaves the value alone", () => {
    const values = [["12 bài"]];
    const r = notesForEdit([col("so_tin_bai")], values, [[""]]);
    expect(r.changed).toBe(true);
    expect(r.errors).toBe(1);
    expect(r.notes[0][0]).toMatch(/^Lỗi: Có chữ trong ô số/);
    expect(r.notes[0][0]).toContain("\nCách sửa: ");
    expect(values[0][0]).toBe("12 bài");
  });

  it("clears its own note once the cell is fixed, but never someone else's note", () => {
    const bad = notesForEdit([col("so_tin_bai")], [["12 bài"]], [[""]]).notes[0][0];
    expect(isOwnNote(bad)).toBe(true);
    const fixed = notesForEdit(
      [col("so_tin_bai"), col("so_lop_tap_huan")],
      [[12, 3]],
      [[bad, "Văn phòng: đã gọi điện nhắc"]],
    );
    expect(fixed.notes[0]).toEqual(["", "Văn phòng: đã gọi điện nhắc"]);
    expect(fixed.changed).toBe(true);
    expect(notesForEdit([col("so_tin_bai")], [[12]], [[""]]).changed).toBe(false);
  });

  it("checks choices, ranges and dates by the template", () => {
    const r = notesForEdit(
      [col("muc_do_san_sang"), col("ty_le_hoc_ba_so"), col("ngay_ra_mat"), undefined],
      [["Rất cao", 120, "31/02/2024", "ghi chú"]],
      [["", "", "", ""]],
    );
    expect(r.errors).toBe(3);
    expect(r.notes[0][0]).toContain("không có trong danh sách");
    expect(r.notes[0][1]).toContain("lớn hơn mức tối đa 100");
    expect(r.notes[0][2]).toContain("không có thật");
    expect(r.notes[0][3]).toBe("");
  });
});

describe("submissionChanges", () => {
  it("reports ticks and unticks of Xác nhận gửi only", () => {
    expect(submissionChanges(["so_tin_bai"], [[1]])).toEqual([]);
    expect(submissionChanges(["xac_nhan_gui"], [[true], [false]])).toEqual([
      { offset: 0, submitted: true },
      { offset: 1, submitted: false },
    ]);
  });
});
