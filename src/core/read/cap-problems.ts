/** Keeps a flood of problems readable: past a count per kind, the rest are summed up in one line. */
import type { Problem } from "../model/problem.js";
import { vnNumber } from "../vn/show.js";

/** How many problems of one kind (same code, column, unit and source) are listed one by one. */
export const PROBLEMS_PER_KIND = 20;

/** "3–7, 9, 12–40": 1-based rows as ranges, at most `max` ranges. */
function rowRanges(rows: number[], max = 6): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? vnNumber(sorted[i]) : `${vnNumber(sorted[i])}–${vnNumber(sorted[j])}`);
    i = j;
  }
  return parts.length > max ? `${parts.slice(0, max).join(", ")}…` : parts.join(", ");
}

/**
 * Keeps a flood readable: past {@link PROBLEMS_PER_KIND} problems of one kind (a pasted block
 * of thousands of rows), the rest become one problem saying how many and on which rows.
 * Nothing is hidden without being counted; problems of different units (`isUnit`) are never merged.
 */
export function capProblems(
  problems: readonly Problem[],
  isUnit: (code: string) => boolean = () => true,
  perKind = PROBLEMS_PER_KIND,
): Problem[] {
  // A code typed on an unknown row is not a unit: thousands of pasted codes are one kind.
  const unit = (p: Problem) => (p.unitCode && isUnit(p.unitCode) ? p.unitCode : "");
  const kind = (p: Problem) => `${p.severity}|${p.code}|${p.columnKey ?? p.column ?? ""}|${unit(p)}|${p.source ?? ""}`;
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(kind(p), (counts.get(kind(p)) ?? 0) + 1);
  if ([...counts.values()].every((n) => n <= perKind)) return [...problems];
  const seen = new Map<string, number>();
  const rest = new Map<string, Problem[]>();
  const out: Problem[] = [];
  for (const p of problems) {
    const k = kind(p);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (counts.get(k)! <= perKind || n < perKind) out.push(p);
    else {
      if (!rest.has(k)) {
        rest.set(k, []);
        out.push(p); // placeholder, replaced below by the summary
      }
      rest.get(k)!.push(p);
    }
  }
  return out.map((p) => {
    const group = rest.get(kind(p));
    if (!group || group[0] !== p) return p;
    const rows = group.map((x) => x.row).filter((r): r is number => r !== undefined);
    const values = [...new Set(group.map((x) => x.value).filter((v): v is string => !!v))];
    return {
      ...p,
      value: `${values.slice(0, 3).join("; ")}${values.length > 3 ? "; …" : ""}`,
      message: `Còn ${vnNumber(group.length)} trường hợp khác cùng lỗi này${rows.length ? ` (dòng ${rowRanges(rows)})` : ""}: ${p.message}`,
    };
  });
}
