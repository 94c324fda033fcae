/** Counts every call the script makes into the fake Apps Script services. */

/** A fake service object; the boundary counts calls on these by class and method. */
export abstract class Fake {
  /** Apps Script service the object belongs to, e.g. "SpreadsheetApp". */
  abstract readonly service: string;
  /** Class name as Apps Script documents it, e.g. "Range". */
  abstract readonly kind: string;
}

/** The calls made, in order, with their counts. */
export class CallLog {
  private readonly counts = new Map<string, number>();
  readonly order: string[] = [];
  /** Keep the ordered list only up to this length (counts are always kept). */
  orderLimit = 20_000;

  /** Records one call of `kind.method` on `service`. */
  add(service: string, kind: string, method: string): void {
    const key = `${service}:${kind}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.order.length < this.orderLimit) this.order.push(key);
  }

  /** Total calls, optionally of one service and/or matching a method filter. */
  count(filter: { service?: string; method?: RegExp | string } = {}): number {
    let n = 0;
    for (const [key, c] of this.counts) {
      const [service, rest] = key.split(":");
      if (filter.service && service !== filter.service) continue;
      if (filter.method) {
        const m = rest.split(".")[1];
        if (typeof filter.method === "string" ? m !== filter.method : !filter.method.test(rest)) continue;
      }
      n += c;
    }
    return n;
  }

  /** All counts as "Service:Class.method" → n. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort((a, b) => b[1] - a[1]));
  }

  reset(): void {
    this.counts.clear();
    this.order.length = 0;
  }
}
