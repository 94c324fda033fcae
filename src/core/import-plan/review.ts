/** The review list import-plan hands to the Văn phòng: what was found and what a person must decide. */

/** One entry of the review list. `what` is Vietnamese; `line` is the 1-based source line. */
export interface ReviewItem {
  kind: "found" | "needs-review";
  what: string;
  line?: number;
  /** The source text the entry is about (shortened). */
  text?: string;
  /** The task code the entry is about, when it is about a task. */
  code?: string;
}

/** Shortens `s` to at most `max` characters at a word boundary, adding "…". */
export function shorten(s: string, max = 160): string {
  const t = s.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(" ");
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** Convenience builders for review entries. */
export const review = {
  found(what: string, line?: number, text?: string, code?: string): ReviewItem {
    return clean({ kind: "found", what, line, text: text === undefined ? undefined : shorten(text), code });
  },
  needs(what: string, line?: number, text?: string, code?: string): ReviewItem {
    return clean({ kind: "needs-review", what, line, text: text === undefined ? undefined : shorten(text), code });
  },
};

function clean(r: ReviewItem): ReviewItem {
  const out: ReviewItem = { kind: r.kind, what: r.what };
  if (r.line !== undefined) out.line = r.line;
  if (r.text) out.text = r.text;
  if (r.code) out.code = r.code;
  return out;
}

/** Counts of the review list: tasks found and how many of them need a person. */
export interface ReviewSummary {
  tasks: number;
  tasksNeedingReview: number;
  needsReview: number;
  found: number;
}

/** Summarises `items` for the given task codes. */
export function summarizeReview(items: ReviewItem[], taskCodes: string[]): ReviewSummary {
  const codes = new Set(taskCodes);
  const flagged = new Set(
    items.filter((i) => i.kind === "needs-review" && i.code && codes.has(i.code)).map((i) => i.code),
  );
  return {
    tasks: codes.size,
    tasksNeedingReview: flagged.size,
    needsReview: items.filter((i) => i.kind === "needs-review").length,
    found: items.filter((i) => i.kind === "found").length,
  };
}

/** The review list as Vietnamese text: things to decide first, then what was found. */
export function formatReview(items: ReviewItem[], taskCodes: string[] = []): string {
  const s = summarizeReview(items, taskCodes);
  const lines: string[] = [];
  const entry = (i: ReviewItem) => {
    const where = i.line !== undefined ? `[dòng ${i.line}] ` : "";
    lines.push(`  - ${where}${i.what}`);
    if (i.text) lines.push(`      «${i.text}»`);
  };
  lines.push(`Tìm thấy ${s.tasks} nhiệm vụ, trong đó ${s.tasksNeedingReview} nhiệm vụ cần xem lại.`);
  lines.push("");
  lines.push(`CẦN NGƯỜI XEM LẠI (${s.needsReview} mục):`);
  items.filter((i) => i.kind === "needs-review").forEach(entry);
  lines.push("");
  lines.push(`ĐÃ TÌM THẤY (${s.found} mục):`);
  items.filter((i) => i.kind === "found").forEach(entry);
  return lines.join("\n");
}
