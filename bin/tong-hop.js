#!/usr/bin/env node
// Runs the CLI bundled into dist/cli/ by scripts/build-cli.ts (`npm install` builds it); in a
// checkout where it was never built, runs the TypeScript sources through tsx instead.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/index.js", import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { spawnSync } = await import("node:child_process");
  const { createRequire } = await import("node:module");
  const { fileURLToPath } = await import("node:url");
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const entry = fileURLToPath(new URL("../src/cli/index.ts", import.meta.url));
  const r = spawnSync(process.execPath, [tsx, entry, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 2);
}
