/**
 * Where an interrupted Thiết lập bảng tính stopped, kept in the document properties, so the next
 * run resumes instead of re-checking (and rewriting) what the runs before it already finished.
 */
import type { PlannedRow } from "./data-sheet-plan.js";

const KEY = "tong-hop:setup-resume";

/** Progress of a set-up that needs several runs. */
export interface SetupProgress {
  /** Fingerprint of the set-up (who runs it, the template): progress of another one is ignored. */
  signature: string;
  /** Data sheets finished by the earlier runs of this set-up. */
  done: string[];
  /** The sheet the last run stopped in, and the index (into its planned rows) of the first row not yet protected. */
  partial?: { sheet: string; signature: string; next: number };
}

/**
 * A short fingerprint of the row protections a data sheet needs: who gets every row (the person
 * running set-up and the Văn phòng's e-mails), the table's width, and each planned row's position,
 * unit and editors. A resumed run trusts earlier work only while this is unchanged (Cấu hình
 * edited, rows moved or another person running: all re-checked).
 */
export function rowsSignature(everyRow: readonly string[], tableWidth: number, rows: readonly PlannedRow[]): string {
  return fingerprint(
    JSON.stringify([
      [...everyRow].map((e) => e.toLowerCase()).sort(),
      tableWidth,
      rows.map((r) => [r.row, r.unitCode, [...(r.unit?.editors ?? [])].map((e) => e.toLowerCase()).sort()]),
    ]),
  );
}

/** A 64-bit fingerprint of a text (two 32-bit multiplicative hashes): cheap, for change detection, not security. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** The progress an earlier run left, or null. */
export function readSetupProgress(): SetupProgress | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as SetupProgress;
    return p && typeof p.signature === "string" && Array.isArray(p.done) ? p : null;
  } catch {
    return null;
  }
}

/** Stores the progress for the next run, or forgets it (null) once set-up has finished. */
export function saveSetupProgress(p: SetupProgress | null): void {
  const props = PropertiesService.getDocumentProperties();
  if (p) props.setProperty(KEY, JSON.stringify(p));
  else props.deleteProperty(KEY);
}
