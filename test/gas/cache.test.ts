/**
 * CacheService as documented: a value over 100 KB (102,400 UTF-8 bytes) or a key over 250
 * characters is refused (https://developers.google.com/apps-script/reference/cache/cache). The
 * template cache is split by bytes with a wide margin, and a refused cache never stops set-up or editing.
 */
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../src/core/template/template.js";
import { columnLetters } from "./harness/a1.js";
import { GasHarness } from "./harness/gas-harness.js";
import { fixtureInput, writeConfig } from "./support/config-fixture.js";
import { at, lastAlert, Q1, useBundle } from "./support/scenario.js";

/** `n` units whose names are long and Vietnamese: 2–3 bytes a letter. */
function longNames(n: number) {
  const units = Array.from({ length: n }, (_, i) => {
    const code = String(i + 1).padStart(4, "0");
    return {
      code: `DV${code}`,
      name: `Trường Tiểu học và Trung học cơ sở Nguyễn Thị Định – điểm trường bản Mường Lường số ${code}, xã Ngọc Chiến, huyện Mường La`,
      group: i % 3 === 0 ? "TT" : "THPT",
      editors: [`dv${code}@truong.edu.vn`],
    };
  });
  return parseTemplate({ ...fixtureInput(), units });
}

/** Sets `t` up and types a bad value into the first unit's figure; the note written, and the alert. */
function setUpAndEdit(t: ReturnType<typeof longNames>, prepare?: (h: GasHarness) => void) {
  const h = GasHarness.load({ now: at("2024-03-18T10:00:00"), sharedEditors: t.units.flatMap((u) => u.editors) });
  writeConfig(h, t);
  prepare?.(h);
  h.run("thietLapBangTinh");
  const keys = h.sheet(Q1)._grid()[0] as string[];
  const col = keys.indexOf("so_tin_bai") + 1;
  h.type("dv0001@truong.edu.vn", Q1, `${columnLetters(col)}3`, "12 bài");
  return { h, alert: lastAlert(h), note: h.sheet(Q1)._cell(3, col)?.note ?? "" };
}

describe("the template cache", () => {
  useBundle();

  it("fits CacheService's byte limit at 2,000 units with long Vietnamese names, where pieces of 90,000 characters would not", () => {
    const t = longNames(2000);
    const json = JSON.stringify(t);
    // Today's split (90,000 characters) would give a piece over 102,400 bytes.
    const widest = Math.max(
      ...Array.from({ length: Math.ceil(json.length / 90_000) }, (_, i) =>
        Buffer.byteLength(json.slice(i * 90_000, (i + 1) * 90_000), "utf8"),
      ),
    );
    expect(widest).toBeGreaterThan(102_400);
    const r = setUpAndEdit(t);
    expect(r.alert).not.toMatch(/Không thiết lập được|Lỗi không mong muốn/);
    expect(r.h.cache._document._largestBytes).toBeGreaterThan(0);
    expect(r.h.cache._document._largestBytes).toBeLessThanOrEqual(102_400);
    expect(r.note).toMatch(/^Lỗi: /);
  }, 120_000);

  it("refused outright never stops set-up or editing: onEdit reads Cấu hình instead", () => {
    const t = longNames(20);
    const r = setUpAndEdit(t, (h) =>
      h.faults.arm({ method: "Cache.putAll", times: 100, message: "Exception: Service error: CacheService" }),
    );
    expect(r.h.faults.fired.length).toBeGreaterThan(0);
    expect(r.alert).toContain("Đã tạo trang");
    expect(r.alert).not.toMatch(/Không thiết lập được|Lỗi không mong muốn/);
    expect(r.note).toMatch(/^Lỗi: /);
  });
});
