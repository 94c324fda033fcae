/** `tong-hop template`: writes the blank sheet a unit (or all units) fills for a period. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { AppError } from "../../core/problem.js";
import { findPeriod } from "../../core/template.js";
import { unitLookup } from "../../core/unit-code.js";
import { writeDataSheetXlsx } from "../../excel/write-data-sheet.js";
import { loadTemplate } from "../load-template.js";

/** Options of the template command. */
export interface TemplateOptions {
  template: string;
  period: string;
  out: string;
  unit?: string;
}

/** Writes the blank workbook. */
export async function templateCommand(o: TemplateOptions): Promise<number> {
  const t = loadTemplate(o.template);
  const p = findPeriod(t, o.period);
  let unitCode: string | undefined;
  if (o.unit) {
    const u = unitLookup(t.units)(o.unit);
    if (!u) throw new AppError("unit.unknown", `Không có đơn vị mã "${o.unit}" trong kế hoạch ${t.plan.code}.`);
    unitCode = u.code;
  }
  await mkdir(dirname(o.out), { recursive: true });
  await writeFile(o.out, await writeDataSheetXlsx(t, p.id, { unitCode }));
  process.stdout.write(`Đã tạo mẫu nhập liệu ${p.label}${unitCode ? ` cho đơn vị ${unitCode}` : ""}: ${o.out}\n`);
  return 0;
}
