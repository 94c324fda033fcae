/** Test support: builds dist/gas/Code.js once per test process (the build writes atomically). */
import { buildGas, type BuildGasResult } from "../../../scripts/build-gas.js";

let built: Promise<BuildGasResult> | undefined;

/** Runs `npm run build`'s build once and returns its result. */
export function ensureBuilt(): Promise<BuildGasResult> {
  built ??= buildGas();
  return built;
}
