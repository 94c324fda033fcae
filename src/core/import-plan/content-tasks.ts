/** Tasks of the content parts: every leaf item, every bullet of an unnumbered part, every task-table row. */
import type { PlanLine } from "./normalize-lines.js";
import type { OutlineNode } from "./outline.js";
import { readTaskTables, type TableRow } from "./table-tasks.js";
import { isLabelLine, readLabels, stripUndefined, type Labels } from "./task-labels.js";
import { applyTime, baseTask, cleanTaskTitle, nodeLines } from "./task-node.js";
import { bodyOwner, sentenceOwner } from "./sentence-owner.js";
import type { PlanTask, TaskExtraction } from "./task-types.js";
import { cleanUnitName, isUnitName, joinUnits, splitUnits, subjectUnits } from "./units.js";

type PlanTimeframe = TaskExtraction["planTimeframe"];

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

/** An item's own labels, leaving out the cells of task-table rows under it. */
function ownLabels(node: OutlineNode): Labels {
  return readLabels(nodeLines(node).filter((_, i) => i === 0 || !node.body[i - 1]?.cells));
}

/**
 * For each sibling without labels of its own, the labels of the next sibling that has some:
 * a "Cơ quan thực hiện / Thời gian thực hiện" block written once after a run of items
 * ("3.1 …, 3.2 …, 3.4 … - Cơ quan thực hiện: …") closes the whole run, where the parent names
 * no owner or time itself.
 */
export function closingLabels(siblings: OutlineNode[]): Labels[] {
  const own = siblings.map((c) => stripUndefined(ownLabels(c)));
  const has = (l: Labels) => !!(l.owner || l.timeframe);
  return own.map((l, i) => {
    if (has(l)) return {};
    const next = own.slice(i + 1).find(has);
    return next ?? {};
  });
}

/** A task from one row of a task table; what the row leaves blank comes from the item above it. */
export function rowTask(
  row: TableRow,
  code: string,
  synthesized: boolean,
  part: string,
  inherited: Labels,
  planTimeframe: PlanTimeframe,
): PlanTask {
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
  applyTime(t, row.timeframe ? { timeframe: row.timeframe, timeframeLine: row.line } : {}, inherited, planTimeframe);
  return t;
}

/** Code of a table row under an item with code `prefix` ("II.1" + row "2" → "II.1.2"). */
export function rowCode(row: TableRow, i: number, prefix: string): string {
  const rel = row.number ? `${row.section ? `${row.section}.` : ""}${row.number}` : String(i + 1);
  return prefix ? `${prefix}.${rel}` : rel;
}

/**
 * The unit a task's text hands it to: "Sở A chủ trì …", or a task that opens by giving the work
 * to units ("Giao các cơ sở đào tạo trọng điểm gồm: Đại học …, Viện … thực hiện đào tạo").
 */
function givenOwner(text: string): string {
  const lead =
    /(?:^|[,;.]\s*)((?:Sở|Phòng|Văn phòng|Ban|Trung tâm|Thanh tra|Ủy ban|UBND)\s[^,;.()]{2,80}?)\s+chủ trì\b/u.exec(
      text,
    );
  if (lead) return lead[1];
  const first = text
    .replace(/^[-+•–]\s*/, "")
    .split(/[;.](?:\s|$)/u)[0]
    .replace(/\s+/g, " ");
  return /^Giao\s/u.test(first) ? joinUnits(subjectUnits(first)) : "";
}

/** Reads the content parts of a plan into tasks. */
export class ContentReader {
  constructor(
    private readonly tasks: PlanTask[],
    private readonly planTimeframe: PlanTimeframe,
  ) {}

  /** A content part: its numbered items, else its task table, else one task per bullet. */
  readPart(part: OutlineNode): void {
    if (part.children.length) {
      const partLabels = stripUndefined(readLabels(part.body));
      for (const c of part.children) this.visit(c, part, partLabels);
    } else if (!this.visitTable(part, part, {})) {
      this.readBullets(part);
    }
  }

  /** Without numbered items, each bullet is a task and carries its own labels. */
  private readBullets(part: OutlineNode): void {
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
      const before = this.tasks.length;
      this.visit(node, part, {});
      for (const t of this.tasks.slice(before)) t.synthesized = true;
    });
  }

  /** Rows of task tables under `node` become its tasks. */
  private visitTable(node: OutlineNode, part: OutlineNode, ctx: Labels): boolean {
    const rows = readTaskTables(node.body);
    rows.forEach((row, i) => {
      this.tasks.push(rowTask(row, rowCode(row, i, node.code), !row.number, part.title, ctx, this.planTimeframe));
    });
    return rows.length > 0;
  }

  private visit(node: OutlineNode, part: OutlineNode, inherited: Labels, shared: Labels = {}): void {
    const own = ownLabels(node);
    // What the parent says wins: a later sibling's block stands in only where the parent is silent.
    const above: Labels = { ...shared, ...inherited };
    const ctx: Labels = { ...above, ...stripUndefined(own) };
    const hadTable = this.visitTable(node, part, ctx);
    if (node.children.length) {
      const closing = closingLabels(node.children);
      node.children.forEach((c, i) => this.visit(c, part, ctx, closing[i]));
      return;
    }
    if (hadTable) return;
    const t = this.leafTask(node, part, own, above);
    if (shared.owner && t.ownerFrom === "parent" && t.owner === shared.owner) t.ownerFrom = "shared";
    this.tasks.push(t);
  }

  /** A leaf item: owner from its labels, its parent's, or a "Sở … chủ trì" in its text. */
  private leafTask(node: OutlineNode, part: OutlineNode, own: Labels, inherited: Labels): PlanTask {
    const t = baseTask(node, part);
    const firstBody = node.body.find((b) => !isLabelLine(b.text));
    t.title = cleanTaskTitle(node.title || firstBody?.text || "");
    // The item's own label, else its parent's, else the unit its own words name.
    const from = (owner: string | undefined, ownerFrom: PlanTask["ownerFrom"], line: number | undefined) => {
      if (!owner) return false;
      Object.assign(t, { owner, ownerFrom, ownerLine: line });
      return true;
    };
    if (!from(own.owner, "item", own.ownerLine) && !from(inherited.owner, "parent", inherited.ownerLine)) {
      // "a) Bộ Nội vụ" over its duties: the heading is the unit.
      const headed = node.body.length && isUnitName(node.title) ? cleanUnitName(node.title) : "";
      from(headed || sentenceOwner(node.title) || givenOwner(t.text) || bodyOwner(node.body), "sentence", t.line);
    }
    t.coordinator = own.coordinator ?? inherited.coordinator ?? "";
    t.assignees = t.owner ? splitUnits(t.owner) : [];
    applyTime(t, own, inherited, this.planTimeframe);
    return t;
  }
}
