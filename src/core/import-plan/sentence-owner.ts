/** The unit an item's own sentence names as its doer, when no label or heading names one. */
import { joinUnits, sameUnit, startsWithUnit, subjectUnits } from "./units.js";

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

/**
 * The owners an item's body names when its heading only states a target ("Thành lập mới khoảng
 * 500ha các khu, cụm công nghiệp:") and every paragraph or bullet under it opens with the unit that
 * does it ("- Sở Công Thương chủ trì …", "- Ủy ban nhân dân cấp xã: đầu tư …"): the doers, in order,
 * joined by ";". A body where some bullets are plain actions ("- Tổ chức quán triệt …") is a list
 * of measures, and a unit opening one of them is that bullet's doer, not the item's: "".
 */
export function bodyOwner(body: { text: string }[]): string {
  const leads = body
    .filter((l, i) => i === 0 || /^[-•–]\s/u.test(l.text))
    .map((l) => l.text.replace(/^[-•–]\s*/u, ""))
    .filter((t) => !/^\(.*\)$/u.test(t));
  if (!leads.length || !leads.every(startsWithUnit)) return "";
  const owners: string[] = [];
  for (const lead of leads) {
    const units = joinUnits(subjectUnits(lead));
    if (units && !owners.some((o) => sameUnit(o, units))) owners.push(units);
  }
  return owners.join("; ");
}

/**
 * The units a part's opening sentence gives the list below it to ("…, bên cạnh các nhiệm vụ thường
 * xuyên, các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh … cần cụ thể hóa và tổ chức triển khai
 * thực hiện các nhiệm vụ sau đây:"), with its line; null when no sentence announces the list so.
 */
export function announcedOwner(body: { text: string; line: number }[]): { owner: string; line: number } | null {
  for (const l of body) {
    if (!/(?:nhiệm vụ|sau|sau đây)\s*:\s*$/u.test(l.text)) continue;
    const pieces = l.text.split(/,\s+/u);
    for (let k = 0; k < pieces.length; k++) {
      if (!startsWithUnit(pieces[k])) continue;
      const units = subjectUnits(pieces.slice(k).join(", "));
      if (units.length) return { owner: joinUnits(units), line: l.line };
    }
  }
  return null;
}
