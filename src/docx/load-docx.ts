/** Loads the docx library on first use, so code paths that never build a document never pay for it. */
import type * as DocxModule from "docx";

/** The docx library's namespace. */
export type Docx = typeof DocxModule;

let cached: Docx | undefined;

/** The docx module, imported lazily (a real dynamic import; in the Apps Script bundle a lazy init). */
export async function loadDocx(): Promise<Docx> {
  if (!cached) {
    const mod = (await import("docx")) as unknown as { default?: Docx } & Docx;
    cached = mod.Document ? mod : (mod.default ?? mod);
  }
  return cached;
}
