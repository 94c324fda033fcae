/** Shared pieces of task extraction: an item's lines and text, a blank task, a clean title, timeframes. */
import type { OutlineNode } from "./outline.js";
import type { Labels } from "./task-labels.js";
import type { PlanTask, TaskExtraction } from "./task-types.js";
import { cutTitle, firstSentence } from "./title-text.js";
import { subjectText } from "./units.js";

/** An item's heading and body lines. */
export function nodeLines(n: OutlineNode): { text: string; line: number }[] {
  return [{ text: n.title, line: n.line }, ...n.body.map((b) => ({ text: b.text, line: b.line }))];
}

/** An item's heading and body, one line per source line. */
export function nodeText(n: OutlineNode): string {
  return nodeLines(n)
    .map((l) => l.text)
    .filter(Boolean)
    .join("\n");
}

/** A task title without its bullet and the "(phối hợp …)" asides. */
export function cleanTaskTitle(s: string): string {
  const t = s
    .replace(/^[-+•–]\s*/, "")
    .replace(/\s*\((?:phối hợp|chủ trì|đơn vị)[^)]*\)/giu, "")
    .trim();
  return cutTitle(t);
}

/** A task for `node` with no owner or timeframe yet. */
export function baseTask(node: OutlineNode, part: OutlineNode): PlanTask {
  return {
    code: node.code,
    planCode: node.renumberedFrom,
    synthesized: false,
    title: "",
    text: nodeText(node),
    line: node.line,
    part: part.title,
    owner: "",
    ownerFrom: "",
    coordinator: "",
    assignees: [],
    timeframe: "",
    timeframeFrom: "",
  };
}

/**
 * A time the duty's own wording sets: "… trình Thủ tướng Chính phủ trong quý 1/2019", "theo kế hoạch
 * hằng năm", "hoàn thành trước ngày 10 tháng 6 năm 2026", "Định kỳ hằng năm tổng hợp …", and the date a
 * calendar item is set for ("Tựu trường các cấp học: Ngày 26/8/2024").
 */
const TIME_PHRASE_RE =
  /(?<=^|\n|[.;]\s)(?:-\s*)?(?:Năm|Đến năm)\s+\d{4}(?=[:,])|(?:trong|trước|đến hết|chậm nhất|hoàn thành trong|hoàn thành trước)\s+(?:quý\s+(?:[IVX]+|[1-4])\s*(?:\/|năm)\s*\d{4}|tháng\s+\d{1,2}\s*(?:\/|năm)\s*\d{4}|năm\s+\d{4}|ngày\s+\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})|theo kế hoạch (?:hằng|hàng) năm(?: và dài hạn)?|^Định kỳ (?:hằng|hàng) (?:tháng|quý|năm)(?=[\s,])|(?<=^[^\n:]{3,80}:\s*)Ngày\s+\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/iu;

/**
 * True when one of the duty's first two lines says the duty itself is ongoing: "Thường xuyên …",
 * "Đề nghị Sở thường xuyên cung cấp …", "… thực hiện thường xuyên." An adverb deep in the
 * sentence ("… chủ động, thường xuyên lãnh đạo", "nhiệm vụ thường xuyên, lâu dài") qualifies
 * one verb among many, not the duty's time.
 */
export function saysOngoing(text: string): boolean {
  return text
    .split("\n")
    .slice(0, 2)
    .some((line) => {
      const s = firstSentence(line.replace(/^[-+•–]\s*/, ""));
      const m = /(?:^|[\s(])thường xuyên(?=[\s,)]|$)/iu.exec(s);
      if (!m) return false;
      const before = s.slice(0, m.index).trim();
      return !before || before === subjectText(s) || /^\(?thường xuyên\)?$/iu.test(s.slice(m.index).trim());
    });
}

/**
 * The task's timeframe: its own, else its parent's, else "thường xuyên" or a time phrase in its
 * wording, else the plan's.
 */
export function applyTime(
  t: PlanTask,
  own: Labels,
  inherited: Labels,
  planTimeframe: TaskExtraction["planTimeframe"],
): void {
  if (own.timeframe) {
    t.timeframe = own.timeframe;
    t.timeframeFrom = "item";
    t.timeframeLine = own.timeframeLine;
  } else if (inherited.timeframe) {
    t.timeframe = inherited.timeframe;
    t.timeframeFrom = "parent";
    t.timeframeLine = inherited.timeframeLine;
  } else if (saysOngoing(t.text)) {
    t.timeframe = "Thường xuyên";
    t.timeframeFrom = "wording";
    t.timeframeLine = t.line;
  } else if (TIME_PHRASE_RE.test(t.text)) {
    // A PDF breaks "trước ngày 30 \ntháng 6 năm 2026" across lines: the timeframe is one phrase.
    t.timeframe = TIME_PHRASE_RE.exec(t.text)![0].replace(/^-\s*/, "").replace(/\s+/g, " ");
    t.timeframeFrom = "wording";
    t.timeframeLine = t.line;
  } else if (planTimeframe) {
    t.timeframe = planTimeframe.text;
    t.timeframeFrom = "plan";
    t.timeframeLine = planTimeframe.line;
  }
}
