/**
 * Writes the .docx and .pdf plans of the import-plan shelf with LibreOffice from their text copies
 * ([[TABLE]] blocks become real tables), so these fixtures are files a real program wrote.
 * Run: npx tsx scripts/make-plan-fixtures.ts (needs /usr/bin/soffice).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const DIR = "test/fixtures/import-plan/plans";

/** Which text plan becomes which kind of file. */
const JOBS: { from: string; to: "docx" | "pdf" }[] = [
  { from: "103_nq03-cp-pl2-nhiem-vu-khcn-cds.txt", to: "docx" },
  { from: "102_qd773-ttg-nguoi-co-cong.txt", to: "pdf" },
];

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

for (const job of JOBS) {
  const work = mkdtempSync(join(tmpdir(), "plan-fix-"));
  const stem = basename(job.from, ".txt");
  const html = join(work, `${stem}.html`);
  writeFileSync(html, planHtml(readFileSync(join(DIR, job.from), "utf8")));
  const filter = job.to === "docx" ? "docx:MS Word 2007 XML" : "pdf:writer_pdf_Export";
  execFileSync(
    "timeout",
    [
      "180",
      "soffice",
      `-env:UserInstallation=file://${work}/profile`,
      "--headless",
      "--infilter=HTML (StarWriter)",
      "--convert-to",
      filter,
      "--outdir",
      work,
      html,
    ],
    { stdio: "inherit" },
  );
  renameSync(join(work, `${stem}.${job.to}`), join(DIR, `${stem}.${job.to}`));
  console.log(`${DIR}/${stem}.${job.to}`);
}
