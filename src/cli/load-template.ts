/** Finds and parses a template given by name ("ttdn-2023") or path. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { AppError } from "../core/model/problem.js";
import { parseTemplate } from "../core/template/template.js";
import type { Template } from "../core/model/template-schema.js";
import { packagePath } from "./package-root.js";

/** The bundled templates folder. */
export const TEMPLATES_DIR = packagePath("sheets-templates");

/** Names of the bundled templates. */
export function bundledTemplates(): string[] {
  // A missing folder (a partial install) must still give the "not found" message, not ENOENT.
  if (!existsSync(TEMPLATES_DIR)) return [];
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

/** Loads a template by bundled name or file path. */
export function loadTemplate(ref: string): Template {
  const candidates = [resolve(ref), resolve(TEMPLATES_DIR, ref), resolve(TEMPLATES_DIR, `${ref}.json`)];
  const file = candidates.find((f) => existsSync(f) && f.endsWith(".json"));
  if (!file) {
    throw new AppError("template.not-found", `Không tìm thấy mẫu kế hoạch "${ref}".`, [
      `Các mẫu có sẵn: ${bundledTemplates().join(", ")}`,
      "Hoặc ghi đường dẫn tới tệp .json của mẫu.",
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new AppError("template.bad-json", `Tệp mẫu ${basename(file)} không phải JSON hợp lệ.`, [
      (e as Error).message,
    ]);
  }
  return parseTemplate(json, `mẫu ${basename(file)}`);
}
