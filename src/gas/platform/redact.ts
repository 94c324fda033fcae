/** Keeps emails and phone numbers out of Logger and console output (Apps Script keeps those logs). */

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/g;
// Vietnamese phone numbers: 0 or +84 then 9–10 digits, spaces, dots or dashes allowed between groups.
const PHONE = /(?<![\w.])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\w])/g;

/** `text` with every email replaced by "[email]" and every phone number by "[số điện thoại]". */
export function redact(text: string): string {
  return text.replace(EMAIL, "[email]").replace(PHONE, "[số điện thoại]");
}

/** An error's message (Apps Script's errors may come from another realm: no instanceof). */
export function errorMessage(err: unknown): string {
  const e = err as { message?: unknown } | undefined;
  return e && typeof e.message === "string" ? e.message : String(err);
}

/** Logs an error for the Văn phòng's executions log, without personal data. */
export function logError(where: string, err: unknown): void {
  console.error(redact(`${where}: ${errorMessage(err)}`));
}

/** Logs a warning (a run skipped, a line retried later) for the executions log, without personal data. */
export function logWarning(where: string, text: string): void {
  console.warn(redact(`${where}: ${text}`));
}
