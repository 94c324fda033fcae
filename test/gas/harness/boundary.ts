/** The realm boundary: script objects see counted proxies of the fakes, and values of their own realm. */
import { type CallLog, Fake } from "./call-log.js";
import type { FaultInjector } from "./faults.js";

/** Constructors of the script's realm (the vm context). */
export interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Object: ObjectConstructor;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** Wraps fakes in counting proxies and converts values between the host and the script realm. */
export class Boundary {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(
    readonly realm: Realm,
    readonly log: CallLog,
    readonly faults?: FaultInjector,
  ) {}

  /** A value as the script must see it. */
  toScript(v: unknown): unknown {
    if (v && typeof v === "object" && this.targets.has(v)) return v;
    if (v instanceof Fake) return this.wrap(v);
    if (isDate(v)) return new this.realm.Date(v.getTime());
    if (Array.isArray(v)) {
      const out = new this.realm.Array();
      for (const x of v) out.push(this.toScript(x));
      return out;
    }
    if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      const out = new this.realm.Object() as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) out[k] = this.toScript(x);
      return out;
    }
    return v;
  }

  /** A value the script passed in, as the host handles it. */
  toHost(v: unknown): unknown {
    if (v && (typeof v === "object" || typeof v === "function") && this.targets.has(v as object))
      return this.targets.get(v as object);
    if (isDate(v)) return new Date((v as Date).getTime());
    if (Array.isArray(v)) return v.map((x) => this.toHost(x));
    if (ArrayBuffer.isView(v)) return v;
    if (v && typeof v === "object" && typeof v !== "function") {
      const proto = Object.getPrototypeOf(v);
      if (proto === null || Object.getPrototypeOf(proto) === null) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = this.toHost(x);
        return out;
      }
    }
    return v;
  }

  /** The counting proxy of a fake (one per fake, so identity comparisons hold). */
  wrap<T extends Fake>(fake: T): T {
    if (this.targets.has(fake)) return fake;
    const hit = this.proxies.get(fake);
    if (hit) return hit as T;
    const self = this;
    const proxy = new Proxy(fake, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof prop !== "string" || prop.startsWith("_") || typeof value !== "function") {
          return typeof prop === "string" && !prop.startsWith("_") && typeof value !== "function"
            ? self.toScript(value)
            : undefined;
        }
        return (...args: unknown[]) => {
          self.log.add(target.service, target.kind, prop);
          self.faults?.before(target, prop);
          const out = (value as (...a: unknown[]) => unknown).apply(
            target,
            args.map((a) => self.toHost(a)),
          );
          self.faults?.afterCall(target, prop);
          return self.toScript(out);
        };
      },
      set() {
        return false;
      },
    });
    this.proxies.set(fake, proxy);
    this.targets.set(proxy, fake);
    return proxy as T;
  }
}
