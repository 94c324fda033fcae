/** The tasks and provisions read from a plan, before they become template tasks. */

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
  /** Where the owner came from; "shared": the label block written after the next item of a run. */
  ownerFrom: "item" | "parent" | "shared" | "assignment" | "sentence" | "reference" | "general" | "";
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
  /** True when it is an item of the plan's own task part that its Phụ lục table details. */
  restated?: boolean;
  /** True when it sets days off (holidays, annual leave): a right, not work to report on. */
  daysOff?: boolean;
  /** True when it gives units their own reporting duty ("Định kỳ báo cáo…"): the reporting regime. */
  reporting?: boolean;
}

/** Tasks, provisions and the plan-wide timeframe. */
export interface TaskExtraction {
  tasks: PlanTask[];
  provisions: Provision[];
  planTimeframe?: { text: string; line: number };
}
