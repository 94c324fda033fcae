/** Scores import-plan's reading of a real plan against a truth file written by reading the plan. */
import type { ImportPlanResult } from "../../src/core/import-plan/import-plan.js";
import { parseTimeframe } from "../../src/core/import-plan/timeframe.js";
import { stripDiacritics } from "../../src/core/vn/strip-diacritics.js";

/** One task as the plan states it: its number, owner and timeframe (null when the plan gives none). */
export interface TruthTask {
  number: string;
  owner: string | null;
  timeframe: string | null;
}

/** What a person read in the plan. */
export interface PlanTruth {
  source: string;
  format: string;
  issuer: { parent: string | null; name: string | null };
  documentNumber: string | null;
  signer: { name: string | null; title: string | null };
  tasks: TruthTask[];
}

/** How one plan scored. */
export interface PlanScore {
  tasks: number;
  found: number;
  ownersRight: number;
  timeframesRight: number;
  /** Found with the right owner and the right timeframe. */
  allRight: number;
  invented: string[];
  metadataRight: boolean;
  metadataWrong: string[];
  /** Truth numbers not found, or found with a wrong owner or timeframe, with why. */
  misses: { number: string; why: string; code?: string }[];
}

/** Lower case, no diacritics, no punctuation, spaces collapsed: "Ủy ban" = "Uỷ ban". */
export function norm(s: string | null | undefined): string {
  return stripDiacritics((s ?? "").normalize("NFC"))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function sameText(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return !!x && !!y && (x.includes(y) || y.includes(x));
}

function ownerRight(tool: string, truth: string | null): boolean {
  return truth === null ? !tool : sameText(tool, truth);
}

function timeframeRight(tool: string, from: string, truth: string | null, year: number): boolean {
  if (truth === null) return !tool || from === "plan";
  if (!tool) return false;
  if (sameText(tool, truth)) return true;
  const a = parseTimeframe(tool, year).due;
  return !!a && a === parseTimeframe(truth, year).due;
}

/** Pairs truth numbers with tool tasks: exact codes first, then table rows numbered under a section. */
function pair(r: ImportPlanResult, truth: PlanTruth): Map<string, number> {
  const byNumber = new Map<string, number>();
  const used = new Set<number>();
  const want = truth.tasks.map((t) => t.number.replace(/\.$/, ""));
  want.forEach((n) => {
    const i = r.tasks.findIndex((t, k) => !used.has(k) && (t.planCode ?? t.code) === n);
    if (i >= 0) {
      byNumber.set(n, i);
      used.add(i);
    }
  });
  const order = r.tasks
    .map((_, k) => k)
    .sort((a, b) => Number(!/^PL\./.test(r.tasks[a].code)) - Number(!/^PL\./.test(r.tasks[b].code)));
  want.forEach((n) => {
    if (byNumber.has(n) || !/^\d+(?:\.\d+)*$/.test(n)) return;
    // A Phụ lục row numbered "1.1" is coded "PL.1.1"; a row under a Roman section row "PL.I.1".
    const code = new RegExp(`^(?:PL\\.)?(?:[IVX]+\\.)?${n.replace(/\./g, "\\.")}$`);
    const i = order.find((k) => !used.has(k) && code.test(r.tasks[k].code));
    if (i !== undefined) {
      byNumber.set(n, i);
      used.add(i);
    }
  });
  return byNumber;
}

function metadataProblems(r: ImportPlanResult, truth: PlanTruth): string[] {
  const m = r.metadata;
  const wrong: string[] = [];
  const eq = (label: string, tool: string, want: string | null) => {
    if (norm(tool) !== norm(want)) wrong.push(`${label}: "${tool}" ≠ "${want ?? ""}"`);
  };
  eq("issuer.name", m.issuerSource === "header" ? m.issuerName : "", truth.issuer.name);
  eq("issuer.parent", m.issuerParent, truth.issuer.parent);
  eq("number", m.symbol ? `${m.number}/${m.symbol}` : "", truth.documentNumber);
  eq("signer.name", m.signer?.name ?? "", truth.signer.name);
  return wrong;
}

/** Scores `r` against `truth`. */
export function scorePlan(r: ImportPlanResult, truth: PlanTruth): PlanScore {
  const year = r.metadata.years[0] ?? 2025;
  const byNumber = pair(r, truth);
  const s: PlanScore = {
    tasks: truth.tasks.length,
    found: 0,
    ownersRight: 0,
    timeframesRight: 0,
    allRight: 0,
    invented: [],
    metadataRight: false,
    metadataWrong: [],
    misses: [],
  };
  for (const t of truth.tasks) {
    const n = t.number.replace(/\.$/, "");
    const i = byNumber.get(n);
    if (i === undefined) {
      s.misses.push({ number: t.number, why: "không tìm thấy" });
      continue;
    }
    const task = r.tasks[i];
    s.found++;
    const ow = ownerRight(task.owner, t.owner);
    const tf = timeframeRight(task.timeframe, task.timeframeFrom, t.timeframe, year);
    if (ow) s.ownersRight++;
    if (tf) s.timeframesRight++;
    if (ow && tf) s.allRight++;
    else
      s.misses.push({
        number: t.number,
        code: task.code,
        why: [
          ow ? "" : `đơn vị "${task.owner}" ≠ "${t.owner ?? ""}"`,
          tf ? "" : `thời gian "${task.timeframe}" ≠ "${t.timeframe ?? ""}"`,
        ]
          .filter(Boolean)
          .join("; "),
      });
  }
  const matched = new Set(byNumber.values());
  s.invented = r.tasks.filter((_, k) => !matched.has(k)).map((t) => t.code);
  s.metadataWrong = metadataProblems(r, truth);
  s.metadataRight = s.metadataWrong.length === 0;
  return s;
}

/** The score table, one row a plan, in the README's words. */
export function scoreTable(rows: { plan: string; format: string; score: PlanScore }[]): string {
  const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)} %` : "—");
  const head =
    "| Kế hoạch | Dạng tệp | Nhiệm vụ | Tìm thấy | Đúng đơn vị | Đúng thời gian | Đúng cả hai | Thêm sai | Thông tin văn bản |";
  const lines = rows.map(
    ({ plan, format, score: s }) =>
      `| ${plan} | ${format} | ${s.tasks} | ${s.found} | ${s.ownersRight} | ${s.timeframesRight} | ${s.allRight} (${pct(s.allRight, s.tasks)}) | ${s.invented.length} | ${s.metadataRight ? "đúng" : "sai"} |`,
  );
  return [head, "|---|---|---|---|---|---|---|---|---|", ...lines].join("\n");
}
