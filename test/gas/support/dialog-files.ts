/** Reads the download dialog's files back: the tokens it holds, fetched through layTepBaoCao as the browser would. */
import type { GasHarness } from "../harness/gas-harness.js";

/** One file as the dialog fetches it. */
export interface DialogPayload {
  label: string;
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The files the dialog's script offers, in order: `{ label, token }`. */
export function dialogFiles(html: string): { label: string; token: string }[] {
  const m = /var FILES = (\[.*?\]);\n/.exec(html);
  if (!m) throw new Error("the dialog offers no files");
  return JSON.parse(m[1]);
}

/** Fetches every file of the dialog from the add-on (layTepBaoCao), as its buttons do. */
export function fetchDialogFiles(h: GasHarness, html: string): DialogPayload[] {
  return dialogFiles(html).map((f) => ({
    label: f.label,
    ...(h.run("layTepBaoCao", f.token) as Omit<DialogPayload, "label">),
  }));
}

/** The file of the dialog whose name ends with `ext` (".xlsx", ".docx"). */
export function dialogFile(h: GasHarness, html: string, ext: string): DialogPayload {
  const found = fetchDialogFiles(h, html).find((f) => f.fileName.endsWith(ext));
  if (!found) throw new Error(`the dialog offers no ${ext} file`);
  return found;
}
