/** Tells a report made by tong-hop from a unit's data file, by the result it carries. */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { AppError } from "../core/model/problem.js";
import { hasEmbeddedResult } from "../excel/read/embedded-result.js";
import { readWorkbookValues } from "../excel/read/read-workbook.js";

/** True when `file` is a compiled report (.xlsx with the hidden result sheet); false for anything else, even unreadable. */
export async function isReportFile(file: string): Promise<boolean> {
  try {
    return hasEmbeddedResult(await readWorkbookValues(await readFile(file), basename(file)));
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}
