/** vitest global set-up: bundles the CLI (dist/cli) from the current sources, so tests that spawn bin/tong-hop.js run this code. */
import { buildCli } from "../../scripts/build-cli.js";

export default async function setup(): Promise<void> {
  await buildCli();
}
