/** Timer and crypto shims for Apps Script, which lacks setTimeout, setImmediate and crypto. */

/** The globals the shims provide. */
export interface ShimTarget {
  setTimeout?: unknown;
  clearTimeout?: unknown;
  setInterval?: unknown;
  clearInterval?: unknown;
  setImmediate?: unknown;
  clearImmediate?: unknown;
  crypto?: { getRandomValues?: unknown };
}

type Callback = (...args: unknown[]) => void;

interface Timer {
  id: number;
  due: number;
  seq: number;
  fn: Callback;
  args: unknown[];
  every?: number;
}

/**
 * Installs the missing globals on `g` and returns the names it installed. Timers run in a
 * queue drained through promise jobs, earliest due first (a virtual clock: nothing waits
 * for real time, which Apps Script could only spend with Utilities.sleep). Without them
 * JSZip, inside exceljs's `writeBuffer()`, schedules work that never runs and the promise
 * never settles. `getRandomValues` is filled from Math.random: only ids in the zip need it.
 */
export function installShims(g: ShimTarget): string[] {
  const installed: string[] = [];
  const timers: Timer[] = [];
  let nextId = 1;
  let seq = 0;
  let now = 0;
  let pumping = false;

  const pump = (): void => {
    pumping = false;
    if (timers.length === 0) return;
    let best = 0;
    for (let i = 1; i < timers.length; i++) {
      const a = timers[i];
      const b = timers[best];
      if (a.due < b.due || (a.due === b.due && a.seq < b.seq)) best = i;
    }
    const t = timers[best];
    timers.splice(best, 1);
    if (t.due > now) now = t.due;
    if (t.every !== undefined) timers.push({ ...t, due: now + t.every, seq: seq++ });
    schedule();
    t.fn(...t.args);
  };
  const schedule = (): void => {
    if (pumping || timers.length === 0) return;
    pumping = true;
    Promise.resolve().then(pump);
  };
  const add = (fn: unknown, ms: unknown, args: unknown[], repeat: boolean): number => {
    if (typeof fn !== "function") throw new TypeError("Callback must be a function");
    const delay = Math.max(0, Number(ms) || 0);
    const id = nextId++;
    timers.push({
      id,
      due: now + delay,
      seq: seq++,
      fn: fn as Callback,
      args,
      every: repeat ? Math.max(1, delay) : undefined,
    });
    schedule();
    return id;
  };
  const clear = (id: unknown): void => {
    const i = timers.findIndex((t) => t.id === id);
    if (i >= 0) timers.splice(i, 1);
  };
  const define = (name: keyof ShimTarget, value: unknown): void => {
    if (typeof g[name] === "function") return;
    (g as Record<string, unknown>)[name] = value;
    installed.push(name);
  };

  define("setTimeout", (fn: unknown, ms?: unknown, ...args: unknown[]) => add(fn, ms, args, false));
  define("clearTimeout", clear);
  define("setInterval", (fn: unknown, ms?: unknown, ...args: unknown[]) => add(fn, ms, args, true));
  define("clearInterval", clear);
  define("setImmediate", (fn: unknown, ...args: unknown[]) => add(fn, 0, args, false));
  define("clearImmediate", clear);
  if (!g.crypto || typeof g.crypto.getRandomValues !== "function") {
    const getRandomValues = <T extends ArrayBufferView>(view: T): T => {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
      return view;
    };
    if (g.crypto) (g.crypto as Record<string, unknown>).getRandomValues = getRandomValues;
    else g.crypto = { getRandomValues };
    installed.push("crypto.getRandomValues");
  }
  return installed;
}
