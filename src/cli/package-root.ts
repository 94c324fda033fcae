/** Where the package's data folders (sheets-templates/, samples/) are, from the sources and from the bundle alike. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package folder. This file sits in src/cli/ and, bundled, every chunk of the CLI sits in
 * dist/cli/: both two levels below the package, so the same relative URL works in both.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A path inside the package folder. */
export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
