/** Sums decimals exactly and independently of order, by adding scaled integers. */

/** Number of decimal places in `n`'s shortest representation (max 12). */
export function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const e = s.match(/e-(\d+)$/);
  if (e) return Math.min(12, Number(e[1]) + (s.split("e")[0].split(".")[1]?.length ?? 0));
  return Math.min(12, s.split(".")[1]?.length ?? 0);
}

/**
 * Exact sum: 0.1 + 0.2 gives 0.3, integers stay integers, and the result does not depend
 * on the order of `values`.
 */
export function exactSum(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const d = values.reduce((m, v) => Math.max(m, decimalPlaces(v)), 0);
  if (d === 0 && values.every((v) => Number.isSafeInteger(v))) {
    let s = 0n;
    for (const v of values) s += BigInt(v);
    return Number(s);
  }
  const scale = 10 ** d;
  let s = 0n;
  for (const v of values) s += BigInt(Math.round(v * scale));
  return Number(s) / scale;
}
