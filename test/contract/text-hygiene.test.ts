/** Every text a user may read is well-formed Vietnamese: no replacement characters, composed (NFC) diacritics. */
import { readFileSync } from "node:fs";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url);
const FILES = fg.sync(
  [
    "src/**/*.ts",
    "scripts/**/*.ts",
    "bench/**/*.ts",
    "sheets-templates/*.json",
    "samples/*.json",
    "docs/**/*.md",
    "README.md",
  ],
  {
    cwd: ROOT.pathname,
    ignore: ["**/node_modules/**"],
  },
);

/** Lines holding a character that breaks Vietnamese text, with why. */
function badLines(text: string): string[] {
  const out: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.includes("\uFFFD")) out.push(`${i + 1}: replacement character (U+FFFD)`);
    // Decomposed diacritics look right but break search, sorting and equality with typed text.
    else if (line !== line.normalize("NFC")) out.push(`${i + 1}: not NFC`);
  });
  return out;
}

describe("user-facing text", () => {
  it("finds the sources to check", () => {
    expect(FILES).toContain("README.md");
    expect(FILES.some((f) => f.startsWith("src/gas/"))).toBe(true);
  });
  it.each(FILES)("%s has no broken or decomposed characters", (file) => {
    // Test sources may hold NFD on purpose (the bad-input corpus); the shipped files may not.
    expect(badLines(readFileSync(new URL(file, ROOT), "utf8"))).toEqual([]);
  });
  it("flags a replacement character and decomposed text", () => {
    expect(badLines("ok\nm\uFFFDỗi")).toEqual(["2: replacement character (U+FFFD)"]);
    expect(badLines("Hoa\u0300")).toEqual(["1: not NFC"]);
  });
});
