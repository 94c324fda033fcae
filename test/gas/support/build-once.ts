/** Test support: builds the add-on once per test process into a temporary folder (never over dist/gas), with the test probe. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGas, type BuildGasResult } from "../../../scripts/build-gas.js";
import { TEST_BUNDLE_ENV } from "../harness/gas-harness.js";

let built: Promise<BuildGasResult> | undefined;

/**
 * Builds the bundle once (with the `__TONG_HOP_STATS__` probe the production build leaves out)
 * into a fresh temporary folder, and points {@link GasHarness.load}'s default at it.
 */
export function ensureBuilt(): Promise<BuildGasResult> {
  built ??= buildGas({ outDir: mkdtempSync(join(tmpdir(), "tong-hop-gas-")), probe: true }).then((r) => {
    process.env[TEST_BUNDLE_ENV] = r.file;
    return r;
  });
  return built;
}
