/** `npm run preview`: renders the sample report (.xlsx) and Word Báo cáo (.docx) to PNG pages with LibreOffice, when installed. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync } from "node:fs";
import { resolve } from "node:path";

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const office = ["soffice", "libreoffice"].find(has);
if (!office || !has("pdftoppm")) {
  console.log(
    "Cần LibreOffice và pdftoppm để xem trước: apt-get install -y libreoffice-calc libreoffice-writer poppler-utils",
  );
  process.exit(0);
}
const out = resolve("out");
const preview = resolve(out, "preview");
mkdirSync(preview, { recursive: true });
const demo = spawnSync(process.execPath, ["--import", "tsx", "src/cli/index.ts", "demo", "--out-dir", out], {
  stdio: "inherit",
});
if (demo.status !== 0) process.exit(demo.status ?? 1);
for (const name of ["bao-cao-tong-hop-mau.xlsx", "bao-cao-tong-hop-mau.docx"]) {
  // Its own profile, so a LibreOffice already open on the desktop does not swallow the job; a time limit, so it cannot hang.
  const conv = spawnSync(
    "timeout",
    [
      "180",
      office,
      `-env:UserInstallation=file://${resolve(out, ".lo-preview-profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      preview,
      resolve(out, name),
    ],
    { stdio: "inherit" },
  );
  if (conv.status !== 0) process.exit(conv.status ?? 1);
  const stem = name.replace(/\.[a-z]+$/, "");
  const prefix = name.endsWith(".docx") ? "word" : "excel";
  // Both files convert to <stem>.pdf: keep each under its own name.
  renameSync(resolve(preview, `${stem}.pdf`), resolve(preview, `${prefix}.pdf`));
  spawnSync("pdftoppm", ["-png", "-r", "70", resolve(preview, `${prefix}.pdf`), resolve(preview, `${prefix}-trang`)], {
    stdio: "inherit",
  });
}
console.log(
  `Các trang (excel-trang-*: báo cáo Excel; word-trang-*: Báo cáo Word):\n${readdirSync(preview)
    .filter((f) => f.endsWith(".png"))
    .map((f) => resolve(preview, f))
    .join("\n")}`,
);
