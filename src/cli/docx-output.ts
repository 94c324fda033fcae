/** The `--docx FILE` option of compile and rollup: checked before any work, written beside the .xlsx. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { ReportModel } from "../core/report/report-model.js";
import { checkOutputPath } from "./output-path.js";

/** Refuses a --docx path that could not be written (folder, other extension, locked), before any work. */
export function checkDocxOption(docx: string | undefined): void {
  if (docx) checkOutputPath(docx, ".docx", "--docx");
}

/** Renders the report model to `file` as a Word document, making its folder if needed. */
export async function writeDocxFile(file: string, model: ReportModel): Promise<void> {
  // The Word writer (and the docx library) loads only when a .docx is asked for.
  const { writeReportDocx } = await import("../docx/write-report-docx.js");
  const bytes = await writeReportDocx(model);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

/** The summary line naming the written document. */
export const docxLine = (file: string): string => `Báo cáo Word: ${file}\n`;
