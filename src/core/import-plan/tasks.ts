/** Turns the outline's content and assignment parts into tasks with owners and timeframes. */
import type { PlanLine } from "./normalize-lines.js";
import type { OutlineNode, Outline } from "./outline.js";
import { cutTitle, firstSentence } from "./title-text.js";
import { cleanUnitName, isUnitName, joinUnits, splitUnits, subjectUnits } from "./units.js";
import { readTaskTables, type TableRow } from "./table-tasks.js";

/** What a part is for. */
export type PartRole = "tasks" | "assignments" | "regime" | "time" | "other";

/** A task read from the plan, before it becomes a template task. */
export interface PlanTask {
  code: string;
  /** The plan's own code when it had to be renumbered (a repeated number). */
  planCode?: string;
  /** True when the plan gave no number and the code follows the bullet order. */
  synthesized: boolean;
  title: string;
  /** Heading and body, one line per source line. */
  text: string;
  line: number;
  /** Title of the part the task sits in. */
  part: string;
  /** Đơn vị thực hiện / chủ trì as written; "" when the plan does not say. */
  owner: string;
  ownerFrom: "item" | "parent" | "assignment" | "sentence" | "reference" | "general" | "";
  ownerLine?: number;
  coordinator: string;
  /** Unit names the task is assigned to, split ("Sở A, Báo B" → two). */
  assignees: string[];
  /** The plan's wording of the timeframe; "" when none applies. */
  timeframe: string;
  timeframeFrom: "item" | "parent" | "plan" | "wording" | "";
  timeframeLine?: number;
}

/** A sentence of an assignment part that is not a task ("… có trách nhiệm triển khai Kế hoạch này"). */
export interface Provision {
  /** Code of the numbered item it is, when it is one. */
  code?: string;
  line: number;
  text: string;
  units: string[];
  /** True when it tells units to carry out the whole plan: they are the reporting units. */
  general: boolean;
  /** Task codes it refers to ("mục II.1"). */
  refs: string[];
  /** True when it gives a unit the follow-up of others' work (theo dõi, đôn đốc, tổng hợp). */
  oversight?: boolean;
}

/** Tasks, provisions and the plan-wide timeframe. */
export interface TaskExtraction {
  tasks: PlanTask[];
  provisions: Provision[];
  planTimeframe?: { text: string; line: number };
}

/** Role of a part from its title. */
export function classifyPart(title: string): PartRole {
  const t = title.toUpperCase();
  if (/TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM/u.test(t)) return "assignments";
  if (/BÁO CÁO/u.test(t)) return "regime";
  if (/THỜI GIAN|TIẾN ĐỘ/u.test(t) && !/NHIỆM VỤ|NỘI DUNG|HOẠT ĐỘNG/u.test(t)) return "time";
  if (
    /MỤC ĐÍCH|MỤC TIÊU|YÊU CẦU|KINH PHÍ|CĂN CỨ|QUAN ĐIỂM|THỰC TRẠNG|ĐÁNH GIÁ|PHẠM VI|ĐỐI TƯỢNG|SỰ CẦN THIẾT|KẾT QUẢ ĐẠT|TÌNH HÌNH/u.test(
      t,
    ) &&
    t !== ""
  )
    return "other";
  return "tasks";
}

interface Labels {
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

/** Reads "Đơn vị thực hiện: …", "Phối hợp: …", "Thời gian thực hiện: …" and "(phối hợp với …)" from lines. */
export function readLabels(lines: { text: string; line: number }[]): Labels {
  const out: Labels = {};
  for (const l of lines) {
    const text = l.text.replace(/^[-+•–]\s*/, "");
    for (const seg of text.split(/;\s+|\.\s+(?=\p{Lu})/u)) {
      const m = /^([^:]{2,40}?)\s*:\s*(.+)$/u.exec(seg.trim());
      if (!m) continue;
      const label = m[1].trim();
      const value = m[2].replace(/[\s.;]+$/, "").trim();
      if (!value) continue;
      if (OWNER_LABEL.test(label) && !out.owner) {
        const lead = /^(.+?)\s+chủ trì(?:\s*[,;]\s*|\s+)(?:phối hợp(?:\s+với)?\s+(.+))?$/u.exec(value);
        out.owner = lead ? lead[1] : value;
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

function nodeLines(n: OutlineNode): { text: string; line: number }[] {
  return [{ text: n.title, line: n.line }, ...n.body.map((b) => ({ text: b.text, line: b.line }))];
}

function nodeText(n: OutlineNode): string {
  return nodeLines(n)
    .map((l) => l.text)
    .filter(Boolean)
    .join("\n");
}

function isLabelLine(text: string): boolean {
  const m = /^[-+•–]?\s*([^:]{2,40}?)\s*:/u.exec(text);
  return (
    !!m &&
    (OWNER_LABEL.test(m[1].trim()) ||
      COORD_LABEL.test(m[1].trim()) ||
      TIME_LABEL.test(m[1].trim()) ||
      /^(Nội dung|Đối tượng|Hình thức|Số lượng)/iu.test(m[1]))
  );
}

function cleanTaskTitle(s: string): string {
  const t = s
    .replace(/^[-+•–]\s*/, "")
    .replace(/\s*\((?:phối hợp|chủ trì|đơn vị)[^)]*\)/giu, "")
    .trim();
  return cutTitle(t);
}

/** Groups body lines into blocks: a bullet or paragraph with the "+" lines and labels under it. */
function blocks(lines: PlanLine[]): PlanLine[][] {
  const out: PlanLine[][] = [];
  for (const l of lines) {
    const sub = /^\+/.test(l.text) || isLabelLine(l.text);
    if (sub && out.length) out[out.length - 1].push(l);
    else out.push([l]);
  }
  return out;
}

const GENERAL_RE =
  /Kế hoạch này|kế hoạch này|(?:các\s+)?nội dung(?:,\s*kế hoạch)?\s+(?:của\s+)?Kế hoạch|tổ chức thực hiện các nội dung/u;
const OVERSIGHT_RE = /^\S.{0,80}?\s(?:có trách nhiệm\s+)?(?:theo dõi|đôn đốc|giám sát|tổng hợp)(?=[\s,])/u;
/** A duty of following up others' work ("Chủ trì theo dõi, tổng hợp kết quả…"): the compiler's, not a task. */
const OVERSIGHT_DUTY_RE =
  /^(?:[-+•–]\s*)?(?:chủ trì,?\s*)?(?:theo dõi|đôn đốc|giám sát|tổng hợp|kiểm tra, đôn đốc)(?=[\s,])/iu;
const REF_RE =
  /(?:mục|điểm|tiểu mục|phần|nhiệm vụ)\s+(?:số\s+)?((?:[IVX]+)(?:\.\d+)*(?:\.[a-zđ])?(?:\s*(?:,|và)\s*(?:[IVX]+)(?:\.\d+)*(?:\.[a-zđ])?)*)/gu;

/** Task codes a sentence refers to ("thực hiện nhiệm vụ tại mục II.1, II.3" → ["II.1", "II.3"]). */
export function codeRefs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REF_RE)) out.push(...m[1].split(/\s*(?:,|và)\s*/u).filter(Boolean));
  return out;
}

/**
 * Extracts tasks. In content parts every leaf item becomes a task (a part with no numbered
 * items yields one task per bullet, numbered in order); owners and timeframes come from the
 * item's labels, else its parents', else the plan-wide "Thời gian thực hiện". In "TỔ CHỨC THỰC
 * HIỆN" parts an item headed by a unit ("2. Sở Văn hóa và Thể thao.") is a task owned by that
 * unit; other sentences become provisions naming units or referring to tasks.
 */
export function extractTasks(outline: Outline): TaskExtraction {
  const tasks: PlanTask[] = [];
  const provisions: Provision[] = [];
  let planTimeframe: TaskExtraction["planTimeframe"];

  for (const part of outline.parts) {
    if (classifyPart(part.title) !== "time" && classifyPart(part.title) !== "other") continue;
    const all = [nodeLines(part), ...part.children.flatMap((c) => walk(c).map(nodeLines))].flat();
    const lab = readLabels(all);
    if (lab.timeframe && !planTimeframe) planTimeframe = { text: lab.timeframe, line: lab.timeframeLine ?? part.line };
    if (!planTimeframe && classifyPart(part.title) === "time" && part.body[0])
      planTimeframe = { text: part.body[0].text, line: part.body[0].line };
  }

  const base = (node: OutlineNode, part: OutlineNode): PlanTask => ({
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
  });

  const applyTime = (t: PlanTask, own: Labels, inherited: Labels) => {
    if (own.timeframe) {
      t.timeframe = own.timeframe;
      t.timeframeFrom = "item";
      t.timeframeLine = own.timeframeLine;
    } else if (inherited.timeframe) {
      t.timeframe = inherited.timeframe;
      t.timeframeFrom = "parent";
      t.timeframeLine = inherited.timeframeLine;
    } else if (/thường xuyên/iu.test(firstSentence(t.text.split("\n").slice(0, 2).join(" ")))) {
      t.timeframe = "Thường xuyên";
      t.timeframeFrom = "wording";
      t.timeframeLine = t.line;
    } else if (planTimeframe) {
      t.timeframe = planTimeframe.text;
      t.timeframeFrom = "plan";
      t.timeframeLine = planTimeframe.line;
    }
  };

  const rowTask = (row: TableRow, code: string, synthesized: boolean, part: string, inherited: Labels): PlanTask => {
    const t: PlanTask = {
      code,
      synthesized,
      title: cleanTaskTitle(row.content),
      text: [
        row.content,
        row.owner && `Chủ trì: ${row.owner}`,
        row.coordinator && `Phối hợp: ${row.coordinator}`,
        row.timeframe && `Thời gian: ${row.timeframe}`,
      ]
        .filter(Boolean)
        .join("\n"),
      line: row.line,
      part,
      owner: row.owner || inherited.owner || "",
      ownerFrom: row.owner ? "item" : inherited.owner ? "parent" : "",
      ownerLine: row.owner ? row.line : inherited.ownerLine,
      coordinator: row.coordinator || inherited.coordinator || "",
      assignees: [],
      timeframe: "",
      timeframeFrom: "",
    };
    t.assignees = t.owner ? splitUnits(t.owner) : [];
    applyTime(t, row.timeframe ? { timeframe: row.timeframe, timeframeLine: row.line } : {}, inherited);
    return t;
  };

  /** Rows of task tables under `node` become its tasks ("II.1" + row "2" → "II.1.2"). */
  const visitTable = (node: OutlineNode, part: OutlineNode, ctx: Labels): boolean => {
    const rows = readTaskTables(node.body);
    rows.forEach((row, i) => {
      const rel = row.number ? `${row.section ? `${row.section}.` : ""}${row.number}` : String(i + 1);
      tasks.push(rowTask(row, node.code ? `${node.code}.${rel}` : rel, !row.number, part.title, ctx));
    });
    return rows.length > 0;
  };

  const visitContent = (node: OutlineNode, part: OutlineNode, inherited: Labels) => {
    const own = readLabels(nodeLines(node).filter((_, i) => i === 0 || !node.body[i - 1]?.cells));
    const ctx: Labels = { ...inherited, ...stripUndefined(own) };
    const hadTable = visitTable(node, part, ctx);
    if (node.children.length) {
      node.children.forEach((c) => visitContent(c, part, ctx));
      return;
    }
    if (hadTable) return;
    const t = base(node, part);
    const firstBody = node.body.find((b) => !isLabelLine(b.text));
    t.title = cleanTaskTitle(node.title || firstBody?.text || "");
    if (own.owner) {
      t.owner = own.owner;
      t.ownerFrom = "item";
      t.ownerLine = own.ownerLine;
    } else if (inherited.owner) {
      t.owner = inherited.owner;
      t.ownerFrom = "parent";
      t.ownerLine = inherited.ownerLine;
    } else {
      const lead =
        /(?:^|[,;.]\s*)((?:Sở|Phòng|Văn phòng|Ban|Trung tâm|Thanh tra|Ủy ban|UBND)\s[^,;.()]{2,80}?)\s+chủ trì\b/u.exec(
          t.text,
        );
      if (lead) {
        t.owner = lead[1];
        t.ownerFrom = "sentence";
        t.ownerLine = t.line;
      }
    }
    t.coordinator = own.coordinator ?? inherited.coordinator ?? "";
    t.assignees = t.owner ? splitUnits(t.owner) : [];
    applyTime(t, own, inherited);
    tasks.push(t);
  };

  const visitAssign = (node: OutlineNode, part: OutlineNode, parentUnits: string[], parentOwner: string) => {
    const title = node.title;
    let owner = "";
    let units: string[] = [];
    let dutyText = "";
    const colon = /^([^:]{3,160}):\s*(.+)$/u.exec(title);
    if (isUnitName(title)) {
      owner = cleanUnitName(title);
      dutyText = node.body.map((b) => b.text).join(" ");
    } else if (colon && isUnitName(colon[1])) {
      owner = cleanUnitName(colon[1]);
      dutyText = colon[2];
    } else if (!GENERAL_RE.test(title) && !OVERSIGHT_RE.test(title)) {
      const subject = subjectUnits(title);
      if (subject.length) {
        owner = joinUnits(subject);
        dutyText = title;
      }
    }
    if (owner) units = splitUnits(owner);
    if (!owner && parentOwner && (node.children.length === 0 || !isUnitName(title))) {
      owner = parentOwner;
      units = parentUnits;
      dutyText = title;
    }
    if (node.children.length) {
      node.children.forEach((c) => visitAssign(c, part, units.length ? units : parentUnits, owner || parentOwner));
      return;
    }
    const duty = (dutyText || node.body[0]?.text || "").trim();
    if (!owner || OVERSIGHT_DUTY_RE.test(duty)) {
      provisions.push({
        ...provisionOf(title, node.line),
        code: node.code,
        units: owner ? units : subjectUnits(title),
        oversight: !!owner,
      });
      node.body.forEach((b) => provisions.push(provisionOf(b.text, b.line)));
      return;
    }
    const t = base(node, part);
    const own = readLabels(nodeLines(node));
    t.title = cleanTaskTitle(dutyText || node.body[0]?.text || title);
    t.owner = own.owner ?? owner;
    t.ownerFrom = own.owner ? "item" : "assignment";
    t.ownerLine = own.ownerLine ?? node.line;
    t.coordinator = own.coordinator ?? "";
    t.assignees = own.owner ? splitUnits(own.owner) : units;
    applyTime(t, own, {});
    tasks.push(t);
  };

  for (const part of outline.parts) {
    const role = classifyPart(part.title);
    if (role === "tasks") {
      if (part.children.length) {
        const partLabels = stripUndefined(readLabels(part.body));
        part.children.forEach((c) => visitContent(c, part, partLabels));
      } else if (!visitTable(part, part, {})) {
        // Without numbered items, each bullet is a task and carries its own labels.
        blocks(part.body).forEach((block, i) => {
          const node: OutlineNode = {
            kind: "item",
            marker: String(i + 1),
            code: part.code ? `${part.code}.${i + 1}` : String(i + 1),
            title: block[0].text.replace(/^[-•–]\s*/, ""),
            line: block[0].line,
            body: block.slice(1),
            children: [],
          };
          const before = tasks.length;
          visitContent(node, part, {});
          tasks.slice(before).forEach((t) => (t.synthesized = true));
        });
      }
    } else if (role === "assignments") {
      part.children.forEach((c) => visitAssign(c, part, [], ""));
      part.body.forEach((b) => provisions.push(provisionOf(b.text, b.line)));
    }
  }

  // Task tables after the signature (Phụ lục) get codes "PL.…".
  readTaskTables([...outline.closing, ...outline.tail]).forEach((row, i) => {
    const rel = row.number ? `${row.section ? `${row.section}.` : ""}${row.number}` : String(i + 1);
    tasks.push(rowTask(row, `PL.${rel}`, !row.number, "Phụ lục", {}));
  });

  // Provisions and assignments that name units and refer to tasks ("… các nhiệm vụ tại mục
  // II.2") give those tasks an owner.
  const referring = [
    ...provisions,
    ...tasks
      .filter((t) => t.ownerFrom === "assignment")
      .map((t) => ({ line: t.line, units: t.assignees, refs: codeRefs(t.text) })),
  ];
  for (const p of referring) {
    if (!p.units.length || !p.refs.length) continue;
    for (const t of tasks) {
      if (t.owner) continue;
      if (p.refs.some((r) => t.code === r || t.code.startsWith(`${r}.`))) {
        t.owner = joinUnits(p.units);
        t.ownerFrom = "reference";
        t.ownerLine = p.line;
        t.assignees = p.units;
      }
    }
  }
  // Units told to carry out the whole plan ("… có trách nhiệm triển khai thực hiện Kế hoạch này")
  // carry out every task the plan gives to no one in particular.
  const general = provisions.filter((p) => p.general);
  const generalUnits = [...new Set(general.flatMap((p) => p.units))];
  for (const t of tasks) {
    if (t.owner || !generalUnits.length) continue;
    t.owner = joinUnits(generalUnits);
    t.ownerFrom = "general";
    t.ownerLine = general[0].line;
    t.assignees = generalUnits;
  }
  return { tasks, provisions, planTimeframe };
}

function provisionOf(text: string, line: number): Provision {
  const clean = text.replace(/^[-+•–]\s*/, "");
  const units = subjectUnits(clean);
  return {
    line,
    text: clean,
    units,
    general:
      units.length > 0 &&
      !OVERSIGHT_RE.test(clean) &&
      (GENERAL_RE.test(clean) || /tổ chức thực hiện|triển khai thực hiện/u.test(clean)),
    refs: codeRefs(clean),
  };
}

function walk(n: OutlineNode): OutlineNode[] {
  return [n, ...n.children.flatMap(walk)];
}

function stripUndefined(l: Labels): Labels {
  const out: Labels = {};
  for (const [k, v] of Object.entries(l)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
