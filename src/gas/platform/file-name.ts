/** File names safe to offer for download on Windows, macOS and Linux. */

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A safe file name: no folders ("../"), no characters Windows refuses (<>:"/\|?* and control
 * characters), no leading dots or trailing dots and spaces, not a reserved device name, at most
 * `max` characters keeping the extension, and never empty (`fallback`).
 */
export function safeFileName(name: string, fallback = "bao-cao.xlsx", max = 150): string {
  const base =
    String(name ?? "")
      .split(/[\\/]/)
      .pop() ?? "";
  let s = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (RESERVED.test(s)) s = `_${s}`;
  if (s.length > max) {
    const dot = s.lastIndexOf(".");
    const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : "";
    s = s.slice(0, max - ext.length).replace(/[\s.]+$/, "") + ext;
  }
  return s || fallback;
}
