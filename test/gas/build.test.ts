/** The Apps Script build: bundle shape, top-level entry points, manifest, shims, lazy exceljs. */
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { ENTRY_POINTS, GLOBAL_NAME } from "../../src/gas/entry/menu-table.js";
import { buildGas, DEFAULT_OUT_DIR, type BuildGasResult } from "../../scripts/build-gas.js";
import { GasHarness } from "./harness/gas-harness.js";
import { ensureBuilt } from "./support/build-once.js";
import { fixtureTemplate, writeConfig } from "./support/config-fixture.js";

let build: BuildGasResult;
let code: string;
beforeAll(async () => {
  build = await ensureBuilt();
  code = readFileSync(build.file, "utf8");
});

/** Names of the top-level `function name(…) {…}` declarations of a script, from its syntax tree. */
function topLevelFunctions(source: string): string[] {
  const sf = ts.createSourceFile("Code.js", source, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
  return sf.statements.filter(ts.isFunctionDeclaration).map((f) => f.name?.text ?? "");
}

describe("npm run build", () => {
  it("writes dist/gas/Code.js by default and appsscript.json beside it; the tests build elsewhere", () => {
    expect(DEFAULT_OUT_DIR).toBe(join("dist", "gas"));
    expect(build.file.endsWith(join("Code.js"))).toBe(true);
    expect(build.file).not.toContain(join("dist", "gas"));
    const manifest = JSON.parse(readFileSync(join(build.file, "..", "appsscript.json"), "utf8"));
    expect(manifest).toMatchObject({
      runtimeVersion: "V8",
      timeZone: "Asia/Ho_Chi_Minh",
      exceptionLogging: "STACKDRIVER",
    });
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.scriptapp",
        "https://www.googleapis.com/auth/script.send_mail",
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
        "https://www.googleapis.com/auth/userinfo.email",
      ].sort(),
    );
    expect(manifest.oauthScopes.some((s: string) => /\/auth\/drive/.test(s))).toBe(false);
    const clasp = JSON.parse(readFileSync(new URL("../../.clasp.json", import.meta.url), "utf8"));
    expect(clasp.rootDir).toBe("dist/gas");
  });

  it("emits a real top-level function declaration for every entry of the menu/handler table", () => {
    const declared = topLevelFunctions(code);
    for (const e of ENTRY_POINTS) expect(declared, e.name).toContain(e.name);
    expect(declared.length).toBe(ENTRY_POINTS.length);
    // …and each one reaches its handler when Apps Script calls it as a global.
    const h = GasHarness.load({ code });
    const ctx = h.context as Record<string, unknown>;
    const handlers = (ctx[GLOBAL_NAME] as { handlers: Record<string, unknown> }).handlers;
    for (const e of ENTRY_POINTS) {
      expect(typeof ctx[e.name], e.name).toBe("function");
      expect(typeof handlers[e.name], e.name).toBe("function");
      expect(String(ctx[e.name])).toMatch(new RegExp(`^function ${e.name}\\(e\\)`));
    }
  });

  it("runs in a bare V8 context that has no timers and no crypto, installing its shims first", () => {
    const bare = vm.createContext({});
    expect(
      vm.runInContext("[typeof setTimeout, typeof setImmediate, typeof crypto, typeof require, typeof process]", bare),
    ).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined"]);
    const h = GasHarness.load({ code });
    expect(
      vm.runInContext("[typeof setTimeout, typeof setImmediate, typeof crypto.getRandomValues]", h.context),
    ).toEqual(["function", "function", "function"]);
    // Installed while the bundle loads, before exceljs could ever initialise.
    expect(h.exceljsInitCount()).toBe(0);
  });

  it("does not initialise exceljs when the bundle loads, on open, or on an edit", () => {
    const h = GasHarness.load({ code });
    expect(h.exceljsInitCount()).toBe(0);
    h.open();
    writeConfig(h, fixtureTemplate());
    h.run("thietLapBangTinh");
    h.type("ngoquyen@hp.edu.vn", "Quý I năm 2024", "E3", "12");
    expect(h.exceljsInitCount()).toBe(0);
    expect(code).toContain("exceljsInitCount");
  });

  it("leaves the test probe __TONG_HOP_STATS__ out of the production bundle", async () => {
    const prod = await buildGas({ outDir: mkdtempSync(join(tmpdir(), "gas-prod-")) });
    const text = readFileSync(prod.file, "utf8");
    expect(text).not.toContain("__TONG_HOP_STATS__");
    expect(code).toContain("__TONG_HOP_STATS__");
    const h = GasHarness.load({ code: text, now: new Date("2024-03-25T03:00:00Z") });
    writeConfig(h, fixtureTemplate());
    h.run("thietLapBangTinh");
    await h.run("tongHopBaoCao");
    expect(h.ui._dialogs.length).toBe(1);
  });
});

describe("the shims", () => {
  it("are what lets exceljs's writeBuffer() settle: without them the compile never delivers a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gas-noshim-"));
    const noShims = await buildGas({ outDir: dir, shims: false, probe: true });
    const run = async (source: string) => {
      const h = GasHarness.load({ code: source, now: new Date("2024-03-25T03:00:00Z") });
      writeConfig(h, fixtureTemplate());
      h.run("thietLapBangTinh");
      const done = Promise.resolve(h.run("tongHopBaoCao")).then(() => "settled");
      const timeout = new Promise((r) => setTimeout(() => r("never settled"), 3000));
      const outcome = await Promise.race([done, timeout]);
      return {
        outcome,
        dialogs: h.ui._dialogs.length,
        alerts: h.ui._alerts.map((a) => a.prompt),
        inits: h.exceljsInitCount(),
      };
    };
    // Without shims JSZip's scheduler throws inside a promise job: the rejection is lost and
    // writeBuffer() never settles (Node reports the lost rejection; Apps Script would time out).
    const lost: unknown[] = [];
    const keep = (e: unknown) => lost.push(e);
    const listeners = process.listeners("unhandledRejection");
    process.removeAllListeners("unhandledRejection");
    process.on("unhandledRejection", keep);
    let without;
    try {
      without = await run(readFileSync(noShims.file, "utf8"));
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off("unhandledRejection", keep);
      listeners.forEach((l) => process.on("unhandledRejection", l as (...a: unknown[]) => void));
    }
    expect(without.outcome).toBe("never settled");
    expect(without.dialogs).toBe(0);
    expect(without.inits).toBe(1);
    expect(lost.map(String).join("\n")).toMatch(/setTimeout is not defined/);
    const withShims = await run(code);
    expect(withShims.outcome).toBe("settled");
    expect(withShims.dialogs).toBe(1);
  });
});
