/**
 * The HTML of the dialog that saves the compiled files through the browser: the files' bytes are
 * embedded in the dialog itself (base64), so a click needs no server round trip.
 */

/** One file the dialog offers: one button each, its bytes in the page. */
export interface DownloadFile {
  /** Button caption (Vietnamese), e.g. "Phụ lục (Excel)". */
  label: string;
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64. */
  base64: string;
}

/** What the dialog shows. */
export interface DownloadDialogInput {
  /** The files, in the order of their buttons. */
  files: readonly DownloadFile[];
  /** Lines summarising the compile (Vietnamese). */
  summary: string[];
}

/** MIME type of .docx files. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** MIME type of .xlsx files. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The largest deployment whose report this dialog is tested with, embedded (test/gas/dialog.browser.test.ts
 * downloads a 2,000-unit report from it inside a sandboxed iframe, as HtmlService serves it).
 */
export const TESTED_UNITS = 2000;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const MIME = /^[\w.+-]+\/[\w.+-]+$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** One file's block: its button, and a plain link holding the bytes as a data: URL (the fallback, and the script's source). */
function fileBlock(f: DownloadFile, i: number): string {
  if (!MIME.test(f.mimeType)) throw new Error(`invalid MIME type: ${f.mimeType}`);
  if (!BASE64.test(f.base64)) throw new Error(`invalid base64 for ${f.fileName}`);
  const name = escapeHtml(f.fileName);
  return `<div class="file">
<button type="button" data-file="${i}">Tải ${escapeHtml(f.label)}</button>
<p class="fallback">Tệp: <code>${name}</code>. Nếu nút không tải được, bấm vào liên kết:
<a id="file-${i}" href="data:${f.mimeType};base64,${f.base64}" download="${name}" target="_self">${name}</a></p>
</div>`;
}

/** The dialog's script: a button turns its link's base64 into a Blob and saves it with an `<a download>` click. */
const SCRIPT = `<script>
(function () {
  var status = document.getElementById("status");
  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "error" : "";
  }
  function save(i) {
    var link = document.getElementById("file-" + i);
    var href = link.getAttribute("href");
    var comma = href.indexOf(",");
    var mime = href.slice(5, href.indexOf(";"));
    try {
      var binary = atob(href.slice(comma + 1));
      var bytes = new Uint8Array(binary.length);
      for (var j = 0; j < binary.length; j++) bytes[j] = binary.charCodeAt(j);
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
      a.download = link.getAttribute("download");
      a.target = "_self";
      a.style.display = "none";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () {
        URL.revokeObjectURL(a.href);
        a.remove();
      }, 60000);
      say("Đã tải xuống " + a.download + ". Mở thư mục Tải xuống của trình duyệt để xem tệp.");
    } catch (err) {
      say("Không tải được tệp bằng nút (" + ((err && err.message) || err) + "). Hãy bấm vào liên kết tên tệp bên dưới nút.", true);
    }
  }
  var buttons = document.querySelectorAll("button[data-file]");
  for (var k = 0; k < buttons.length; k++) {
    buttons[k].addEventListener("click", function (ev) {
      save(ev.currentTarget.getAttribute("data-file"));
    });
  }
})();
</script>`;

/**
 * Renders the dialog. Every file's bytes are in the page (a data: link per file), so saving
 * needs neither google.script.run (which runs as the browser's default account when several
 * Google accounts are signed in, and may fail) nor the cache; the button saves through a Blob,
 * the link works even without the script. Nothing leaves the browser: no Drive access.
 */
export function renderDownloadDialog(input: DownloadDialogInput): string {
  if (!input.files.length) throw new Error("no file to offer");
  const summary = input.summary.map((l) => `<li>${escapeHtml(l)}</li>`).join("");
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<base target="_top">
<style>
  body { font-family: Arial, sans-serif; font-size: 14px; margin: 12px 16px; color: #202124; }
  ul { padding-left: 18px; margin: 8px 0 12px; }
  code { background: #f1f3f4; padding: 1px 4px; word-break: break-all; }
  .file { margin: 8px 0 12px; }
  .fallback { font-size: 12px; color: #5f6368; margin: 4px 0 0; }
  button { background: #1a73e8; color: #fff; border: 0; border-radius: 4px; padding: 9px 18px; font-size: 14px; cursor: pointer; }
  #status { margin-top: 10px; min-height: 1.4em; }
  #status.error { color: #c5221f; }
</style>
</head>
<body>
<ul id="summary">${summary}</ul>
${input.files.map(fileBlock).join("\n")}
<p id="status" role="status" aria-live="polite"></p>
${SCRIPT}
</body>
</html>
`;
}
