/** Tasks and provisions of the "Tổ chức thực hiện" parts: an item headed by a unit is that unit's task. */
import type { OutlineNode } from "./outline.js";
import { readLabels } from "./task-labels.js";
import { applyTime, baseTask, cleanTaskTitle, nodeLines } from "./task-node.js";
import type { PlanTask, Provision, TaskExtraction } from "./task-types.js";
import { cleanUnitName, isUnitName, joinUnits, splitUnits, subjectText, subjectUnits } from "./units.js";

const GENERAL_RE =
  /Kế hoạch này|kế hoạch này|(?:các\s+)?nội dung(?:,\s*kế hoạch)?\s+(?:của\s+)?Kế hoạch|tổ chức thực hiện các nội dung|chỉ đạo thực hiện (?:các\s+)?(?:nội dung\s+)?nhiệm vụ được giao (?:trong|tại) (?:Kế hoạch|Chương trình|Quyết định)/u;
const OVERSIGHT_RE = /^\S.{0,80}?\s(?:có trách nhiệm\s+)?(?:theo dõi|đôn đốc|giám sát|tổng hợp)(?=[\s,])/u;
/** A duty of following up others' work ("Chủ trì theo dõi, tổng hợp kết quả…"): the compiler's, not a task. */
const OVERSIGHT_DUTY_RE =
  /^(?:[-+•–]\s*)?(?:chủ trì,?\s*)?(?:theo dõi|đôn đốc|giám sát,? đôn đốc|giám sát việc thực hiện kế hoạch|tổng hợp|kiểm tra, đôn đốc)(?=[\s,])/iu;
/**
 * The issuing body's own office: its follow-up duty is the compiling of the report. A ministry, Sở
 * or People's Committee given follow-up ("Bộ Nội vụ … hướng dẫn, đôn đốc, theo dõi") has a task.
 */
const OFFICE_RE = /^(?:Chánh\s+)?Văn phòng(?=\s|$)/u;
/** A unit's duty to report its own results ("Định kỳ báo cáo…", "Thực hiện chế độ báo cáo định kỳ…"): the regime, not a task. */
const REPORTING_DUTY_RE =
  /^(?:[-+•–]\s*)?(?:định kỳ(?:\s+(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm))?,?\s+báo cáo|(?:thực hiện\s+)?(?:chế độ báo cáo|báo cáo định kỳ))(?=[\s,.]|$)/iu;
/** A unit's duty to compile its own results and send them up ("Tổng hợp, đánh giá … kết quả thực hiện …; gửi Bộ Nội vụ để tổng hợp báo cáo …"). */
const SEND_RESULTS_RE =
  /^(?:[-+•–]\s*)?tổng hợp,?\s.{0,160}?kết quả thực hiện.{0,200}?gửi\s.{0,80}?(?:tổng hợp|báo cáo)/isu;
/** The funding clause of an assignment ("Kinh phí triển khai … thực hiện theo quy định"): not work. */
const FUNDING_RE = /^(?:[-+•–]\s*)?(?:kinh phí|nguồn kinh phí)\s/iu;

/** A duty that is only to work with the lead bodies on the plan ("Phối hợp chặt chẽ với các cơ quan chủ trì trong tổ chức thực hiện Kế hoạch này"): no work of its own. */
const COOPERATION_ONLY_RE =
  /^(?:[-+•–]\s*)?phối hợp(?:\s+chặt chẽ)?(?:\s+với\s+[^.;]{1,120}?)?\s+(?:(?:trong|để)\s+)?(?:việc\s+)?(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện\s+)?(?:các nội dung (?:của\s+)?)?[Kk]ế hoạch(?:\s+này)?\s*[.;]?$/iu;

/** Following up how others carry out the plan ("hướng dẫn, đôn đốc, kiểm tra việc thực hiện kế hoạch này"): not carrying it out. */
const FOLLOW_UP_RE =
  /(?:hướng dẫn|theo dõi|đôn đốc|kiểm tra|giám sát)(?:,?\s*(?:và\s+)?(?:hướng dẫn|theo dõi|đôn đốc|kiểm tra|giám sát))*\s+(?:việc\s+)?(?:tổ chức\s+|triển khai\s+)?thực hiện\s+(?:các nội dung (?:của\s+)?)?[Kk]ế hoạch này/u;
/** A duty that is carrying out the whole plan ("Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch thời gian năm học …"). */
const WHOLE_PLAN_RE =
  /^(?:Tổ chức\s+)?(?:chỉ đạo\s+)?(?:triển khai\s+)?thực hiện\s+(?:hoàn thành\s+)?(?:các nội dung của\s+)?Kế hoạch/u;
const REF_RE =
  /(?:mục|điểm|tiểu mục|phần|nhiệm vụ)\s+(?:số\s+)?((?:[IVX]+)(?:\.\d+)*(?:\.[a-zđ])?(?:\s*(?:,|và)\s*(?:[IVX]+)(?:\.\d+)*(?:\.[a-zđ])?)*)/gu;

/** True when every unit is an office of the issuing body. */
function isOffice(units: string[]): boolean {
  return units.length > 0 && units.every((u) => OFFICE_RE.test(u));
}

/** Task codes a sentence refers to ("thực hiện nhiệm vụ tại mục II.1, II.3" → ["II.1", "II.3"]). */
export function codeRefs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REF_RE)) out.push(...m[1].split(/\s*(?:,|và)\s*/u).filter(Boolean));
  return out;
}

/** A sentence that is not a task: the units it names, whether it gives them the whole plan, what it refers to. */
export function provisionOf(text: string, line: number): Provision {
  const clean = text.replace(/^[-+•–]\s*/, "");
  const units = subjectUnits(clean);
  return {
    line,
    text: clean,
    units,
    general:
      units.length > 0 &&
      !OVERSIGHT_RE.test(clean) &&
      !FOLLOW_UP_RE.test(clean) &&
      (GENERAL_RE.test(clean) || /tổ chức thực hiện|triển khai thực hiện/u.test(clean)),
    refs: codeRefs(clean),
  };
}

/** The unit an assignment item is headed by ("2. Sở Văn hóa và Thể thao.", "Sở A: …", "Sở A chủ trì …"). */
function headingOwner(node: OutlineNode): { owner: string; dutyText: string } {
  const title = node.title;
  const colon = /^([^:]{3,160}):\s*(.+)$/u.exec(title);
  if (isUnitName(title)) return { owner: cleanUnitName(title), dutyText: node.body.map((b) => b.text).join(" ") };
  if (colon && isUnitName(colon[1])) return { owner: cleanUnitName(colon[1]), dutyText: colon[2] };
  if (!GENERAL_RE.test(title)) {
    const subject = subjectUnits(title);
    const officeFollowUp = OVERSIGHT_RE.test(title) && (!subject.length || isOffice(subject));
    // The subject as the plan writes it ("Các sở, ban, ngành; UBND các huyện và các cơ quan …"), not re-joined.
    if (subject.length && !officeFollowUp)
      return { owner: cleanUnitName(subjectText(title).replace(/^(?:Đề nghị|Giao)\s+/u, "")), dutyText: title };
    if (officeFollowUp) return { owner: "", dutyText: "" };
    // "Để …, Đảng đoàn Quốc hội xác định các nhiệm vụ trọng tâm sau:": the unit in the clause that announces the list.
    const clause = title.split(/,\s+/).find((c) => /(?:nhiệm vụ|sau)\s*:?$/u.test(c) && c !== title);
    const announced = clause ? subjectUnits(clause.replace(/\s+(?:xác định|thực hiện)\s/u, " thực hiện ")) : [];
    if (announced.length) return { owner: joinUnits(announced), dutyText: title };
  }
  return { owner: "", dutyText: "" };
}

/** Reads the assignment parts of a plan into tasks and provisions. */
export class AssignmentReader {
  constructor(
    private readonly tasks: PlanTask[],
    private readonly provisions: Provision[],
    private readonly planTimeframe: TaskExtraction["planTimeframe"],
  ) {}

  /** An assignment part: each item, and the part's own sentences as provisions. */
  readPart(part: OutlineNode): void {
    // "Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo": the unit the article hands its items to.
    const named = part.title.replace(/^Giao\s+/u, "");
    const owner = part.marker.startsWith("Điều") && isUnitName(named) ? cleanUnitName(named) : "";
    for (const c of part.children) this.visit(c, part, owner ? splitUnits(owner) : [], owner);
    for (const b of part.body) this.provisions.push(provisionOf(b.text, b.line));
  }

  private visit(node: OutlineNode, part: OutlineNode, parentUnits: string[], parentOwner: string): void {
    let { owner, dutyText } = headingOwner(node);
    let units = owner ? splitUnits(owner) : [];
    if (!owner && parentOwner && (node.children.length === 0 || !isUnitName(node.title))) {
      owner = parentOwner;
      units = parentUnits;
      dutyText = node.title;
    }
    if (node.children.length) {
      for (const c of node.children) this.visit(c, part, units.length ? units : parentUnits, owner || parentOwner);
      return;
    }
    const duty = (dutyText || node.body[0]?.text || "").trim();
    const followUp = OVERSIGHT_DUTY_RE.test(duty) && isOffice(units);
    const reporting = !!owner && (REPORTING_DUTY_RE.test(duty) || SEND_RESULTS_RE.test(duty));
    const cooperating = !!owner && (COOPERATION_ONLY_RE.test(duty) || FUNDING_RE.test(duty));
    if (!owner || followUp || reporting || cooperating) {
      this.provisions.push({
        ...provisionOf(node.title, node.line),
        code: node.code,
        units: owner ? units : subjectUnits(node.title),
        oversight: followUp,
        reporting,
      });
      for (const b of node.body) this.provisions.push(provisionOf(b.text, b.line));
      return;
    }
    const t = baseTask(node, part);
    const own = readLabels(nodeLines(node));
    t.title = cleanTaskTitle(dutyText || node.body[0]?.text || node.title);
    t.owner = own.owner ?? owner;
    t.ownerFrom = own.owner ? "item" : "assignment";
    t.ownerLine = own.ownerLine ?? node.line;
    t.coordinator = own.coordinator ?? "";
    t.assignees = own.owner ? splitUnits(own.owner) : units;
    applyTime(t, own, {}, this.planTimeframe);
    this.tasks.push(t);
    // "Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch …": the unit also carries the plan's own items.
    if (WHOLE_PLAN_RE.test(t.title))
      this.provisions.push({ line: t.line, text: t.title, units: t.assignees, general: true, refs: [] });
  }
}
