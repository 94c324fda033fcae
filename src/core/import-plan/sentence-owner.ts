/** The unit an item's own sentence names as its doer, when no label or heading names one. */
import { joinUnits, subjectUnits } from "./units.js";

/** An aside that hands the item to a unit: "(Giao Công an tỉnh chủ trì, phối hợp với …)". */
const ASIDE_RE = /\(\s*((?:Giao|Đề nghị)\s[^()]{3,240})\)/u;

/**
 * The owner an item's first line names: the units its sentence starts with ("Các sở, ban, ngành
 * …; UBND các huyện tiếp tục tổ chức …"), else the unit of a "(Giao X chủ trì …)" aside; "" when
 * it names none. Only the first line counts: a bullet further down names the doer of that bullet.
 */
export function sentenceOwner(firstLine: string): string {
  const lead = firstLine.replace(/^[-+•–]\s*/, "");
  const subject = subjectUnits(lead);
  if (subject.length) return joinUnits(subject);
  const aside = ASIDE_RE.exec(lead);
  const units = aside ? subjectUnits(aside[1]) : [];
  return units.length ? joinUnits(units) : "";
}
