/** Long runs stop by their own elapsed time, whatever the model said, and record the speed they measured. */
import { describe, expect, it } from "vitest";
import { MEASURED_RATE_KEY } from "../../src/gas/sheets/measured-rate.js";
import { GasHarness } from "./harness/gas-harness.js";
import { templateWithUnits, writeConfig } from "./support/config-fixture.js";
import { at, lastAlert, useBundle } from "./support/scenario.js";

describe("Thiết lập bảng tính", () => {
  useBundle();

  it("does not start another data sheet once its own time is spent, records the measured rate, and the next run resumes", () => {
    const t = templateWithUnits(30);
    const h = GasHarness.load({ now: at("2024-03-18T10:00:00"), sharedEditors: t.units.flatMap((u) => u.editors) });
    writeConfig(h, t);
    const second = t.periods[1].label;
    // The model says one run; Google is slower today: the first sheet's last protection ends past the budget.
    h.faults.after("Range.protect", 33, () => h.world.advance(4.6 * 60_000));
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).toContain("CHƯA XONG");
    expect(h.ss.getSheetByName(second)).toBeNull();
    const rate = JSON.parse(h.props._document.getProperty(MEASURED_RATE_KEY)!);
    expect(rate.calls).toBe(30 * 5);
    expect(rate.callsPerSecond).toBeCloseTo((30 * 5) / (4.6 * 60), 1);
    // (The clock jump above is not a real speed: forget it so the next plan is the ordinary one.)
    h.props._document.deleteProperty(MEASURED_RATE_KEY);
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).not.toContain("CHƯA XONG");
    expect(h.ss.getSheetByName(second)).not.toBeNull();
  });

  it("plans the next run with a measured rate slower than the model, saying more runs are needed", () => {
    const t = templateWithUnits(30);
    const h = GasHarness.load({ now: at("2024-03-18T10:00:00"), sharedEditors: t.units.flatMap((u) => u.editors) });
    writeConfig(h, t);
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).not.toContain("lần chạy");
    // A later run measured 2 calls per second on this spreadsheet (the model says ≈ 143).
    h.props._document.setProperty(
      MEASURED_RATE_KEY,
      JSON.stringify({ callsPerSecond: 2, calls: 150, ms: 75_000, at: "2024-03-17T10:00:00Z" }),
    );
    h.props._document.deleteProperty("tong-hop:setup-resume");
    h.run("thietLapBangTinh");
    expect(lastAlert(h)).toMatch(/Thiết lập cần khoảng \d+ lần chạy/);
  });
});
