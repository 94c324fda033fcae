/**
 * Writes the .docx and .pdf plans of the import-plan shelf with LibreOffice from their text copies
 * ([[TABLE]] blocks become real tables), so these fixtures are files a real program wrote.
 * Run: npx tsx scripts/make-plan-fixtures.ts (needs /usr/bin/soffice). Naming text plans
 * (`npx tsx scripts/make-plan-fixtures.ts 111_….txt`) remakes only those, so the other fixtures keep their bytes.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const DIR = "test/fixtures/import-plan/plans";
const BAD = "test/fixtures/import-plan/bad";

/** Which text plan becomes which kind of file. */
const JOBS: { from: string; to: "docx" | "pdf" }[] = [
  { from: "103_nq03-cp-pl2-nhiem-vu-khcn-cds.txt", to: "docx" },
  { from: "102_qd773-ttg-nguoi-co-cong.txt", to: "pdf" },
  { from: "111_kh-ubnd-lao-cai-ct11-khoang-san.txt", to: "docx" },
];

/** Text plans named on the command line; none means every job and the bad fixtures. */
const only = process.argv.slice(2);

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Paragraphs stay paragraphs; a [[TABLE]] block of tab-separated rows becomes a bordered table. */
export function planHtml(text: string): string {
  const out: string[] = [];
  let table: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith("# source:")) continue;
    if (line.trim() === "[[TABLE]]") {
      table = [];
      continue;
    }
    if (line.trim() === "[[/TABLE]]" && table) {
      out.push(`<table border="1" cellspacing="0" cellpadding="3">${table.join("")}</table>`);
      table = null;
      continue;
    }
    if (table)
      table.push(
        `<tr>${line
          .split("\t")
          .map((c) => `<td>${esc(c)}</td>`)
          .join("")}</tr>`,
      );
    else if (line.trim()) out.push(`<p>${esc(line)}</p>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${out.join("\n")}</body></html>`;
}

mkdirSync(BAD, { recursive: true });

/** Converts `html` with LibreOffice (its own profile, 3 minutes at most) and moves the result to `dest`. */
function convert(html: string, stem: string, filter: string, ext: string, dest: string): void {
  const work = mkdtempSync(join(tmpdir(), "plan-fix-"));
  const src = join(work, `${stem}.html`);
  writeFileSync(src, html);
  const args = [`-env:UserInstallation=file://${work}/profile`, "--headless", "--infilter=HTML (StarWriter)"];
  execFileSync("timeout", ["180", "soffice", ...args, "--convert-to", filter, "--outdir", work, src], {
    stdio: "inherit",
  });
  renameSync(join(work, `${stem}.${ext}`), dest);
  console.log(dest);
}

/** Converts a file LibreOffice already wrote (a .docx with a real table) into a PDF, as "Export as PDF" does. */
function exportPdf(from: string): void {
  const work = mkdtempSync(join(tmpdir(), "plan-fix-"));
  const args = [`-env:UserInstallation=file://${work}/profile`, "--headless"];
  execFileSync(
    "timeout",
    ["180", "soffice", ...args, "--convert-to", "pdf:writer_pdf_Export", "--outdir", work, from],
    {
      stdio: "inherit",
    },
  );
  const stem = basename(from).replace(/\.[^.]+$/, "");
  renameSync(join(work, `${stem}.pdf`), join(DIR, `${stem}.pdf`));
  console.log(join(DIR, `${stem}.pdf`));
}

for (const job of JOBS.filter((j) => !only.length || only.includes(j.from))) {
  const stem = basename(job.from, ".txt");
  const filter = job.to === "docx" ? "docx:MS Word 2007 XML" : "pdf:writer_pdf_Export";
  convert(planHtml(readFileSync(join(DIR, job.from), "utf8")), stem, filter, job.to, join(DIR, `${stem}.${job.to}`));
}

/** Plans whose .docx (a real Word table) is also exported to PDF, as a Văn phòng downloads it: read back by column position. */
const PDF_OF_DOCX = ["103_nq03-cp-pl2-nhiem-vu-khcn-cds.docx", "111_kh-ubnd-lao-cai-ct11-khoang-san.docx"];
for (const f of PDF_OF_DOCX.filter((x) => !only.length || only.includes(x))) exportPdf(join(DIR, f));
if (only.length) process.exit(0);

// A PDF with pages and no text layer, as a scanner makes: only ruled boxes, no letters.
const boxes = `<table border="2" cellpadding="40">${"<tr><td>&nbsp;</td><td>&nbsp;</td></tr>".repeat(6)}</table>`;
convert(`<html><body>${boxes}</body></html>`, "ban-quet", "pdf:writer_pdf_Export", "pdf", join(BAD, "ban-quet.pdf"));
// An OLE compound file under a .docx name: the container Word writes for a password-protected .docx
// (LibreOffice 7.4 cannot encrypt a .docx headless, so this is a Word 97 file renamed).
convert(
  "<html><body><p>KẾ HOẠCH</p></body></html>",
  "co-mat-khau",
  "doc:MS Word 97",
  "doc",
  join(BAD, "co-mat-khau.docx"),
);
