/** The set-up's measured speed, kept in the document properties so the next run plans with it. */
import { SETUP_COST, type SetupCostModel } from "../../core/sheet-life/run-budget.js";

/** Document property holding the last measured rate. */
export const MEASURED_RATE_KEY = "tong-hop:measured-rate";

/** One measurement: Spreadsheet calls per second of row protection (protect, addEditors… have no published cost). */
export interface MeasuredRate {
  callsPerSecond: number;
  /** Calls and milliseconds it was measured on. */
  calls: number;
  ms: number;
  at: string;
}

/** Records a measurement; runs too short to say anything (under a second, or few calls) are ignored. */
export function recordRate(calls: number, ms: number): MeasuredRate | null {
  if (ms < 1000 || calls < 20) return null;
  const rate = { callsPerSecond: +((calls * 1000) / ms).toFixed(2), calls, ms, at: new Date().toISOString() };
  PropertiesService.getDocumentProperties().setProperty(MEASURED_RATE_KEY, JSON.stringify(rate));
  return rate;
}

/**
 * The set-up cost model for the next plan: the published-figure model, made slower when this
 * spreadsheet was measured slower (never faster: the model stays the floor).
 */
export function measuredModel(): SetupCostModel {
  const raw = PropertiesService.getDocumentProperties().getProperty(MEASURED_RATE_KEY);
  if (!raw) return SETUP_COST;
  try {
    const r = JSON.parse(raw) as MeasuredRate;
    if (!(r.callsPerSecond > 0)) return SETUP_COST;
    return { ...SETUP_COST, msPerCall: Math.max(SETUP_COST.msPerCall, 1000 / r.callsPerSecond) };
  } catch {
    return SETUP_COST;
  }
}
