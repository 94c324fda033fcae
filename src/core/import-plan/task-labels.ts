/** Reads the labelled lines of a task ("Đơn vị thực hiện: …", "Thời gian thực hiện: …"). */
import { subjectText } from "./units.js";

/** Owner, coordinator and timeframe labels of an item. */
export interface Labels {
  owner?: string;
  ownerLine?: number;
  coordinator?: string;
  timeframe?: string;
  timeframeLine?: number;
}

const OWNER_LABEL =
  /^(?:Đơn vị|Cơ quan|Bộ phận)\s+(?:thực hiện|chủ trì|chịu trách nhiệm|triển khai|đầu mối)(?:\s+thực hiện)?$|^(?:Chủ trì|Trách nhiệm|Phân công|Đơn vị)$/iu;
const COORD_LABEL = /^(?:(?:Đơn vị|Cơ quan)\s+)?phối hợp(?:\s+thực hiện)?$/iu;
const TIME_LABEL = /^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|hoàn thành|dự kiến|triển khai|tổ chức))?$/iu;

/**
 * The unit a "Cơ quan thực hiện:" value names when the value goes on into the duty ("Sở Thông tin
 * và Truyền thông đôn đốc, hướng dẫn các đơn vị …" → the Sở); the value itself otherwise.
 */
function ownerOfValue(value: string): string {
  const subject = subjectText(value);
  return subject.split(/\s+/).length >= 2 ? subject.replace(/[\s,;:]+$/, "") : value;
}

/** Reads "Đơn vị thực hiện: …", "Phối hợp: …", "Thời gian thực hiện: …" and "(phối hợp với …)" from lines. */
export function readLabels(lines: { text: string; line: number }[]): Labels {
  const out: Labels = {};
  for (const l of lines) {
    const text = l.text.replace(/^[-+•–]\s*/, "");
    // A label ends where the next label starts ("…; Thời gian thực hiện: …"), not at every ";" of a unit list.
    for (const seg of text.split(/;\s+(?=[^:;]{2,40}:)|\.\s+(?=\p{Lu})/u)) {
      const m = /^([^:]{2,40}?)\s*:\s*(.+)$/u.exec(seg.trim());
      if (!m) continue;
      const label = m[1].trim();
      const value = m[2].replace(/[\s.;]+$/, "").trim();
      if (!value) continue;
      if (OWNER_LABEL.test(label) && !out.owner) {
        const lead = /^(.+?)\s+chủ trì(?:\s*[,;]\s*|\s+)(?:phối hợp(?:\s+với)?\s+(.+))?$/u.exec(value);
        out.owner = lead ? lead[1] : ownerOfValue(value);
        if (lead?.[2] && !out.coordinator) out.coordinator = lead[2];
        out.ownerLine = l.line;
      } else if (COORD_LABEL.test(label) && !out.coordinator) {
        out.coordinator = value;
      } else if (TIME_LABEL.test(label) && !out.timeframe) {
        out.timeframe = value;
        out.timeframeLine = l.line;
      }
    }
    const paren = /\((?:phối hợp(?:\s+với)?)\s+([^)]+)\)/u.exec(text);
    if (paren && !out.coordinator) out.coordinator = paren[1].trim();
    const lead = /\((?:chủ trì|đơn vị chủ trì)\s*:?\s*([^)]+)\)/iu.exec(text);
    if (lead && !out.owner) {
      out.owner = lead[1].trim();
      out.ownerLine = l.line;
    }
  }
  return out;
}

/** True for a labelled line ("- Thời gian thực hiện: …", "Nội dung: …"). */
export function isLabelLine(text: string): boolean {
  const m = /^[-+•–]?\s*([^:]{2,40}?)\s*:/u.exec(text);
  return (
    !!m &&
    (OWNER_LABEL.test(m[1].trim()) ||
      COORD_LABEL.test(m[1].trim()) ||
      TIME_LABEL.test(m[1].trim()) ||
      /^(Nội dung|Đối tượng|Hình thức|Số lượng)/iu.test(m[1]))
  );
}

/** The labels without the ones not found, so that spreading them keeps inherited values. */
export function stripUndefined(l: Labels): Labels {
  const out: Labels = {};
  for (const [k, v] of Object.entries(l)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
