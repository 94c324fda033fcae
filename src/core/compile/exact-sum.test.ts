import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactSum } from "./exact-sum.js";

describe("exactSum", () => {
  it("sums decimals exactly", () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([12.5, 8.5, 0.25])).toBe(21.25);
  });
  it("keeps integers integers", () => {
    expect(exactSum([1, 2, 3])).toBe(6);
    expect(Number.isInteger(exactSum([1000000, 2345]))).toBe(true);
  });
  it("does not depend on order", () => {
    const decimal = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 60 }), (xs) => {
        const rev = [...xs].reverse();
        const sorted = [...xs].sort((a, b) => a - b);
        return exactSum(xs) === exactSum(rev) && exactSum(xs) === exactSum(sorted);
      }),
    );
  });
});
