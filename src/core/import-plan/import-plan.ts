/** Turns the text of a plan (Kế hoạch) into a draft template and a review list for the Văn phòng. */
import { defaultTextFields, type TemplateInput } from "../model/template-schema.js";
import { formatDayVN } from "../vn/dates.js";
import { periodCalendarEnd } from "../template/periods.js";
import { normalizeLines, type PlanLine } from "./normalize-lines.js";
import { buildOutline, walkOutline, type Outline, type OutlineNode } from "./outline.js";
import { readMetadata, type PlanMetadata } from "./metadata.js";
import { classifyPart, extractTasks, type PlanTask } from "./tasks.js";
import { fallbackPeriods, readRegime, sentencesOf, type PeriodDraft } from "./reporting-regime.js";
import { readReportRoute, type ReportRoute } from "./report-route.js";
import { parseTimeframe } from "./timeframe.js";
import { proposeIndicators } from "./propose-indicators.js";
import { abbreviateName, fullBodyName, isCoveredBy, isGenericUnit, isUnitName, sameUnit, splitUnits } from "./units.js";
import { lowerFirst, upperFirst } from "./title-text.js";
import { slugify, uniqueId } from "./slug.js";
import { review, shorten, summarizeReview, type ReviewItem, type ReviewSummary } from "./review.js";

type TaskInput = NonNullable<TemplateInput["tasks"]>[number];

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
    : outline.parts.filter((p) => ["regime", "assignments", "time"].includes(classifyPart(p.title)));
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

function ctxYearsCapped(years: number[]): boolean {
  return years.length > 5;
}

function fmt(due: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? formatDayVN(due) : due === "thuong-xuyen" ? "thường xuyên" : `kỳ ${due}`;
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

  // ---- Metadata ----
  const place = meta.place || "";
  const planIssuerText = meta.issuerName ? bodyNameForText(meta.issuerName) : "";
  if (meta.issuerSource === "header")
    items.push(
      review.found(
        `Cơ quan ban hành: ${meta.issuerName}${meta.issuerParent ? ` (cơ quan chủ quản: ${meta.issuerParent})` : ""}.`,
        meta.issuerLine,
      ),
    );
  else if (meta.issuerSource === "body")
    items.push(
      review.needs(
        `Kế hoạch không có khối tên cơ quan ở đầu văn bản: cơ quan ban hành lấy từ câu dẫn (${meta.issuerName}). Văn phòng xác nhận.`,
        meta.issuerLine,
      ),
    );
  else items.push(review.needs("Không tìm thấy cơ quan ban hành: Văn phòng điền tên cơ quan."));

  if (meta.symbol) {
    if (meta.number) items.push(review.found(`Số, ký hiệu: ${meta.number}/${meta.symbol}.`, meta.numberLine));
    else
      items.push(
        review.needs(
          `Số kế hoạch để trống (Số: /${meta.symbol}): điền số khi kế hoạch được ban hành.`,
          meta.numberLine,
        ),
      );
  } else items.push(review.needs('Kế hoạch không có dòng "Số: …/KH-…": điền số, ký hiệu.'));
  if (meta.date) items.push(review.found(`Ngày ban hành: ${formatDayVN(meta.date)}.`, meta.dateLine));
  else if (meta.dateYear)
    items.push(
      review.needs(`Ngày, tháng ban hành để trống (chỉ có năm ${meta.dateYear}): điền ngày ban hành.`, meta.dateLine),
    );
  else items.push(review.needs("Không tìm thấy ngày ban hành."));
  if (meta.placeSource === "header") items.push(review.found(`Địa danh: ${place}.`, meta.placeLine));
  else if (place)
    items.push(
      review.needs(`Không có dòng địa danh, ngày tháng: địa danh "${place}" suy ra từ nội dung. Văn phòng xác nhận.`),
    );
  else items.push(review.needs("Không xác định được địa danh: điền địa danh."));
  if (meta.title) items.push(review.found(`Trích yếu: ${meta.title}.`, meta.titleLine));
  else items.push(review.needs("Không tìm thấy trích yếu (tên) của kế hoạch: điền tên báo cáo."));
  if (meta.signer)
    items.push(
      review.found(
        `Người ký: ${meta.signer.name || "(chưa đọc được tên)"} (${[meta.signer.authority, meta.signer.title].filter(Boolean).join(" – ")}).`,
        meta.signer.line,
      ),
    );
  if (meta.distribution)
    items.push(
      review.found(
        `Nơi nhận của kế hoạch: ${meta.distribution.items.length} nơi (${meta.distribution.items.join("; ")}).`,
        meta.distribution.line,
      ),
    );
  else items.push(review.needs('Không tìm thấy mục "Nơi nhận".'));

  // ---- Tasks and regime ----
  const extraction = extractTasks(outline);
  const regimeSource = regimeLines(outline);
  const regime = readRegime(regimeSource, { years, planDate: meta.date });
  items.push(...regime.review);
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
  for (const p of extraction.provisions.filter((x) => x.code)) {
    items.push(
      review.found(
        `Mục ${p.code} không tính là nhiệm vụ báo cáo (${p.oversight ? "giao theo dõi, đôn đốc, tổng hợp" : p.general ? "giao thực hiện chung toàn bộ kế hoạch" : "quy định chung"}).`,
        p.line,
        p.text,
      ),
    );
  }
  if (ctxYearsCapped(meta.years)) {
    items.push(
      review.needs(
        `Kế hoạch kéo dài ${meta.years[0]}–${meta.years[meta.years.length - 1]}: kỳ báo cáo định kỳ mới tạo cho 5 năm đầu (${meta.years[0]}–${meta.years[4]}); thêm kỳ cho các năm sau khi cần.`,
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

  // ---- Issuer, recipient, signer of the report ----
  const compilerDiffers =
    !!route.compiler &&
    !!planIssuerText &&
    !sameUnit(route.compiler, planIssuerText) &&
    !/^Văn phòng/u.test(route.compiler);
  let issuerName = meta.issuerName || "(TÊN CƠ QUAN)";
  let parent = meta.issuerParent;
  let abbreviation = meta.symbol ? meta.symbol.replace(/^KH-/u, "") : abbreviateName(planIssuerText || issuerName);
  if (compilerDiffers) {
    issuerName = fullBodyName(route.compiler, "").toUpperCase();
    parent = meta.issuerParent || meta.issuerName;
    abbreviation = abbreviateName(route.compiler);
    items.push(
      review.needs(
        `Cơ quan tổng hợp báo cáo là ${route.compiler} (các đơn vị gửi báo cáo qua cơ quan này), khác cơ quan ban hành kế hoạch: mẫu báo cáo đặt cơ quan tổng hợp làm cơ quan báo cáo. Văn phòng xác nhận.`,
      ),
    );
  }
  const localBody = place ? `Ủy ban nhân dân ${meta.localityKind} ${place}` : "";
  if (!parent) {
    if (/^(ỦY|UỶ) BAN NHÂN DÂN|^UBND/u.test(issuerName)) {
      parent = "(CƠ QUAN CHỦ QUẢN)";
      items.push(
        review.needs(
          "Cơ quan ban hành là Ủy ban nhân dân, không có cơ quan chủ quản in phía trên: điền hoặc bỏ dòng cơ quan chủ quản.",
        ),
      );
    } else if (localBody) {
      parent = `UBND ${meta.localityKind} ${place}`.toUpperCase();
      items.push(review.needs(`Cơ quan chủ quản suy ra từ địa danh: ${parent}. Văn phòng xác nhận.`));
    } else {
      parent = "(CƠ QUAN CHỦ QUẢN)";
      items.push(review.needs("Không xác định được cơ quan chủ quản: điền tên."));
    }
  }
  let recipient = route.recipient ? fullBodyName(route.recipient, place) : "";
  if (recipient) items.push(review.found(`Báo cáo tổng hợp gửi: ${recipient}.`));
  else {
    recipient = localBody || "(Nơi nhận báo cáo)";
    items.push(review.needs(`Kế hoạch không nói báo cáo tổng hợp gửi ai: tạm đặt "${recipient}".`));
  }
  let signer = { authority: "", title: "(CHỨC VỤ NGƯỜI KÝ)", name: "(Họ và tên người ký)" };
  if (meta.signer && !compilerDiffers && meta.signer.title) {
    signer = {
      authority: meta.signer.authority,
      title: meta.signer.title,
      name: meta.signer.name || "(Họ và tên người ký)",
    };
    if (!meta.signer.name) items.push(review.needs("Không đọc được tên người ký: điền họ và tên.", meta.signer.line));
  } else {
    items.push(
      review.needs(
        compilerDiffers
          ? "Người ký báo cáo thuộc cơ quan tổng hợp: điền chức vụ và họ tên."
          : "Không tìm thấy khối chữ ký: điền thẩm quyền, chức vụ và họ tên người ký.",
      ),
    );
  }
  const keep = !compilerDiffers && meta.distribution?.items.find((i) => /^Lưu\b/u.test(i));
  const distribution = [recipient, keep || "Lưu: VT"];
  items.push(review.needs(`Nơi nhận của báo cáo tạm đặt: ${distribution.join("; ")}. Văn phòng bổ sung.`));

  const reportTitle = meta.title ? `Kết quả thực hiện ${lowerFirst(meta.title)}` : "Kết quả thực hiện kế hoạch";
  items.push(review.needs(`Tên báo cáo: "${shorten(reportTitle, 200)}". Văn phòng xem lại cách diễn đạt.`));
  const year = years[0];
  const codeParts = [
    meta.symbol || `KH-${abbreviation}`,
    meta.number,
    String(meta.years.length > 1 ? `${years[0]}-${years[years.length - 1]}` : year),
  ];
  if (!meta.number) codeParts.push(...slugify(meta.title, "-", 30).split("-").slice(0, 4));
  const planCode = slugify(codeParts.filter(Boolean).join(" "), "-", 60);
  const source = meta.symbol
    ? `Kế hoạch số ${meta.number || "…"}/${meta.symbol}${meta.date ? ` ngày ${formatDayVN(meta.date)}` : meta.dateYear ? ` năm ${meta.dateYear}` : ""}`
    : `Kế hoạch ${lowerFirst(meta.title || "")}`.trim();

  // ---- Unit groups ----
  const groupNames: string[] = [];
  const addGroup = (name: string) => {
    const n = upperFirst(name.trim());
    if (n && !groupNames.some((g) => sameUnit(g, n))) groupNames.push(n);
  };
  // Reporting units: those given tasks in "Tổ chức thực hiện", those told to carry out the plan,
  // and those the regime says report; never the compiling body itself.
  const compilerName = compilerDiffers ? route.compiler : planIssuerText || route.compiler;
  const notCompiler = (u: string) => !(compilerName && sameUnit(u, compilerName));
  extraction.tasks
    .filter((t) => t.ownerFrom === "assignment")
    .forEach((t) => t.assignees.filter(notCompiler).forEach(addGroup));
  const addIfNew = (u: string) => {
    if (!isCoveredBy(u, groupNames)) addGroup(u);
  };
  route.reporters.filter(notCompiler).forEach(addIfNew);
  extraction.provisions
    .filter((p) => p.general)
    .flatMap((p) => p.units)
    .filter(notCompiler)
    .forEach(addIfNew);
  let groupsFrom = "mục Tổ chức thực hiện và chế độ báo cáo";
  if (!groupNames.length) {
    if (meta.distribution) {
      meta.distribution.items
        .filter((i) => isUnitName(i) && !/^Lưu|Ban Giám đốc|Như trên/u.test(i) && !sameUnit(i, recipient))
        .forEach((i) => splitUnits(i).forEach(addGroup));
      groupsFrom = "Nơi nhận của kế hoạch";
    }
    if (!groupNames.length) {
      addGroup("Các đơn vị thực hiện");
      groupsFrom = "";
    }
  }
  const groupIds = new Set<string>();
  const unitGroups = groupNames.map((name) => ({ code: uniqueId(slugify(name, "_", 32), groupIds), name }));
  const units = unitGroups.map((g) =>
    isGenericUnit(g.name)
      ? { code: `${g.code}_mau`, name: `Đơn vị mẫu (${g.name})`, group: g.code, editors: [] as string[] }
      : { code: g.code, name: g.name, group: g.code, editors: [] as string[] },
  );
  if (groupsFrom) items.push(review.found(`Nhóm đơn vị lấy từ ${groupsFrom}: ${groupNames.join("; ")}.`));
  else items.push(review.needs('Kế hoạch không nêu đơn vị thực hiện: tạm đặt một nhóm "Các đơn vị thực hiện".'));
  const generic = unitGroups.filter((g) => isGenericUnit(g.name));
  if (generic.length) {
    items.push(
      review.needs(
        `Danh sách đơn vị: kế hoạch chỉ nêu loại đơn vị, mỗi nhóm (${generic.map((g) => g.name).join("; ")}) mới có một đơn vị mẫu. Văn phòng điền danh sách đơn vị thật, mã đơn vị và email người nhập.`,
      ),
    );
  }
  const groupOf = (name: string) => unitGroups.find((g) => sameUnit(g.name, name))?.code;

  // ---- Template tasks ----
  const minFrom = periods.reduce((m, p) => (p.from < m ? p.from : m), "9999-12-31");
  const maxDeadline = periods.reduce((m, p) => (p.deadline > m ? p.deadline : m), "0000-01-01");
  const taskIds = new Set<string>();
  let planNoteShown = false;
  let generalNoteShown = false;
  const tasks = extraction.tasks.map((t) => {
    const notes: string[] = [];
    let due: string | null = null;
    if (t.timeframe) {
      const tf = parseTimeframe(t.timeframe, year);
      due = tf.due;
      if (!tf.due || tf.confidence === "low")
        notes.push(`thời gian "${t.timeframe}" chưa rõ${tf.note ? ` (${tf.note})` : ""}`);
      else if (tf.note && t.timeframeFrom !== "plan")
        items.push(review.found(`Nhiệm vụ ${t.code}: ${tf.note}`, t.timeframeLine, t.timeframe, t.code));
      else if (tf.note && !planNoteShown) {
        planNoteShown = true;
        items.push(
          review.found(
            `Các nhiệm vụ không có thời gian riêng theo thời gian chung "${t.timeframe}": ${tf.note}`,
            t.timeframeLine,
          ),
        );
      }
    }
    if (!due) {
      if (meta.singleYear) {
        due = `${year}-12-31`;
        notes.push(
          t.timeframe
            ? `tạm đặt hạn cuối năm ${year}`
            : `kế hoạch không nêu thời gian thực hiện; tạm đặt hạn cuối năm ${year}`,
        );
      } else {
        due = "thuong-xuyen";
        notes.push(
          t.timeframe ? "tạm coi là thường xuyên" : "kế hoạch không nêu thời gian thực hiện; tạm coi là thường xuyên",
        );
      }
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(due) && (due < minFrom || due > maxDeadline)) {
      const p = periods.find((x) => periodCalendarEnd(x) === due);
      if (p) due = p.id;
      else notes.push(`hạn ${formatDayVN(due)} nằm ngoài các kỳ báo cáo`);
    }
    if (!t.owner) notes.push("chưa rõ đơn vị thực hiện");
    else if (compilerName && sameUnit(t.owner, compilerName))
      notes.push("nhiệm vụ do chính cơ quan tổng hợp thực hiện; cân nhắc bỏ khỏi mẫu báo cáo của các đơn vị");
    if (t.planCode) notes.push(`kế hoạch ghi mã ${t.planCode} (số thứ tự lặp lại mục trước); tạm đánh mã ${t.code}`);
    if (t.synthesized) notes.push(`mục không đánh số trong kế hoạch; mã ${t.code} đánh theo thứ tự gạch đầu dòng`);
    if (t.ownerFrom === "reference")
      items.push(
        review.found(
          `Nhiệm vụ ${t.code}: đơn vị thực hiện lấy từ mục Tổ chức thực hiện.`,
          t.ownerLine,
          undefined,
          t.code,
        ),
      );
    if (t.ownerFrom === "general" && !generalNoteShown) {
      generalNoteShown = true;
      items.push(
        review.found(
          `Nhiệm vụ không ghi đơn vị thực hiện được giao cho các đơn vị triển khai toàn bộ kế hoạch: ${t.owner}.`,
          t.ownerLine,
        ),
      );
    }
    const code = uniqueId(t.code, taskIds, "-");
    const groups = t.assignees.map(groupOf);
    const task: TaskInput = {
      code,
      title: t.title || `Nhiệm vụ ${code}`,
      owner: t.owner,
      due,
      ...(t.timeframe ? { timeframe: t.timeframe } : {}),
      ...(t.assignees.length && groups.every(Boolean) ? { groups: [...new Set(groups as string[])] } : {}),
    };
    const summary = `Nhiệm vụ ${code}: ${task.title}${t.owner ? ` — đơn vị: ${t.owner}` : ""}${t.coordinator ? `; phối hợp: ${t.coordinator}` : ""} — hạn: ${fmt(due)}${t.timeframe ? ` (${t.timeframe})` : ""}.`;
    items.push(review.found(summary, t.line, t.text, code));
    if (notes.length) items.push(review.needs(`Nhiệm vụ ${code}: ${notes.join("; ")}.`, t.line, t.title, code));
    return task;
  });
  if (!tasks.length)
    items.push(
      review.needs("Không tìm thấy nhiệm vụ đánh số nào trong phần nội dung/nhiệm vụ: Văn phòng nhập nhiệm vụ."),
    );

  // ---- Indicators ----
  const proposals = proposeIndicators(extraction.tasks.map((t) => ({ code: t.code, text: t.text })));
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

  const template: TemplateInput = {
    version: 1,
    plan: {
      code: planCode,
      title: reportTitle,
      reportSymbol: `BC-${abbreviation}`,
      issuer: { parent, name: issuerName, abbreviation },
      recipient,
      place: place || "(Địa danh)",
      signer,
      distribution,
      source,
    },
    periods: periods.map((p) => ({
      id: p.id,
      label: p.label,
      kind: p.kind,
      ...(p.year !== undefined && p.kind !== "custom" ? { year: p.year } : {}),
      ...(p.index !== undefined ? { index: p.index } : {}),
      from: p.from,
      to: p.to,
      deadline: p.deadline,
    })),
    unitGroups,
    units,
    indicators: proposals.map((p) => p.indicator),
    tasks,
    textFields: defaultTextFields.map((f) => ({ ...f })),
  };
  const reviewList = sortReview(items);
  return {
    template,
    review: reviewList,
    summary: summarizeReview(
      reviewList,
      tasks.map((t) => t.code),
    ),
    metadata: meta,
    tasks: extraction.tasks,
  };
}

/** Keeps the list stable: entries with a line in line order first, then the rest in the order found. */
function sortReview(items: ReviewItem[]): ReviewItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.line ?? Infinity) - (b.item.line ?? Infinity) || a.i - b.i)
    .map((x) => x.item);
}
