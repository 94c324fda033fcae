/** The bundled CLI (dist/cli, built by `npm install` and by the tests' set-up) finds the package's own files. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = "bin/tong-hop.js";

describe("bin/tong-hop.js", () => {
  it("runs the bundle, which compiles the sample shipped in samples/ (npm start)", () => {
    expect(existsSync("dist/cli/index.js")).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "tong-hop-bundle-"));
    const r = spawnSync(process.execPath, [BIN, "demo", "--out-dir", dir], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Đơn vị: 72; nộp đúng hạn 57, nộp muộn 5");
    const json = JSON.parse(readFileSync(join(dir, "ket-qua-mau.json"), "utf8"));
    expect(json.plan).toBe("KH-TTĐN-2023");
    expect(json.totals.tin_bai_website.total).toBe(3047);
  });
  it("finds a template of sheets-templates/ by name, and lists them when the name is wrong", () => {
    const r = spawnSync(process.execPath, [BIN, "template", "-t", "khong-co", "-p", "x", "-o", "x.xlsx"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Không tìm thấy mẫu kế hoạch "khong-co".');
    expect(r.stderr).toMatch(/Các mẫu có sẵn: .*ttdn-2023/);
  });
});
