/** The compiled report as data: the sections of a Nghị định 30/2020 report and its appendices. */
import type { CompileResult, IndicatorTotal, TaskStatus } from "../model/compile-result.js";
import { formatDateTimeVN, formatDayVN, longDateVN } from "../vn/dates.js";
import { booleanLabel, vnNumber } from "../vn/show.js";
import type { Problem } from "../model/problem.js";
import { SUBMISSION_LABELS, TASK_LABELS } from "./status-labels.js";
import { taskDueDay } from "../compile/task-status.js";
import { findPeriod } from "../template/template.js";
import type { Indicator, Template } from "../model/template-schema.js";
import { stripDiacritics } from "../vn/strip-diacritics.js";

/** A table cell: text, a number, or empty. */
export type ReportCell = string | number | null;

/** A table inside a report section. */
export interface ReportTable {
  columns: { header: string; width: number; align: "left" | "center" | "right" }[];
  rows: ReportCell[][];
  /** Indexes of rows shown in bold (section and total rows). */
  boldRows: number[];
}

/** One numbered section (I., II., …) of the report body. */
export interface ReportSection {
  heading: string;
  /** Paragraphs before the table. */
  paragraphs: string[];
  table?: ReportTable;
  /** Paragraphs after the table. */
  after: string[];
}

/** Appendix I: every unit's figures grouped by unit group, with subtotals and a total. */
export interface AppendixFigures {
  label: string;
  title: string;
  subtitle: string;
  indicators: Pick<Indicator, "key" | "label" | "unit" | "type" | "aggregate">[];
  groups: {
    code: string;
    name: string;
    rows: { unitCode: string; unitName: string; status: string; values: ReportCell[] }[];
    subtotal: (number | null)[];
  }[];
  total: (number | null)[];
}

/** Appendix II: every data problem to fix. */
export interface AppendixProblems {
  label: string;
  title: string;
  subtitle: string;
  problems: Problem[];
}

/** Everything a report renderer needs; no renderer decides content. */
export interface ReportModel {
  planCode: string;
  periodId: string;
  periodLabel: string;
  reportDate: string;
  header: {
    parent: string;
    issuer: string;
    number: string;
    nation: string;
    motto: string;
    placeDate: string;
    /** The place-and-date line as drafted for signing: day and month left blank for the clerk. */
    placeDateToFill: string;
  };
  title: string;
  subject: string;
  intro: string;
  sections: ReportSection[];
  closing: string;
  recipients: string[];
  /** "Nơi nhận:", the heading of the distribution list. */
  recipientsHeading: string;
  /** The distribution list as printed: each item starting with "- ". */
  recipientLines: string[];
  signer: { authority: string; title: string; name: string };
  appendixI: AppendixFigures;
  appendixII: AppendixProblems;
  /** Suggested file name of the workbook (.xlsx), ASCII only. */
  fileName: string;
  /** Suggested file name of the Word document (.docx), ASCII only. */
  documentFileName: string;
}

/** Options of {@link buildReportModel}. */
export interface ReportOptions {
  /** "YYYY-MM-DD" printed in the place-and-date line; defaults to the compile's as-of day. */
  reportDate?: string;
}

const _fmt = (n: number | null) => (n === null ? "" : vnNumber(n));

/** Removes Vietnamese diacritics and anything unsafe for a file name. */
export function asciiSlug(s: string): string {
  return stripDiacritics(s)
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 60);
}

/** Fields of state bodies' names, written with a capital in running text ("Sở Giáo dục và Đào tạo"). */
const FIELDS = [
  "giáo dục",
  "đào tạo",
  "thông tin",
  "truyền thông",
  "y tế",
  "văn hóa",
  "thể thao",
  "du lịch",
  "tài chính",
  "nội vụ",
  "tư pháp",
  "kế hoạch",
  "đầu tư",
  "xây dựng",
  "giao thông",
  "vận tải",
  "công thương",
  "khoa học",
  "công nghệ",
  "lao động",
  "thương binh",
  "xã hội",
  "nông nghiệp",
  "phát triển nông thôn",
  "tài nguyên",
  "môi trường",
  "ngoại vụ",
  "dân tộc",
];

/** Administrative levels: the words after them are a place's name. */
const LEVELS = new Set(["tỉnh", "thành phố", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "đặc khu"]);
/** School types: the words after them are the school's name. */
const SCHOOL_TYPES = new Set(["THPT", "THCS", "TH", "MN", "PTDTNT", "PTDTBT", "GDNN-GDTX", "GDTX"]);

/** An all-capitals word that is not a Vietnamese syllable (UBND, THPT, GD&ĐT) is an abbreviation and keeps its capitals. */
function isAbbreviation(word: string): boolean {
  if (word !== word.toUpperCase() || !/\p{Lu}/u.test(word)) return false;
  const plain = stripDiacritics(word).toLowerCase();
  return !/^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(ch|ng|nh|[cmnpt])?$/.test(plain);
}

/**
 * A body's name for running text from its capitalised form: "UBND THÀNH PHỐ HẢI PHÒNG" →
 * "UBND thành phố Hải Phòng", "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo". Keeps
 * abbreviations, the place name and the usual fields of state bodies; the rest is lower case.
 */
export function nameInText(name: string, place?: string): string {
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  let s = name
    .trim()
    .split(/\s+/)
    .map((w) => (isAbbreviation(w) ? w : w.toLowerCase()))
    .join(" ");
  // Fields first, so "Văn hóa - Xã hội" is not read as the commune level "xã".
  for (const f of FIELDS)
    s = s.replace(new RegExp(`(^|\\s)${f}(?=$|[\\s,;)])`, "gu"), (_, pre: string) => `${pre}${cap(f)}`);
  const words = s.split(" ");
  // What follows an administrative level (quận Hồng Bàng, thành phố Hải Phòng) or a school type (THPT Trần Phú) is a proper name.
  const proper = words.findIndex(
    (w, i) => LEVELS.has(w) || (i > 0 && LEVELS.has(`${words[i - 1]} ${w}`)) || SCHOOL_TYPES.has(w),
  );
  s = words.map((w, i) => (proper >= 0 && i > proper && !isAbbreviation(w) ? cap(w) : w)).join(" ");
  if (place) s = s.split(place.toLowerCase()).join(place);
  return cap(s);
}

/** Builds the report model from a compiled result. */
export function buildReportModel(t: Template, result: CompileResult, opts: ReportOptions = {}): ReportModel {
  const period = findPeriod(t, result.periodId);
  const reportDate = opts.reportDate ?? result.asOf.slice(0, 10);
  // Vietnamese capitalises the first syllable of each word of a name ("Giáo dục", "Đào tạo"), which no
  // rule can derive from capitals: templates give `nameInText`; the fallback is a best effort.
  const issuerShort = t.plan.issuer.nameInText ?? nameInText(t.plan.issuer.name, t.plan.place);
  const subject = `${t.plan.title} (${period.label.charAt(0).toLowerCase()}${period.label.slice(1)})`;

  const sections = [
    submissionSection(t, result),
    resultsSection(t, result),
    tasksSection(t, result),
    textSection(t, result, "kho_khan", "IV. KHÓ KHĂN, VƯỚNG MẮC"),
    textSection(t, result, "de_xuat", "V. ĐỀ XUẤT, KIẾN NGHỊ"),
  ];
  const subtitle = `(Kèm theo Báo cáo số      /${t.plan.reportSymbol} ${longDateVN(reportDate)} của ${issuerShort})`;
  const appendixI = appendixFigures(t, result, subtitle);
  const fileStem = `Bao-cao-tong-hop_${asciiSlug(t.plan.code)}_${asciiSlug(period.id)}_${reportDate}`;
  const appendixII = appendixProblems(t, result, appendixI.subtitle);
  return {
    planCode: t.plan.code,
    periodId: period.id,
    periodLabel: period.label,
    reportDate,
    header: {
      parent: t.plan.issuer.parent.toUpperCase(),
      issuer: t.plan.issuer.name.toUpperCase(),
      number: `Số:       /${t.plan.reportSymbol}`,
      nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      placeDate: `${t.plan.place}, ${longDateVN(reportDate)}`,
      placeDateToFill: `${t.plan.place}, ngày      tháng      năm ${reportDate.slice(0, 4)}`,
    },
    title: "BÁO CÁO",
    subject,
    intro: `Thực hiện ${t.plan.source ?? `Kế hoạch ${t.plan.code}`}, ${issuerShort} tổng hợp báo cáo của các đơn vị ${period.label.charAt(0).toLowerCase()}${period.label.slice(1)} (số liệu từ ngày ${formatDayVN(period.from)} đến ngày ${formatDayVN(period.to)}, hạn nộp ngày ${formatDayVN(period.deadline)}), cụ thể như sau:`,
    sections,
    closing: `Trên đây là báo cáo ${t.plan.title.charAt(0).toLowerCase()}${t.plan.title.slice(1)}, ${period.label.charAt(0).toLowerCase()}${period.label.slice(1)} của ${issuerShort}. Số liệu chi tiết của từng đơn vị tại Phụ lục I; các số liệu cần đơn vị rà soát, bổ sung tại Phụ lục II. Kính báo cáo ${t.plan.recipient}./.`,
    recipients: t.plan.distribution,
    recipientsHeading: "Nơi nhận:",
    recipientLines: t.plan.distribution.map((x) => `- ${x.replace(/^[-–]\s*/, "")}`),
    signer: { ...t.plan.signer },
    appendixI,
    appendixII,
    fileName: `${fileStem}.xlsx`,
    documentFileName: `${fileStem}.docx`,
  };
}

/** Appendix I: every unit's figures by group, with group subtotals and the grand total. */
function appendixFigures(t: Template, result: CompileResult, subtitle: string): AppendixFigures {
  const countedSet = new Set(result.countedUnits);
  const recordOf = new Map(result.records.map((r) => [r.unitCode, r]));
  const statusOf = new Map(result.statuses.map((s) => [s.unitCode, s]));
  const totalOf = new Map(result.totals.map((x) => [x.key, x]));
  return {
    label: "Phụ lục I",
    title: "SỐ LIỆU CHI TIẾT CỦA CÁC ĐƠN VỊ",
    subtitle,
    indicators: t.indicators.map(({ key, label, unit, type, aggregate }) => ({ key, label, unit, type, aggregate })),
    groups: t.unitGroups.map((g) => {
      const units = t.units.filter((u) => u.group === g.code);
      return {
        code: g.code,
        name: g.name,
        rows: units.map((u) => {
          const r = countedSet.has(u.code) ? recordOf.get(u.code) : undefined;
          const st = statusOf.get(u.code)!;
          return {
            unitCode: u.code,
            unitName: u.name,
            status: st.note ?? SUBMISSION_LABELS[st.status] + (st.draft ? " (đã nhập, chưa xác nhận)" : ""),
            values: t.indicators.map((ind) => displayValue(ind, r?.values[ind.key] ?? null)),
          };
        }),
        subtotal: t.indicators.map((ind) => totalOf.get(ind.key)?.byGroup[g.code]?.total ?? null),
      };
    }),
    total: t.indicators.map((ind) => totalOf.get(ind.key)?.total ?? null),
  };
}

/** Appendix II: the problems for units to review, errors first, each with its unit's name. */
function appendixProblems(t: Template, result: CompileResult, subtitle: string): AppendixProblems {
  const unitName = new Map(t.units.map((u) => [u.code, u.name]));
  const problems = [...result.problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  return {
    label: "Phụ lục II",
    title: "CÁC SỐ LIỆU CẦN ĐƠN VỊ RÀ SOÁT, BỔ SUNG",
    subtitle,
    problems: problems.map((p) => ({
      ...p,
      unitName: p.unitName ?? (p.unitCode ? unitName.get(p.unitCode) : undefined),
    })),
  };
}

/** The value shown in a table: numbers stay numbers, booleans read Có/Không, dates dd/mm/yyyy. */
export function displayValue(ind: Pick<Indicator, "type">, v: string | number | boolean | null): ReportCell {
  if (v === null) return null;
  if (typeof v === "boolean") return booleanLabel(v);
  if (ind.type === "date" && typeof v === "string") return formatDayVN(v);
  return v;
}

function names(codes: string[], t: Template): string {
  const n = new Map(t.units.map((u) => [u.code, u.name]));
  return codes.map((c) => n.get(c) ?? c).join(", ");
}

function submissionSection(t: Template, r: CompileResult): ReportSection {
  const by = (s: string) => r.statuses.filter((x) => x.status === s);
  const onTime = by("on-time");
  const late = by("late");
  const undated = by("undated");
  const pending = by("pending");
  const overdue = by("overdue");
  const sent = onTime.length + late.length + undated.length;
  const undatedText = undated.length ? `; đã nộp, không rõ thời gian: ${undated.length}` : "";
  const paragraphs = [
    `Tổng số đơn vị phải báo cáo: ${r.statuses.length}; đã gửi báo cáo: ${sent}/${r.statuses.length} đơn vị (nộp đúng hạn: ${onTime.length}; nộp muộn: ${late.length}${undatedText}); chưa gửi: ${pending.length + overdue.length} đơn vị (quá hạn: ${overdue.length}; còn hạn: ${pending.length}).`,
  ];
  // The undated column appears only when a unit is undated, so usual reports keep their layout.
  const shown = ["on-time", "late", ...(undated.length ? ["undated"] : []), "pending", "overdue"];
  const rows: ReportCell[][] = t.unitGroups.map((g, i) => {
    const s = r.statuses.filter((x) => x.group === g.code);
    return [i + 1, g.name, s.length, ...shown.map((k) => s.filter((x) => x.status === k).length)];
  });
  rows.push(["", "Tổng cộng", r.statuses.length, ...shown.map((k) => by(k).length)]);
  const after: string[] = [];
  if (undated.length)
    after.push(
      `Các đơn vị đã nộp nhưng không rõ thời gian gửi (không tính là nộp muộn; Văn phòng xác minh theo email/Zalo): ${names(
        undated.map((x) => x.unitCode),
        t,
      )}.`,
    );
  if (late.length)
    after.push(
      `Các đơn vị nộp muộn: ${late.map((x) => `${x.unitName} (${x.submittedAt ? formatDateTimeVN(x.submittedAt) : "không rõ thời gian"})`).join("; ")}.`,
    );
  if (overdue.length)
    after.push(
      `Các đơn vị chưa gửi báo cáo (quá hạn): ${names(
        overdue.map((x) => x.unitCode),
        t,
      )}.`,
    );
  if (pending.length)
    after.push(
      `Các đơn vị chưa gửi báo cáo (còn hạn): ${names(
        pending.map((x) => x.unitCode),
        t,
      )}.`,
    );
  const notes = r.statuses.filter((x) => x.note);
  if (notes.length) after.push(...notes.map((x) => `- ${x.unitName}: ${x.note}.`));
  const drafts = r.statuses.filter((x) => x.draft);
  if (drafts.length)
    after.push(
      `Các đơn vị đã nhập số liệu nhưng chưa xác nhận gửi: ${names(
        drafts.map((x) => x.unitCode),
        t,
      )}.`,
    );
  return {
    heading: "I. TÌNH HÌNH GỬI BÁO CÁO",
    paragraphs,
    table: {
      columns: [
        { header: "STT", width: 5, align: "center" },
        { header: "Nhóm đơn vị", width: 30, align: "left" },
        { header: "Số đơn vị", width: 10, align: "center" },
        { header: "Nộp đúng hạn", width: 10, align: "center" },
        { header: "Nộp muộn", width: 10, align: "center" },
        ...(undated.length ? [{ header: "Đã nộp, không rõ thời gian", width: 12, align: "center" as const }] : []),
        { header: "Chưa nộp (còn hạn)", width: 11, align: "center" },
        { header: "Chưa nộp (quá hạn)", width: 11, align: "center" },
      ],
      rows,
      boldRows: [rows.length - 1],
    },
    after,
  };
}

/** "Trong kỳ, toàn ngành đã …" drafted from the largest summed indicators. */
export function narrative(t: Template, totals: IndicatorTotal[]): string {
  const parts = t.indicators
    .map((ind, i) => ({ ind, tot: totals[i] }))
    .filter(
      ({ ind, tot }) =>
        ind.aggregate === "sum" && (ind.type === "integer" || ind.type === "number") && (tot.total ?? 0) > 0,
    )
    .map(
      ({ ind, tot }) =>
        `${ind.label.charAt(0).toLowerCase()}${ind.label.slice(1)}: ${vnNumber(tot.total!)}${ind.unit ? ` ${ind.unit}` : ""} (${tot.reportedCount} đơn vị báo cáo)`,
    );
  if (!parts.length) return "Trong kỳ, chưa có số liệu được tổng hợp.";
  return `Trong kỳ, toàn ngành đã thực hiện: ${parts.join("; ")}.`;
}

/** Section II's pointer to the per-unit figures, which travel as Phụ lục I. */
export const DETAIL_IN_APPENDIX = "Chi tiết tại Phụ lục I kèm theo.";

function resultsSection(t: Template, r: CompileResult): ReportSection {
  const rows: ReportCell[][] = [];
  const bold: number[] = [];
  let section = "";
  let stt = 0;
  t.indicators.forEach((ind, i) => {
    const tot = r.totals[i];
    if (ind.section && ind.section !== section) {
      section = ind.section;
      bold.push(rows.length);
      rows.push(["", ind.section, "", null, null, ...t.unitGroups.map(() => null)]);
    }
    stt++;
    const total = ind.aggregate === "none" ? null : tot.total;
    const label =
      tot.distribution && ind.type === "choice"
        ? `${ind.label} (${Object.entries(tot.distribution)
            .map(([k, v]) => `${k}: ${v}`)
            .join("; ")})`
        : ind.label;
    rows.push([
      stt,
      label,
      ind.unit,
      total,
      tot.reportedCount,
      ...t.unitGroups.map((g) => (ind.aggregate === "none" ? null : (tot.byGroup[g.code]?.total ?? null))),
    ]);
  });
  const highlights = textEntries(t, r, "noi_bat");
  const noiBat = t.textFields.find((f) => f.key === "noi_bat");
  return {
    heading: "II. KẾT QUẢ THỰC HIỆN",
    paragraphs: [narrative(t, r.totals)],
    table: {
      columns: [
        { header: "STT", width: 5, align: "center" },
        { header: "Chỉ tiêu", width: 40, align: "left" },
        { header: "ĐVT", width: 9, align: "center" },
        { header: "Tổng số", width: 11, align: "right" },
        { header: "Số đơn vị báo cáo", width: 10, align: "center" },
        ...t.unitGroups.map((g) => ({ header: g.name, width: 12, align: "right" as const })),
      ],
      rows,
      boldRows: bold,
    },
    after: [DETAIL_IN_APPENDIX, ...(noiBat && highlights.length ? [`${noiBat.label}:`, ...highlights] : [])],
  };
}

function tasksSection(t: Template, r: CompileResult): ReportSection {
  const kinds: TaskStatus[] = ["done-on-time", "done-late", "open-in-time", "open-overdue", "not-reported"];
  const rows: ReportCell[][] = [];
  const after: string[] = [];
  for (const task of t.tasks) {
    const due = taskDueDay(t, task);
    const counts = kinds.map((k) => r.statuses.filter((s) => s.tasks[task.code] === k).length);
    rows.push([task.code, task.title, due ? formatDayVN(due) : "Thường xuyên", ...counts]);
    const overdue = r.statuses.filter((s) => s.tasks[task.code] === "open-overdue").map((s) => s.unitCode);
    if (overdue.length) after.push(`Nhiệm vụ ${task.code} chưa hoàn thành, quá hạn tại: ${names(overdue, t)}.`);
  }
  return {
    heading: "III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ",
    paragraphs: t.tasks.length
      ? [`Số đơn vị theo tình trạng thực hiện từng nhiệm vụ của kế hoạch (tính đến ngày ${formatDayVN(r.asOf)}):`]
      : ["Kế hoạch không giao nhiệm vụ cần theo dõi."],
    table: t.tasks.length
      ? {
          columns: [
            { header: "Mã", width: 8, align: "center" },
            { header: "Nhiệm vụ", width: 36, align: "left" },
            { header: "Thời hạn", width: 11, align: "center" },
            ...kinds.map((k) => ({ header: TASK_LABELS[k], width: 11, align: "center" as const })),
          ],
          rows,
          boldRows: [],
        }
      : undefined,
    after,
  };
}

function textEntries(t: Template, r: CompileResult, key: string): string[] {
  const counted = new Set(r.countedUnits);
  const name = new Map(t.units.map((u) => [u.code, u.name]));
  return r.records
    .filter((x) => counted.has(x.unitCode) && x.texts[key])
    .map((x) => `- ${name.get(x.unitCode)}: ${x.texts[key]}`);
}

function textSection(t: Template, r: CompileResult, key: string, heading: string): ReportSection {
  const entries = textEntries(t, r, key);
  return { heading, paragraphs: entries.length ? entries : ["Các đơn vị không nêu nội dung này."], after: [] };
}
