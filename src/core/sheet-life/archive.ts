/** The "Lưu trữ - <kỳ>" sheet as a grid: who and when, the compiled result, the plan, and the data block with its key row. */
import { isBlank, type CellValue, type Grid } from "../model/cell.js";
import { parseMarker } from "../template/columns.js";
import type { CompileResult } from "../model/compile-result.js";
import { formatDayVN } from "../vn/dates.js";
import { AppError } from "../model/problem.js";
import { findPeriod, parseTemplate } from "../template/template.js";
import type { Period, Template } from "../model/template-schema.js";

/** Sheet names of archives start with this. */
export const ARCHIVE_PREFIX = "Lưu trữ - ";
/** Sheets refuse a cell holding more than 50,000 characters; the plan's JSON is split below that. */
export const CELL_TEXT_LIMIT = 50_000;
const JSON_CHUNK = 40_000;
/** Rows scanned for the marker of a data sheet (as the readers do). */
const MARKER_SCAN_ROWS = 12;

/** Labels of the archive's rows (column A); the reader finds rows by them. */
export const ARCHIVE_LABELS = {
  plan: "Kế hoạch",
  period: "Kỳ báo cáo",
  periodId: "Mã kỳ (không sửa)",
  window: "Thời gian số liệu",
  deadline: "Hạn nộp",
  archivedAt: "Lưu trữ lúc",
  archivedBy: "Người lưu trữ",
  asOf: "Tổng hợp tính đến (không sửa)",
  units: "Số đơn vị",
  counted: "Số đơn vị đã xác nhận gửi (được tổng hợp)",
  checksum: "Mã kiểm tra SHA-256 của số liệu (không sửa)",
  template: "Mẫu kế hoạch lúc lưu trữ (JSON, không sửa)",
  results: "KẾT QUẢ TỔNG HỢP KHI LƯU TRỮ",
  data: "SỐ LIỆU CÁC ĐƠN VỊ",
} as const;

/** Header of the results table. */
export const ARCHIVE_RESULT_HEADER = [
  "Mã chỉ tiêu",
  "Chỉ tiêu",
  "ĐVT",
  "Cách tổng hợp",
  "Kết quả",
  "Số đơn vị có số liệu",
  "Phân bố",
];

/** Name of a period's archive sheet (Sheets allows 100 characters and no []*?:/\). */
export function archiveSheetName(p: Pick<Period, "label">): string {
  return `${ARCHIVE_PREFIX}${p.label}`.replace(/[[\]*?:/\\]/g, "-").slice(0, 100);
}

/** True for a sheet name of this add-on's archives. */
export const isArchiveName = (name: string): boolean => name.startsWith(ARCHIVE_PREFIX);

/**
 * The block of a data sheet an archive keeps: from the key row (the one holding the marker)
 * to the last unit row that holds anything, and every column up to the last one that has a
 * key or data. Only trailing columns are dropped (the legend beside the table), so column
 * letters and row numbers in messages stay those of the sheet.
 * @throws AppError "archive.no-marker" when the grid has no key row.
 */
export function dataBlock(grid: Grid): Grid {
  const keyRow = grid.slice(0, MARKER_SCAN_ROWS).findIndex((row) => (row ?? []).some((c) => parseMarker(c)));
  if (keyRow < 0)
    throw new AppError(
      "archive.no-marker",
      "Trang dữ liệu không có dòng mã cột (dòng ẩn đầu bảng) nên không lưu trữ được.",
      ["Chạy Báo cáo → Thiết lập bảng tính để khôi phục dòng mã cột, rồi làm lại."],
    );
  const rows = grid.slice(keyRow);
  let last = 1;
  for (let r = rows.length - 1; r >= 2; r--) {
    if ((rows[r] ?? []).some((c) => !isBlank(c) && c !== false)) {
      last = r;
      break;
    }
  }
  const kept = rows.slice(0, last + 1);
  let width = 0;
  kept.forEach((row, r) => {
    if (r === 1) return; // the header row alone (legend texts) does not keep a column
    (row ?? []).forEach((c, j) => {
      if (!isBlank(c)) width = Math.max(width, j + 1);
    });
  });
  return kept.map((row) => Array.from({ length: width }, (_, j) => (row ?? [])[j] ?? ""));
}

/** What an archive records. */
export interface ArchiveInput {
  template: Template;
  period: Period;
  /** The data block ({@link dataBlock}) with wall-clock Dates. */
  data: Grid;
  result: CompileResult;
  /** Wall-clock ISO date-time of the archiving. */
  archivedAt: string;
  /** Email of the person archiving, or "" when Apps Script does not reveal it. */
  archivedBy: string;
  /** SHA-256 (hex) of the data block's canonical text. */
  checksum: string;
  /** Vietnamese words of the aggregate kinds (shown in the results table). */
  aggregateLabels?: Partial<Record<string, string>>;
}

/** The archive grid and where its parts are (1-based rows). */
export interface ArchiveLayout {
  grid: Grid;
  width: number;
  /** Rows shown bold: title, section titles, table headers. */
  boldRows: number[];
  /** Row of the plan JSON (hidden in the sheet). */
  templateRow: number;
  /** Row of the data block's key row (hidden, as on the data sheet). */
  keyRow: number;
  /** Rows of the data block. */
  dataRows: number;
}

/** Everything read back from an archive. */
export interface ArchiveRecord {
  template: Template;
  period: Period;
  /** Wall-clock ISO date-time the statuses were judged at. */
  asOf: string;
  archivedAt: string;
  archivedBy: string;
  checksum: string;
  /** The data block, key row first. */
  data: Grid;
  /** Results as recorded: indicator key → total (null when none). */
  totals: Map<string, number | null>;
}

const DATE_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
/** "dd/mm/yyyy hh:mm:ss" for a wall-clock ISO date-time (seconds kept: the reader needs them). */
export function formatStamp(iso: string): string {
  const time = iso.length >= 19 ? iso.slice(11, 19) : iso.length >= 16 ? `${iso.slice(11, 16)}:00` : "00:00:00";
  return `${formatDayVN(iso)} ${time}`;
}
const parseStamp = (v: CellValue): string | null => {
  const m = typeof v === "string" ? DATE_TIME.exec(v.trim()) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:${m[6]}` : null;
};

/** Builds the archive grid. Strings stay strings; the sheet writer must store them as text. */
export function buildArchiveGrid(a: ArchiveInput): ArchiveLayout {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const push = (row: CellValue[], isBold = false) => {
    rows.push(row);
    if (isBold) bold.push(rows.length);
    return rows.length;
  };
  const { template: t, period: p, result } = a;
  push([`LƯU TRỮ SỐ LIỆU KỲ BÁO CÁO: ${p.label.toUpperCase()}`], true);
  push([
    "Trang này chỉ Văn phòng (chủ sở hữu bảng tính và các email Văn phòng ghi trong trang Cấu hình) sửa được; đơn vị chỉ xem. Mở trang này rồi chạy Báo cáo → Tổng hợp báo cáo để tổng hợp lại đúng kỳ này.",
  ]);
  push([]);
  const L = ARCHIVE_LABELS;
  push([L.plan, `${t.plan.code} — ${t.plan.title}`]);
  push([L.period, p.label]);
  push([L.periodId, p.id]);
  push([L.window, `${formatDayVN(p.from)} – ${formatDayVN(p.to)}`]);
  push([L.deadline, formatDayVN(p.deadline)]);
  push([L.archivedAt, formatStamp(a.archivedAt)]);
  push([L.archivedBy, a.archivedBy || "(không rõ email)"]);
  push([L.asOf, formatStamp(result.asOf)]);
  push([L.units, result.statuses.length]);
  push([L.counted, result.countedUnits.length]);
  push([L.checksum, a.checksum]);
  const json = JSON.stringify(t);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += JSON_CHUNK) chunks.push(json.slice(i, i + JSON_CHUNK));
  const templateRow = push([L.template, ...chunks]);
  push([]);
  push([L.results], true);
  push(ARCHIVE_RESULT_HEADER, true);
  const totals = new Map(result.totals.map((x) => [x.key, x]));
  for (const ind of t.indicators) {
    const x = totals.get(ind.key);
    const dist = x?.distribution
      ? Object.entries(x.distribution)
          .map(([k, v]) => `${k}: ${v}`)
          .join("; ")
      : "";
    push([
      ind.key,
      ind.label,
      ind.unit,
      a.aggregateLabels?.[ind.aggregate] ?? ind.aggregate,
      x?.total ?? "",
      x?.reportedCount ?? 0,
      dist,
    ]);
  }
  push([]);
  push([`${L.data} (dòng ẩn ngay dưới đây là dòng mã cột: giữ nguyên để tổng hợp lại được)`], true);
  const keyRow = rows.length + 1;
  for (const r of a.data) push([...r]);
  if (a.data.length > 1) bold.push(keyRow + 1);
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")]);
  return { grid, width, boldRows: bold, templateRow, keyRow, dataRows: a.data.length };
}

const label = (v: CellValue): string => (typeof v === "string" ? v.normalize("NFC").trim() : "");

/**
 * Reads an archive grid (values as Sheets returns them, Dates wall-clock) back: the plan as
 * it was, the period, the moment the statuses were judged, the checksum, the recorded totals
 * and the data block, ready to compile again.
 * @throws AppError "archive.invalid" naming what is missing.
 */
export function readArchiveGrid(grid: Grid): ArchiveRecord {
  const find = (text: string) => grid.findIndex((row) => label(row?.[0]) === text);
  const value = (text: string): CellValue => {
    const r = find(text);
    return r < 0 ? undefined : grid[r]?.[1];
  };
  const missing: string[] = [];
  const need = (text: string) => {
    if (find(text) < 0) missing.push(`Thiếu dòng "${text}".`);
  };
  const L = ARCHIVE_LABELS;
  [L.periodId, L.asOf, L.checksum, L.template].forEach(need);
  const tRow = find(L.template);
  const dataAt = grid.findIndex((row, r) => r > tRow && (row ?? []).some((c) => parseMarker(c)));
  if (dataAt < 0) missing.push("Thiếu dòng mã cột của bảng số liệu.");
  const asOf = parseStamp(value(L.asOf));
  if (find(L.asOf) >= 0 && !asOf) missing.push(`Dòng "${L.asOf}" phải có dạng dd/mm/yyyy hh:mm:ss.`);
  if (missing.length)
    throw new AppError(
      "archive.invalid",
      "Trang lưu trữ đã bị sửa hoặc không đầy đủ, không tổng hợp lại được.",
      missing,
    );

  let template: Template;
  try {
    const json = (grid[tRow] ?? [])
      .slice(1)
      .filter((c) => typeof c === "string")
      .join("");
    template = parseTemplate(JSON.parse(json), "mẫu kế hoạch trong trang lưu trữ");
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("archive.invalid", "Trang lưu trữ đã bị sửa hoặc không đầy đủ, không tổng hợp lại được.", [
      `Dòng "${L.template}" không đọc được.`,
    ]);
  }
  const period = findPeriod(template, label(value(L.periodId)));
  const totals = new Map<string, number | null>();
  const res = find(L.results);
  if (res >= 0) {
    for (let r = res + 2; r < grid.length; r++) {
      const row = grid[r] ?? [];
      if (isBlank(row[0])) break;
      const v = row[4];
      totals.set(label(row[0]), typeof v === "number" ? v : null);
    }
  }
  const data = grid.slice(dataAt);
  return {
    template,
    period,
    asOf: asOf!,
    archivedAt: parseStamp(value(L.archivedAt)) ?? "",
    archivedBy: label(value(L.archivedBy)),
    checksum: label(value(L.checksum)),
    data,
    totals,
  };
}

/** A short human line about a period's window and deadline (for prompts). */
export function periodLine(p: Period): string {
  return `${p.label} (hạn nộp ${formatDayVN(p.deadline)})`;
}
