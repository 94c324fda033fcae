/** Decides who issues, receives and signs the report drafted from a plan. */
import type { TemplateInput } from "../model/template-schema.js";
import type { PlanMetadata } from "./metadata.js";
import type { ReportRoute } from "./report-route.js";
import { review, type ReviewItem } from "./review.js";
import { abbreviateName, fullBodyName, sameUnit } from "./units.js";

type PlanHeader = TemplateInput["plan"];

/** The report's issuer, recipient, signer and distribution, with the review entries they need. */
export interface ReportHeader {
  issuer: PlanHeader["issuer"];
  recipient: string;
  signer: PlanHeader["signer"];
  distribution: string[];
  /** True when the body that compiles the reports is not the plan's issuer. */
  compilerDiffers: boolean;
  review: ReviewItem[];
}

/** Parent body when the plan prints none: a UBND has none to guess, else the locality's UBND. */
function defaultParent(issuerName: string, meta: PlanMetadata, place: string, items: ReviewItem[]): string {
  if (/^(ỦY|UỶ) BAN NHÂN DÂN|^UBND/u.test(issuerName)) {
    items.push(
      review.needs(
        "Cơ quan ban hành là Ủy ban nhân dân, không có cơ quan chủ quản in phía trên: điền hoặc bỏ dòng cơ quan chủ quản.",
      ),
    );
    return "(CƠ QUAN CHỦ QUẢN)";
  }
  if (place) {
    const parent = `UBND ${meta.localityKind} ${place}`.toUpperCase();
    items.push(review.needs(`Cơ quan chủ quản suy ra từ địa danh: ${parent}. Văn phòng xác nhận.`));
    return parent;
  }
  items.push(review.needs("Không xác định được cơ quan chủ quản: điền tên."));
  return "(CƠ QUAN CHỦ QUẢN)";
}

function reportSigner(meta: PlanMetadata, compilerDiffers: boolean, items: ReviewItem[]): PlanHeader["signer"] {
  if (meta.signer?.title) {
    const shown = [meta.signer.authority, meta.signer.title, meta.signer.name].filter(Boolean).join(" – ");
    items.push(
      review.needs(
        compilerDiffers
          ? `Người ký báo cáo tạm lấy theo người ký kế hoạch (${shown}); báo cáo do cơ quan tổng hợp ban hành nên Văn phòng đổi thẩm quyền, chức vụ và họ tên cho đúng.`
          : `Người ký báo cáo đề xuất theo người ký kế hoạch: ${shown}. Văn phòng đổi nếu người ký báo cáo khác.`,
        meta.signer.line,
      ),
    );
    if (!meta.signer.name) items.push(review.needs("Không đọc được tên người ký: điền họ và tên.", meta.signer.line));
    return {
      authority: meta.signer.authority,
      title: meta.signer.title,
      name: meta.signer.name || "(Họ và tên người ký)",
    };
  }
  items.push(review.needs("Không tìm thấy khối chữ ký: điền thẩm quyền, chức vụ và họ tên người ký."));
  return { authority: "", title: "(CHỨC VỤ NGƯỜI KÝ)", name: "(Họ và tên người ký)" };
}

/**
 * The report is issued by the plan's issuer, unless the regime names another body that compiles
 * the units' reports: then that body issues it and the plan's issuer becomes its parent.
 */
export function decideReportHeader(
  meta: PlanMetadata,
  route: ReportRoute,
  planIssuerText: string,
  place: string,
): ReportHeader {
  const items: ReviewItem[] = [];
  const compilerDiffers =
    !!route.compiler &&
    !!planIssuerText &&
    !sameUnit(route.compiler, planIssuerText) &&
    !/^Văn phòng/u.test(route.compiler);
  let name = meta.issuerName || "(TÊN CƠ QUAN)";
  let parent = meta.issuerParent;
  let abbreviation = meta.symbol ? meta.symbol.replace(/^KH-/u, "") : abbreviateName(planIssuerText || name);
  if (compilerDiffers) {
    name = fullBodyName(route.compiler, "").toUpperCase();
    parent = meta.issuerParent || meta.issuerName;
    abbreviation = abbreviateName(route.compiler);
    items.push(
      review.needs(
        `Cơ quan tổng hợp báo cáo là ${route.compiler} (các đơn vị gửi báo cáo qua cơ quan này), khác cơ quan ban hành kế hoạch: mẫu báo cáo đặt cơ quan tổng hợp làm cơ quan báo cáo. Văn phòng xác nhận.`,
      ),
    );
  }
  const localBody = place ? `Ủy ban nhân dân ${meta.localityKind} ${place}` : "";
  if (!parent) parent = defaultParent(name, meta, place, items);
  let recipient = route.recipient ? fullBodyName(route.recipient, place) : "";
  if (recipient) items.push(review.found(`Báo cáo tổng hợp gửi: ${recipient}.`));
  else {
    recipient = localBody || "(Nơi nhận báo cáo)";
    items.push(review.needs(`Kế hoạch không nói báo cáo tổng hợp gửi ai: tạm đặt "${recipient}".`));
  }
  const signer = reportSigner(meta, compilerDiffers, items);
  const keep = !compilerDiffers && meta.distribution?.items.find((i) => /^Lưu\b/u.test(i));
  const distribution = [recipient, keep || "Lưu: VT"];
  items.push(review.needs(`Nơi nhận của báo cáo tạm đặt: ${distribution.join("; ")}. Văn phòng bổ sung.`));
  return { issuer: { parent, name, abbreviation }, recipient, signer, distribution, compilerDiffers, review: items };
}
