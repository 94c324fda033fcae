/** Review entries for the plan's own metadata: issuer, number, date, place, title, signer, Nơi nhận. */
import { formatDayVN } from "../vn/dates.js";
import type { PlanMetadata } from "./metadata.js";
import { review, type ReviewItem } from "./review.js";

function issuerEntry(meta: PlanMetadata): ReviewItem {
  if (meta.issuerSource === "header")
    return review.found(
      `Cơ quan ban hành: ${meta.issuerName}${meta.issuerParent ? ` (cơ quan chủ quản: ${meta.issuerParent})` : ""}.`,
      meta.issuerLine,
    );
  if (meta.issuerSource === "body")
    return review.needs(
      `Kế hoạch không có khối tên cơ quan ở đầu văn bản: cơ quan ban hành lấy từ câu dẫn (${meta.issuerName}). Văn phòng xác nhận.`,
      meta.issuerLine,
    );
  return review.needs("Không tìm thấy cơ quan ban hành: Văn phòng điền tên cơ quan.");
}

function numberEntry(meta: PlanMetadata): ReviewItem {
  if (!meta.symbol) return review.needs('Kế hoạch không có dòng "Số: …/KH-…": điền số, ký hiệu.');
  if (meta.number) return review.found(`Số, ký hiệu: ${meta.number}/${meta.symbol}.`, meta.numberLine);
  return review.needs(
    `Số kế hoạch để trống (Số: /${meta.symbol}): điền số khi kế hoạch được ban hành.`,
    meta.numberLine,
  );
}

function dateEntry(meta: PlanMetadata): ReviewItem {
  if (meta.date) return review.found(`Ngày ban hành: ${formatDayVN(meta.date)}.`, meta.dateLine);
  if (meta.dateYear)
    return review.needs(
      `Ngày, tháng ban hành để trống (chỉ có năm ${meta.dateYear}): điền ngày ban hành.`,
      meta.dateLine,
    );
  return review.needs("Không tìm thấy ngày ban hành.");
}

function placeEntry(meta: PlanMetadata, place: string): ReviewItem {
  if (meta.placeSource === "header") return review.found(`Địa danh: ${place}.`, meta.placeLine);
  if (place)
    return review.needs(
      `Không có dòng địa danh, ngày tháng: địa danh "${place}" suy ra từ nội dung. Văn phòng xác nhận.`,
    );
  return review.needs("Không xác định được địa danh: điền địa danh.");
}

/** What was read about the plan itself, each entry with its source line, and what is missing. */
export function reviewMetadata(meta: PlanMetadata, place: string): ReviewItem[] {
  const items = [issuerEntry(meta), numberEntry(meta), dateEntry(meta), placeEntry(meta, place)];
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
  return items;
}
