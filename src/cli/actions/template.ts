/** `tong-hop template`: writes the blank sheet a unit (or all units) fills for a period. */
// Before anything writes a workbook: keeps emoji whole in the XML parts exceljs hands JSZip.
import "../../excel/write/zip-text-fix.js";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { AppError } from "../../core/model/problem.js";
import { asciiSlug } from "../../core/report/report-model.js";
import { findPeriod } from "../../core/template/template.js";
import type { Template } from "../../core/model/template-schema.js";
import { normalizeUnitCode, unitLookup } from "../../core/template/unit-code.js";
import { writeDataSheetXlsx } from "../../excel/write/write-data-sheet.js";
import { loadTemplate } from "../load-template.js";
import { checkOutputPath } from "../output-path.js";

/** Options of the template command. */
export interface TemplateOptions {
  template: string;
  period: string;
  out: string;
  unit?: string;
}

/** Units whose code or name contains what was typed ("tranphu" → THPT-TRANPHU), at most `max`. */
export function similarUnits(t: Template, typed: string, max = 5): string[] {
  const fold = (s: string) =>
    asciiSlug(normalizeUnitCode(s))
      .replace(/[^A-Z0-9]/gi, "")
      .toUpperCase();
  const want = fold(typed);
  if (!want) return [];
  return t.units
    .filter((u) => fold(u.code).includes(want) || fold(u.name).includes(want))
    .slice(0, max)
    .map((u) => `${u.code} (${u.name})`);
}

/** Writes the blank workbook. */
export async function templateCommand(o: TemplateOptions): Promise<number> {
  const t = loadTemplate(o.template);
  const p = findPeriod(t, o.period);
  let unitCode: string | undefined;
  if (o.unit) {
    const u = unitLookup(t.units)(o.unit);
    if (!u) {
      const near = similarUnits(t, o.unit);
      throw new AppError("unit.unknown", `Không có đơn vị mã "${o.unit}" trong kế hoạch ${t.plan.code}.`, [
        near.length
          ? `Có phải là: ${near.join("; ")}?`
          : `Mã đơn vị có dạng ${t.units
              .slice(0, 2)
              .map((x) => x.code)
              .join(", ")}…; danh sách đầy đủ ở mục "units" của mẫu kế hoạch.`,
        "Bỏ -u để tạo mẫu có dòng của tất cả đơn vị.",
      ]);
    }
    unitCode = u.code;
  }
  checkOutputPath(o.out, ".xlsx", "--out", "mau-nhap-lieu");
  await mkdir(dirname(o.out), { recursive: true });
  await writeFile(o.out, await writeDataSheetXlsx(t, p.id, { unitCode }));
  process.stdout.write(`Đã tạo mẫu nhập liệu ${p.label}${unitCode ? ` cho đơn vị ${unitCode}` : ""}: ${o.out}\n`);
  return 0;
}
