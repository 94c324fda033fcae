/** Reads where reports go: who reports, who compiles ("về Sở …", "qua Sở …") and who receives the compiled report. */
import { subjectUnits } from "./units.js";

/** The route of reports named in one sentence. Empty strings when not stated. */
export interface ReportRoute {
  /** Units that send reports ("Phòng GD&ĐT quận, huyện", "các đơn vị giáo dục"). */
  reporters: string[];
  /** The body that collects and compiles them. */
  compiler: string;
  /** The body the compiled report goes to. */
  recipient: string;
}

const BODY =
  "(?:Sở|Phòng|Ủy ban|Uỷ ban|UBND|Ban|Bộ|Văn phòng|Thường trực|Thủ tướng|Chính phủ|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|HĐND|Hội đồng|Cục|Trung tâm)";
const STOP = "(?=\\s*(?:\\(|để|trước|theo|khi|định kỳ|hằng|hàng|vào|tổng hợp|,|;|\\.|$))";
const TO_RE = new RegExp(
  `báo cáo(?:\\s+kết quả[^,;.()]*?)?\\s+(?:về\\s+|gửi\\s+|cho\\s+)?(${BODY}[^,;.()]*?)${STOP}`,
  "u",
);
const VIA_RE = /\(\s*qua\s+([^)]+?)\s*\)/u;
const UP_RE = new RegExp(`tổng hợp,?\\s*(?:và\\s+)?báo cáo\\s+(${BODY}[^,;.()]*?)${STOP}`, "u");

function tidy(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Reads the report route of `sentence`; fields it does not state stay empty. */
export function readReportRoute(sentence: string): ReportRoute {
  const to = TO_RE.exec(sentence);
  const via = VIA_RE.exec(sentence);
  const up = UP_RE.exec(sentence);
  // "(qua Sở …)" names another body that compiles; "(qua Văn phòng Sở)" is an office inside the receiver.
  const viaBody = via && /^(?:Sở|Ủy ban|Uỷ ban|UBND|Ban|Bộ|Cục|Trung tâm)\s/u.test(via[1].trim()) ? tidy(via[1]) : "";
  let compiler = "";
  let recipient = "";
  if (viaBody) {
    compiler = viaBody;
    recipient = to ? tidy(to[1]) : "";
  } else {
    compiler = to && (!up || to.index !== up.index + up[0].indexOf("báo cáo")) ? tidy(to[1]) : "";
    recipient = up ? tidy(up[1]) : "";
  }
  if (compiler && recipient && compiler === recipient) recipient = "";
  return { reporters: subjectUnits(sentence), compiler, recipient };
}
