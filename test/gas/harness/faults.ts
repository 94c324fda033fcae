/** Fault injection and call hooks: a service call that throws halfway, or another execution starting mid-call. */
import type { Fake } from "./call-log.js";

/** The message Apps Script gives when Sheets fails mid-operation. */
export const SERVICE_FAILED =
  "Exception: Service Spreadsheets failed while accessing document with id 1FakeSpreadsheetId.";

/** One planned fault: the `nth` matching call (counted from when it is armed) throws. */
export interface FaultRule {
  /** "Class.method" as Apps Script documents it, e.g. "Range.setValues". */
  method: string;
  /** 1-based: which matching call throws. Default 1. */
  nth?: number;
  /** How many matching calls throw from the `nth` on. Default 1. */
  times?: number;
  message?: string;
  /** Only calls on objects of this sheet (a Sheet, or a Range of it). */
  sheet?: string;
  /** Only calls whose target passes this test. */
  where?: (target: Fake) => boolean;
}

interface Armed extends Required<Pick<FaultRule, "method" | "nth" | "times" | "message">> {
  rule: FaultRule;
  seen: number;
}

/** A fault that was thrown. */
export interface FiredFault {
  method: string;
  message: string;
  sheet?: string;
}

const sheetOf = (t: Fake): string | undefined => {
  const x = t as unknown as { _name?: string; _sheet?: { _name: string }; kind: string };
  if (x.kind === "Sheet") return x._name;
  return x._sheet?._name;
};

/** Throws planned faults before calls reach the fakes, and runs hooks after calls return. */
export class FaultInjector {
  private armed: Armed[] = [];
  private hooks: { method: string; nth: number; seen: number; run: () => void }[] = [];
  /** Every fault thrown so far, in order. */
  readonly fired: FiredFault[] = [];

  /** Plans a fault. */
  arm(rule: FaultRule): void {
    this.armed.push({
      rule,
      method: rule.method,
      nth: rule.nth ?? 1,
      times: rule.times ?? 1,
      message: rule.message ?? SERVICE_FAILED,
      seen: 0,
    });
  }
  /** Runs `run` right after the `nth` call of `method` returns (once). */
  after(method: string, nth: number, run: () => void): void {
    this.hooks.push({ method, nth, seen: 0, run });
  }
  /** Drops planned faults and hooks that did not happen. */
  clear(): void {
    this.armed = [];
    this.hooks = [];
  }
  /** Faults still planned. */
  get pending(): number {
    return this.armed.length;
  }

  /** Called by the boundary before each call. */
  before(target: Fake, method: string): void {
    const key = `${target.kind}.${method}`;
    for (const a of this.armed) {
      if (a.method !== key) continue;
      if (a.rule.sheet !== undefined && sheetOf(target) !== a.rule.sheet) continue;
      if (a.rule.where && !a.rule.where(target)) continue;
      a.seen++;
      if (a.seen >= a.nth && a.seen < a.nth + a.times) {
        if (a.seen === a.nth + a.times - 1) this.armed = this.armed.filter((x) => x !== a);
        this.fired.push({ method: key, message: a.message, sheet: sheetOf(target) });
        throw new Error(a.message);
      }
    }
  }
  /** Called by the boundary after each call returns. */
  afterCall(target: Fake, method: string): void {
    const key = `${target.kind}.${method}`;
    for (const h of [...this.hooks]) {
      if (h.method !== key) continue;
      h.seen++;
      if (h.seen === h.nth) {
        this.hooks = this.hooks.filter((x) => x !== h);
        h.run();
      }
    }
  }
}
