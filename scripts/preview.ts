/** `npm run preview`: renders the sample report to PNG pages with LibreOffice, when installed. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { resolve } from "node:path";

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const office = ["soffice", "libreoffice"].find(has);
if (!office || !has("pdftoppm")) {
  console.log("Cần LibreOffice và pdftoppm để xem trước: apt-get install -y libreoffice-calc poppler-utils");
  process.exit(0);
}
const out = resolve("out");
const preview = resolve(out, "preview");
mkdirSync(preview, { recursive: true });
const demo = spawnSync(process.execPath, ["--import", "tsx", "src/cli/index.ts", "demo", "--out-dir", out], {
  stdio: "inherit",
});
if (demo.status !== 0) process.exit(demo.status ?? 1);
const conv = spawnSync(
  office,
  ["--headless", "--convert-to", "pdf", "--outdir", preview, resolve(out, "bao-cao-tong-hop-mau.xlsx")],
  { stdio: "inherit" },
);
if (conv.status !== 0) process.exit(conv.status ?? 1);
spawnSync("pdftoppm", ["-png", "-r", "70", resolve(preview, "bao-cao-tong-hop-mau.pdf"), resolve(preview, "trang")], {
  stdio: "inherit",
});
console.log(
  `Các trang: ${readdirSync(preview)
    .filter((f) => f.endsWith(".png"))
    .map((f) => resolve(preview, f))
    .join("\n")}`,
);
