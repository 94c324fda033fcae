import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs, ignoredFiles } from "./expand-inputs.js";

describe("expandInputs", () => {
  it("takes old .xls and macro .xlsm files from a folder so they are reported, not skipped silently", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tong-hop-in-"));
    mkdirSync(join(dir, "email"));
    for (const f of ["a.xlsx", "email/b.XLS", "c.xlsm", "~$a.xlsx", "ghi-chu.txt"]) writeFileSync(join(dir, f), "x");
    expect((await expandInputs([dir])).map((f) => basename(f)).sort()).toEqual(["a.xlsx", "b.XLS", "c.xlsm"]);
  });
  it("says what a file given by name must be when it is not a spreadsheet", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tong-hop-in-"));
    writeFileSync(join(dir, "so-lieu.csv"), "x");
    await expect(expandInputs([join(dir, "so-lieu.csv")])).rejects.toThrow(
      /Không có tệp \.xlsx hay \.ods nào khớp[\s\S]*tệp Excel \.xlsx hoặc LibreOffice \.ods/,
    );
  });
});

describe("ignoredFiles", () => {
  it("names every file of an input folder that is not read, with why; .ods files are read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tong-hop-in-"));
    for (const f of ["a.xlsx", "b.ods", "~$a.xlsx", ".~lock.b.ods#", "c.csv", "ghi-chu.pdf"])
      writeFileSync(join(dir, f), "x");
    expect((await expandInputs([dir])).map((f) => basename(f))).toEqual(["a.xlsx", "b.ods"]);
    const ignored = (await ignoredFiles([dir])).map((x) => [basename(x.file), x.reason.split(" ")[0]]);
    expect(ignored).toEqual([
      [".~lock.b.ods#", "tệp"],
      ["c.csv", "tệp"],
      ["ghi-chu.pdf", "không"],
      ["~$a.xlsx", "tệp"],
    ]);
  });
});
