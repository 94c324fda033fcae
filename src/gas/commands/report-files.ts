/** The files a compile hands over: the Word Báo cáo and the Excel workbook (Phụ lục), each kept in the cache for the dialog. */
import type { ReportModel } from "../../core/report/report-model.js";
import { writeReportDocx } from "../../docx/write-report-docx.js";
import { writeReportXlsx } from "../../excel/write/write-report.js";
import { toSignedBytes } from "../platform/bytes.js";
import { safeFileName } from "../platform/file-name.js";
import { userMessage } from "../platform/ui-messages.js";
import { DOCX_MIME, type DialogFile, XLSX_MIME } from "../ui/download-dialog.js";
import { storeReport } from "../ui/report-store.js";

/** The dialog's labels of the two files. */
export const FILE_LABELS = { docx: "Báo cáo (Word)", xlsx: "Phụ lục (Excel)" } as const;

/** The files to offer, and a line for the dialog when the Word document could not be built. */
export interface ReportFiles {
  files: DialogFile[];
  warning?: string;
}

/** Encodes `bytes` with Apps Script's base64 and stores them; returns the dialog's entry. */
function keep(label: string, fileName: string, mimeType: string, bytes: Uint8Array): DialogFile {
  const name = safeFileName(fileName);
  const blob = Utilities.newBlob(toSignedBytes(bytes), mimeType, name);
  const token = storeReport({ fileName: name, mimeType, base64: Utilities.base64Encode(blob.getBytes()) });
  return { label, token, fileName: name };
}

/**
 * Builds both renderings of `model` (the .docx first: it is the document UBND receives; the
 * .xlsx carries Phụ lục I and II) and stores them for the download dialog, in its order. The
 * workbook holds every figure, so a Word document that cannot be built does not cost the
 * compile: the dialog offers the workbook and says why the document is missing.
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
  const files = docx ? [keep(FILE_LABELS.docx, model.documentFileName, DOCX_MIME, docx)] : [];
  files.push(keep(FILE_LABELS.xlsx, model.fileName, XLSX_MIME, xlsx));
  return { files, warning };
}
