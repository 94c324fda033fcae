/** The HTML of the dialog whose buttons save the compiled files (Word Báo cáo, Excel Phụ lục) through the browser (no Drive). */

/** One file the dialog offers, with its own button. */
export interface DialogFile {
  /** What the button offers ("Báo cáo (Word)"). */
  label: string;
  /** Token of the file kept in the user cache, passed back to `layTepBaoCao`. */
  token: string;
  fileName: string;
}

/** What the dialog shows. */
export interface DownloadDialogInput {
  /** The files, one button each, in order. */
  files: DialogFile[];
  /** Lines summarising the compile (Vietnamese). */
  summary: string[];
  /** Name of the google.script.run target that returns `{ fileName, mimeType, base64 }`. */
  serverFunction?: string;
}

/** The payload `layTepBaoCao` returns to the dialog. */
export interface ReportFilePayload {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** MIME type of .xlsx files. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** MIME type of .docx files. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** JSON safe inside a <script> element. */
const scriptJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/**
 * Renders the dialog. On load it asks the server for each file (base64) through
 * `google.script.run`; each button turns its base64 into a Blob and saves it with an
 * `<a download>` click, so the Văn phòng gets the files without any Drive access.
 */
export function renderDownloadDialog(input: DownloadDialogInput): string {
  const fn = input.serverFunction ?? "layTepBaoCao";
  if (!/^[A-Za-z_$][\w$]*$/.test(fn)) throw new Error(`invalid server function: ${fn}`);
  const summary = input.summary.map((l) => `<li>${escapeHtml(l)}</li>`).join("");
  const rows = input.files
    .map(
      (f, i) =>
        `<p class="file"><button id="download-${i}" type="button" disabled>Đang chuẩn bị tệp…</button> <code>${escapeHtml(f.fileName)}</code></p>`,
    )
    .join("\n");
  const files = input.files.map((f) => ({ label: f.label, token: f.token }));
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<base target="_top">
<style>
  body { font-family: Arial, sans-serif; font-size: 14px; margin: 12px 16px; color: #202124; }
  ul { padding-left: 18px; margin: 8px 0 12px; }
  code { background: #f1f3f4; padding: 1px 4px; word-break: break-all; }
  p.file { margin: 8px 0; }
  button { background: #1a73e8; color: #fff; border: 0; border-radius: 4px; padding: 9px 18px; font-size: 14px; cursor: pointer; min-width: 190px; }
  button[disabled] { background: #9aa0a6; cursor: default; }
  #status { margin-top: 10px; min-height: 1.4em; }
  #status.error { color: #c5221f; }
</style>
</head>
<body>
<ul id="summary">${summary}</ul>
${rows}
<p id="status" role="status" aria-live="polite"></p>
<script>
(function () {
  var FILES = ${scriptJson(files)};
  var status = document.getElementById("status");
  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "error" : "";
  }
  FILES.forEach(function (file, i) {
    var data = null;
    var button = document.getElementById("download-" + i);
    function ready(payload) {
      if (!payload || typeof payload.base64 !== "string") {
        fail({ message: "Máy chủ không trả về tệp." });
        return;
      }
      data = payload;
      button.disabled = false;
      button.textContent = "Tải " + file.label;
    }
    function fail(err) {
      data = null;
      button.disabled = false;
      button.textContent = "Thử lại: " + file.label;
      say("Không lấy được tệp: " + ((err && err.message) || err) + " Hãy bấm Thử lại, hoặc chạy lại Tổng hợp báo cáo.", true);
    }
    function load() {
      button.disabled = true;
      button.textContent = "Đang chuẩn bị tệp…";
      google.script.run.withSuccessHandler(ready).withFailureHandler(fail).${fn}(file.token);
    }
    function save() {
      if (!data) {
        load();
        return;
      }
      var binary = atob(data.base64);
      var bytes = new Uint8Array(binary.length);
      for (var j = 0; j < binary.length; j++) bytes[j] = binary.charCodeAt(j);
      var blob = new Blob([bytes], { type: data.mimeType });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = data.fileName;
      link.style.display = "none";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () {
        URL.revokeObjectURL(link.href);
        link.remove();
      }, 60000);
      say("Đã tải xuống " + data.fileName + ". Mở thư mục Tải xuống của trình duyệt để xem tệp.");
    }
    button.addEventListener("click", save);
    load();
  });
})();
</script>
</body>
</html>
`;
}
