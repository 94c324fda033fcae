/** The files a compile hands over, embedded in the dialog: the Word Báo cáo and the Excel workbook (Phụ lục). */
import type { ReportModel } from "../../core/report/report-model.js";
import { writeReportDocx } from "../../docx/write-report-docx.js";
import { writeReportXlsx } from "../../excel/write/write-report.js";
import { toSignedBytes } from "../platform/bytes.js";
import { safeFileName } from "../platform/file-name.js";
import { userMessage } from "../platform/ui-messages.js";
import { DOCX_MIME, type DownloadFile, XLSX_MIME } from "../ui/download-dialog.js";

/** The dialog's labels of the two files. */
export const FILE_LABELS = { docx: "Báo cáo (Word)", xlsx: "Phụ lục (Excel)" } as const;

/** The files to offer, and a line for the dialog when the Word document could not be built. */
export interface ReportFiles {
  files: DownloadFile[];
  warning?: string;
}

/** A built file as the dialog embeds it: base64 of its bytes, through Utilities (signed bytes). */
function dialogFile(label: string, fileName: string, mimeType: string, bytes: Uint8Array): DownloadFile {
  const name = safeFileName(fileName);
  const blob = Utilities.newBlob(toSignedBytes(bytes), mimeType, name);
  return { label, fileName: name, mimeType, base64: Utilities.base64Encode(blob.getBytes()) };
}

/**
 * Builds both renderings of `model` (the .docx first: it is the document UBND receives; the
 * .xlsx carries Phụ lục I and II), in the dialog's order. The workbook holds every figure, so a
 * Word document that cannot be built does not cost the compile: the dialog offers the workbook
 * and says why the document is missing.
 */
export async function buildReportFiles(model: ReportModel): Promise<ReportFiles> {
  let docx: Uint8Array | undefined;
  let warning: string | undefined;
  try {
    docx = await writeReportDocx(model);
  } catch (err) {
    warning = `Chưa tạo được văn bản Báo cáo (Word); tệp Excel vẫn đủ số liệu, và có thể tạo văn bản Word trên máy tính bằng lệnh tong-hop compile --docx. ${userMessage(err)}`;
  }
  const xlsx = await writeReportXlsx(model);
  const files = docx ? [dialogFile(FILE_LABELS.docx, model.documentFileName, DOCX_MIME, docx)] : [];
  files.push(dialogFile(FILE_LABELS.xlsx, model.fileName, XLSX_MIME, xlsx));
  return { files, warning };
}
