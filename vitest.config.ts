import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Tests that spawn `tong-hop` run the bundle: build it from the current sources first.
    globalSetup: ["test/support/build-cli.global.ts"],
  },
});
