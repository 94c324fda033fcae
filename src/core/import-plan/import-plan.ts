/** Turns the text of a plan (Kế hoạch) into a draft template and a review list for the Văn phòng. */
import { defaultTextFields, type TemplateInput } from "../model/template-schema.js";
import { formatDayVN } from "../vn/dates.js";
import { normalizeLines, type PlanLine } from "./normalize-lines.js";
import { buildOutline, walkOutline, type Outline, type OutlineNode } from "./outline.js";
import { readMetadata, type PlanMetadata } from "./metadata.js";
import { classifyPart, extractTasks, type PlanTask, type Provision, type TaskExtraction } from "./tasks.js";
import { fallbackPeriods, readRegime, sentencesOf, type PeriodDraft } from "./reporting-regime.js";
import { readReportRoute, type ReportRoute } from "./report-route.js";
import { proposeIndicators, type IndicatorProposal } from "./propose-indicators.js";
import { sameUnit } from "./units.js";
import { lowerFirst } from "./title-text.js";
import { slugify } from "./slug.js";
import { review, shorten, summarizeReview, type ReviewItem, type ReviewSummary } from "./review.js";
import { reviewMetadata } from "./review-metadata.js";
import { decideReportHeader } from "./report-header.js";
import { buildUnitGroups } from "./unit-groups.js";
import { buildTemplateTasks } from "./template-tasks.js";

/** Options of {@link importPlan}. */
export interface ImportPlanOptions {
  /** Year to use when the plan names none anywhere (the CLI passes the current year). */
  defaultYear?: number;
}

/** The draft template, the review list, and what was read on the way. */
export interface ImportPlanResult {
  template: TemplateInput;
  review: ReviewItem[];
  summary: ReviewSummary;
  metadata: PlanMetadata;
  tasks: PlanTask[];
}

function partLines(nodes: OutlineNode[]): PlanLine[] {
  return walkOutline(nodes).flatMap((n) => [{ text: n.title, line: n.line, gap: false }, ...n.body]);
}

/** Lines that may state the reporting regime: regime, assignment and time parts, and the closing. */
function regimeLines(outline: Outline): PlanLine[] {
  const implicit = outline.parts.length === 1 && outline.parts[0].code === "";
  const parts = implicit
    ? outline.parts
    : outline.parts.filter((p) => ["regime", "assignments", "time"].includes(classifyPart(p.title, p.marker)));
  return [...partLines(parts), ...outline.closing];
}

function firstRoute(sentences: string[]): ReportRoute {
  const route: ReportRoute = { reporters: [], compiler: "", recipient: "" };
  for (const s of sentences) {
    const r = readReportRoute(s);
    if (!route.compiler && r.compiler) route.compiler = r.compiler;
    if (!route.recipient && r.recipient) route.recipient = r.recipient;
    if (!route.reporters.length && r.reporters.length && /báo cáo/u.test(s)) route.reporters = r.reporters;
  }
  return route;
}

/** "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo": capitals after the body word, "và", "-" and in place names. */
function bodyNameForText(upper: string): string {
  const words = upper.toLowerCase().split(/\s+/);
  let place = false;
  return words
    .map((w, i) => {
      const prev = words[i - 1] ?? "";
      const prev2 = `${words[i - 2] ?? ""} ${prev}`;
      if (/^(thành phố|tỉnh|quận|huyện)$/u.test(prev2.trim()) || /^(tỉnh|quận|huyện)$/u.test(prev)) place = true;
      const cap =
        i === 0 || place || /^(sở|phòng|ban|và|-|tâm)$/u.test(prev) || (prev === "nhân" && w === "dân" ? false : false);
      return cap ? w.charAt(0).toUpperCase() + w.slice(1) : w;
    })
    .join(" ")
    .replace(/^Ủy ban nhân dân|^Uỷ ban nhân dân/u, "Ủy ban nhân dân");
}

/**
 * Imports a plan's text (a .txt file, or the raw text of a .docx) into a draft template that
 * passes `templateInputSchema`, with a review list: every thing found with its source line,
 * and every thing a person must decide (placeholder units, proposed indicators, defaulted
 * deadlines, tasks without owner or timeframe).
 */
export function importPlan(text: string, options: ImportPlanOptions = {}): ImportPlanResult {
  const lines = normalizeLines(text);
  const outline = buildOutline(lines);
  const meta = readMetadata(lines, outline);
  const items: ReviewItem[] = [];
  const years = meta.years.length ? meta.years : options.defaultYear ? [options.defaultYear] : [];
  if (!years.length)
    throw new Error("Không xác định được năm của kế hoạch: kế hoạch không ghi năm ở tiêu đề hay ngày ban hành.");
  if (!meta.years.length) items.push(review.needs(`Kế hoạch không ghi năm: tạm lấy năm ${years[0]}.`));

  const place = meta.place || "";
  const planIssuerText = meta.issuerName ? bodyNameForText(meta.issuerName) : "";
  items.push(...reviewMetadata(meta, place));

  const extraction = extractTasks(outline);
  const regime = readPeriodsAndRoute(outline, meta, years, planIssuerText);
  items.push(...regime.review, ...reviewProvisions(extraction, meta));
  const { periods, route } = regime;

  const header = decideReportHeader(meta, route, planIssuerText, place);
  items.push(...header.review);
  const identity = reportIdentity(meta, years, header.issuer.abbreviation);
  items.push(review.needs(`Tên báo cáo: "${shorten(identity.title, 200)}". Văn phòng xem lại cách diễn đạt.`));

  const compilerName = header.compilerDiffers ? route.compiler : planIssuerText || route.compiler;
  const groups = buildUnitGroups({
    extraction,
    reporters: route.reporters,
    compilerName,
    distribution: meta.distribution,
    recipient: header.recipient,
  });
  items.push(...groups.review);

  const built = buildTemplateTasks(extraction.tasks, {
    year: years[0],
    singleYear: meta.singleYear,
    periods,
    compilerName,
    groupOf: groups.groupOf,
  });
  items.push(...built.review);
  const proposals = proposeFromTasks(extraction.tasks, items);

  const template: TemplateInput = {
    version: 1,
    plan: {
      code: identity.code,
      title: identity.title,
      reportSymbol: `BC-${header.issuer.abbreviation}`,
      issuer: header.issuer,
      recipient: header.recipient,
      place: place || "(Địa danh)",
      signer: header.signer,
      distribution: header.distribution,
      source: identity.source,
    },
    periods: periods.map(periodInput),
    unitGroups: groups.unitGroups,
    units: groups.units,
    indicators: proposals.map((p) => p.indicator),
    tasks: built.tasks,
    textFields: defaultTextFields.map((f) => ({ ...f })),
  };
  const reviewList = sortReview(items);
  return {
    template,
    review: reviewList,
    summary: summarizeReview(
      reviewList,
      built.tasks.map((t) => t.code),
    ),
    metadata: meta,
    tasks: extraction.tasks,
  };
}

function periodInput(p: PeriodDraft): TemplateInput["periods"][number] {
  return {
    id: p.id,
    label: p.label,
    kind: p.kind,
    ...(p.year !== undefined && p.kind !== "custom" ? { year: p.year } : {}),
    ...(p.index !== undefined ? { index: p.index } : {}),
    from: p.from,
    to: p.to,
    deadline: p.deadline,
  };
}

/** Periods from the reporting regime (or one a year when it says none) and who reports to whom. */
function readPeriodsAndRoute(
  outline: Outline,
  meta: PlanMetadata,
  years: number[],
  planIssuerText: string,
): { periods: PeriodDraft[]; route: ReportRoute; review: ReviewItem[] } {
  const regimeSource = regimeLines(outline);
  const regime = readRegime(regimeSource, { years, planDate: meta.date });
  const items = [...regime.review];
  let periods: PeriodDraft[] = regime.periods;
  if (!periods.length) {
    periods = fallbackPeriods(years);
    items.push(
      review.needs(
        `Kế hoạch không nêu chế độ báo cáo: tạm đặt kỳ báo cáo năm (${periods.map((p) => p.label).join(", ")}), hạn nộp 5 ngày sau ngày chốt số liệu. Văn phòng đặt lại kỳ và hạn nộp.`,
      ),
    );
  }
  for (const p of periods)
    items.push(
      review.found(
        `Kỳ báo cáo "${p.label}" (${p.id}): từ ${formatDayVN(p.from)} đến ${formatDayVN(p.to)}, hạn nộp ${formatDayVN(p.deadline)}${p.deadlineGiven ? "" : " (tạm đặt)"}.`,
        p.line || undefined,
      ),
    );
  const routeSentences = [
    ...regime.sentences.map((s) => s.text),
    ...outline.closing.flatMap((l) => sentencesOf(l.text)),
    ...regimeSource.flatMap((l) => sentencesOf(l.text)).filter((s) => /báo cáo/u.test(s)),
  ];
  const route = firstRoute(routeSentences);
  // "báo cáo Sở GDĐT" in a plan of the Sở GDĐT names the compiler, not where the compiled report goes.
  if (route.recipient && !route.compiler && planIssuerText && sameUnit(route.recipient, planIssuerText)) {
    route.compiler = route.recipient;
    route.recipient = "";
  }
  return { periods, route, review: items };
}

/** Why a numbered item is not a task, in the review's words. */
function provisionReason(p: Provision): string {
  if (p.daysOff) return "quy định ngày nghỉ, không phải việc phải làm";
  if (p.restated) return "không giao đơn vị, thời gian; các việc của mục này được giao cụ thể trong bảng Phụ lục";
  if (p.oversight) return "giao theo dõi, đôn đốc, tổng hợp";
  if (p.reporting) return "giao chế độ báo cáo, đọc thành kỳ báo cáo";
  return p.general ? "giao thực hiện chung toàn bộ kế hoạch" : "quy định chung";
}

/** Items that are not tasks, a plan longer than the periods made, and the plan-wide timeframe. */
function reviewProvisions(extraction: TaskExtraction, meta: PlanMetadata): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const p of extraction.provisions.filter((x) => x.code)) {
    items.push(review.found(`Mục ${p.code} không tính là nhiệm vụ báo cáo (${provisionReason(p)}).`, p.line, p.text));
  }
  if (meta.years.length > 5) {
    items.push(
      review.needs(
        `Kế hoạch kéo dài ${meta.years[0]}–${meta.years[meta.years.length - 1]}: kỳ báo cáo hằng tháng, hằng quý mới tạo cho 5 năm đầu (${meta.years[0]}–${meta.years[4]}); thêm kỳ cho các năm sau khi cần.`,
      ),
    );
  }
  if (extraction.planTimeframe)
    items.push(
      review.found(
        `Thời gian thực hiện chung của kế hoạch: ${extraction.planTimeframe.text}.`,
        extraction.planTimeframe.line,
      ),
    );
  return items;
}

/** The report's title, the template's code and the plan it answers, from the plan's number and title. */
function reportIdentity(
  meta: PlanMetadata,
  years: number[],
  abbreviation: string,
): { title: string; code: string; source: string } {
  const title = meta.title ? `Kết quả thực hiện ${lowerFirst(meta.title)}` : "Kết quả thực hiện kế hoạch";
  const codeParts = [
    meta.symbol || `KH-${abbreviation}`,
    meta.number,
    String(meta.years.length > 1 ? `${years[0]}-${years[years.length - 1]}` : years[0]),
  ];
  if (!meta.number) codeParts.push(...slugify(meta.title, "-", 30).split("-").slice(0, 4));
  const code = slugify(codeParts.filter(Boolean).join(" "), "-", 60);
  const source = meta.symbol
    ? `Kế hoạch số ${meta.number || "…"}/${meta.symbol}${meta.date ? ` ngày ${formatDayVN(meta.date)}` : meta.dateYear ? ` năm ${meta.dateYear}` : ""}`
    : `Kế hoạch ${lowerFirst(meta.title || "")}`.trim();
  return { title, code, source };
}

/** Indicators proposed from the task texts, each a review entry: the plan itself names none to count. */
function proposeFromTasks(tasks: PlanTask[], items: ReviewItem[]): IndicatorProposal[] {
  const proposals = proposeIndicators(tasks.map((t) => ({ code: t.code, text: t.text })));
  items.push(
    review.needs(
      "Kế hoạch không nêu chỉ tiêu để đếm: các chỉ tiêu dưới đây là đề xuất từ nội dung nhiệm vụ (proposed: true). Văn phòng chọn chỉ tiêu cần đếm.",
    ),
  );
  for (const p of proposals) {
    const ev = p.evidence.length
      ? `gợi ý từ nhiệm vụ ${p.evidence.slice(0, 6).join(", ")}${p.evidence.length > 6 ? "…" : ""}`
      : "đề xuất chung";
    items.push(
      review.needs(`Chỉ tiêu đề xuất "${p.indicator.label}" (ĐVT: ${p.indicator.unit}), ${ev}: xác nhận, sửa hoặc bỏ.`),
    );
  }
  return proposals;
}

/** Keeps the list stable: entries with a line in line order first, then the rest in the order found. */
function sortReview(items: ReviewItem[]): ReviewItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.line ?? Infinity) - (b.item.line ?? Infinity) || a.i - b.i)
    .map((x) => x.item);
}
