/** Turns the outline's content and assignment parts into tasks with owners and timeframes. */
import { AssignmentReader, codeRefs } from "./assignment-tasks.js";
import { ContentReader, rowCode, rowTask } from "./content-tasks.js";
import type { Outline, OutlineNode } from "./outline.js";
import { moveClosingClauses } from "./closing-clauses.js";
import { moveDaysOffItems } from "./days-off-items.js";
import { moveRestatedItems } from "./restated-items.js";
import { readTaskTables } from "./table-tasks.js";
import { readLabels } from "./task-labels.js";
import { nodeLines } from "./task-node.js";
import type { PartRole, PlanTask, Provision, TaskExtraction } from "./task-types.js";
import { announcedOwner } from "./sentence-owner.js";
import { joinUnits, splitUnits } from "./units.js";

export { codeRefs } from "./assignment-tasks.js";
export { readLabels } from "./task-labels.js";
export type { PartRole, PlanTask, Provision, TaskExtraction } from "./task-types.js";

/**
 * Role of an article of a Quyết định: the one that hands the work out ("Giao Giám đốc Sở …",
 * "Trách nhiệm thi hành"), the closing one ("có hiệu lực", "Điều khoản thi hành"), else the plan's content.
 */
function classifyArticle(title: string): PartRole {
  if (/hiệu lực|thi hành/iu.test(title)) return "other";
  if (/^(?:Giao|Trách nhiệm|Tổ chức thực hiện|Phân công)(?=\s|$)/iu.test(title)) return "assignments";
  return "tasks";
}

/** Role of a part from its title (and its marker: "Điều 2" is an article of a Quyết định). */
export function classifyPart(title: string, marker = ""): PartRole {
  if (marker.startsWith("Điều")) return classifyArticle(title);
  const t = title.toUpperCase();
  if (/TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM/u.test(t)) return "assignments";
  if (/BÁO CÁO/u.test(t)) return "regime";
  // "IV. VỐN ĐẦU TƯ", "NGUỒN VỐN": what the money is and pays for, not work given to a unit.
  if (/^(?:NGUỒN\s+)?VỐN(?=\s|$)/u.test(t)) return "other";
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

function walk(n: OutlineNode): OutlineNode[] {
  return [n, ...n.children.flatMap(walk)];
}

/** The plan-wide timeframe: a "Thời gian thực hiện" label in a time or general part, or a time part's first line. */
function readPlanTimeframe(outline: Outline): TaskExtraction["planTimeframe"] {
  let planTimeframe: TaskExtraction["planTimeframe"];
  for (const part of outline.parts) {
    const role = classifyPart(part.title, part.marker);
    if (role !== "time" && role !== "other") continue;
    const all = [nodeLines(part), ...part.children.flatMap((c) => walk(c).map(nodeLines))].flat();
    const lab = readLabels(all);
    if (lab.timeframe && !planTimeframe) planTimeframe = { text: lab.timeframe, line: lab.timeframeLine ?? part.line };
    if (!planTimeframe && role === "time" && part.body[0])
      planTimeframe = { text: part.body[0].text, line: part.body[0].line };
  }
  return planTimeframe;
}

/**
 * Provisions and assignments that name units and refer to tasks ("… các nhiệm vụ tại mục
 * II.2") give those tasks an owner.
 */
function ownersByReference(tasks: PlanTask[], provisions: Provision[]): void {
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
}

/**
 * Units told to carry out the whole plan ("… có trách nhiệm triển khai thực hiện Kế hoạch này")
 * carry out every task the plan gives to no one in particular.
 */
/**
 * A content part whose opening sentence gives the list below to units ("… các bộ, Ủy ban nhân dân
 * các tỉnh … cần … thực hiện các nhiệm vụ sau đây:") gives them the items still without an owner.
 * It comes after the restated items left: they restate a Phụ lục row, whose owner is the row's.
 */
function ownersByAnnouncement(tasks: PlanTask[], outline: Outline): void {
  for (const part of outline.parts) {
    if (classifyPart(part.title) !== "tasks" || !part.code) continue;
    const announced = announcedOwner(part.body);
    if (!announced) continue;
    for (const t of tasks) {
      if (t.owner || !t.code.startsWith(`${part.code}.`)) continue;
      t.owner = announced.owner;
      t.ownerFrom = "parent";
      t.ownerLine = announced.line;
      t.assignees = splitUnits(announced.owner);
    }
  }
}

function ownersByGeneralProvision(tasks: PlanTask[], provisions: Provision[]): void {
  const general = provisions.filter((p) => p.general);
  const generalUnits = [...new Set(general.flatMap((p) => p.units))];
  for (const t of tasks) {
    if (t.owner || !generalUnits.length) continue;
    t.owner = joinUnits(generalUnits);
    t.ownerFrom = "general";
    t.ownerLine = general[0].line;
    t.assignees = generalUnits;
  }
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
  const planTimeframe = readPlanTimeframe(outline);
  const content = new ContentReader(tasks, planTimeframe);
  const assignments = new AssignmentReader(tasks, provisions, planTimeframe);
  for (const part of outline.parts) {
    const role = classifyPart(part.title, part.marker);
    if (role === "tasks") content.readPart(part);
    else if (role === "assignments") assignments.readPart(part);
  }
  // Task tables after the signature (Phụ lục) get codes "PL.…".
  readTaskTables([...outline.closing, ...outline.tail]).forEach((row, i) => {
    tasks.push(rowTask(row, rowCode(row, i, "PL"), !row.number, "Phụ lục", {}, planTimeframe));
  });
  ownersByReference(tasks, provisions);
  // Items the Phụ lục table details go before a general provision could hand them its units.
  const kept = moveRestatedItems(moveDaysOffItems(moveClosingClauses(tasks, provisions), provisions), provisions);
  ownersByAnnouncement(kept, outline);
  ownersByGeneralProvision(kept, provisions);
  return { tasks: kept, provisions, planTimeframe };
}
