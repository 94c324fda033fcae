/** Proposes indicators (chỉ tiêu) from task texts, for a person to confirm: plans rarely list them. */
import type { Indicator } from "../model/template-schema.js";

/** A proposed indicator and the tasks whose wording suggested it. */
export interface IndicatorProposal {
  indicator: Indicator;
  /** Codes of the tasks that mention it. */
  evidence: string[];
}

interface Rule {
  key: string;
  label: string;
  unit: string;
  section: string;
  re: RegExp;
}

/** Wording → indicator. Order is the order indicators appear when equally supported. */
const RULES: Rule[] = [
  {
    key: "so_tin_bai",
    label: "Số tin, bài đã đăng tải",
    unit: "tin, bài",
    section: "Thông tin, tuyên truyền",
    re: /tin,?\s*bài|bài viết|tin tức|đăng tin|đăng tải|phóng sự|chuyên đề/iu,
  },
  {
    key: "so_chuyen_muc",
    label: "Số chuyên trang, chuyên mục đã xây dựng",
    unit: "chuyên mục",
    section: "Thông tin, tuyên truyền",
    re: /chuyên trang|chuyên mục/iu,
  },
  {
    key: "so_bai_mang_xa_hoi",
    label: "Số bài đăng trên mạng xã hội",
    unit: "bài",
    section: "Thông tin, tuyên truyền",
    re: /mạng xã hội|facebook|zalo|fanpage|youtube/iu,
  },
  {
    key: "so_luot_phat_thanh",
    label: "Số lượt phát thanh, truyền hình",
    unit: "lượt",
    section: "Thông tin, tuyên truyền",
    re: /phát sóng|truyền thanh|phát thanh|truyền hình|thời lượng/iu,
  },
  {
    key: "so_lan_cung_cap_thong_tin",
    label: "Số lần cung cấp thông tin cho báo chí",
    unit: "lần",
    section: "Thông tin, tuyên truyền",
    re: /cung cấp thông tin|trả lời (?:báo chí|phỏng vấn)|phát ngôn/iu,
  },
  {
    key: "so_tai_lieu",
    label: "Số tài liệu, ấn phẩm, pa nô, băng rôn đã phát hành",
    unit: "sản phẩm",
    section: "Thông tin, tuyên truyền",
    re: /tài liệu|ấn phẩm|tờ rơi|tờ rời|pa nô|pano|băng rôn|tranh cổ động|trực quan/iu,
  },
  {
    key: "so_tin_sai_su_that",
    label: "Số thông tin sai sự thật được phát hiện, phản bác",
    unit: "tin",
    section: "Thông tin, tuyên truyền",
    re: /sai sự thật|phản bác|xuyên tạc|sai lệch|chưa được kiểm chứng/iu,
  },
  {
    key: "so_guong_dien_hinh",
    label: "Số gương điển hình, mô hình hay được giới thiệu",
    unit: "gương",
    section: "Thông tin, tuyên truyền",
    re: /gương|điển hình|mô hình hay|người tốt,? việc tốt/iu,
  },
  {
    key: "so_lop_tap_huan",
    label: "Số lớp tập huấn, bồi dưỡng đã tổ chức",
    unit: "lớp",
    section: "Tập huấn, bồi dưỡng",
    re: /tập huấn|bồi dưỡng/iu,
  },
  {
    key: "so_nguoi_tap_huan",
    label: "Số người tham gia tập huấn, bồi dưỡng",
    unit: "người",
    section: "Tập huấn, bồi dưỡng",
    re: /tập huấn|bồi dưỡng/iu,
  },
  {
    key: "so_hoi_nghi",
    label: "Số hội nghị, hội thảo, tọa đàm đã tổ chức",
    unit: "cuộc",
    section: "Hoạt động",
    re: /hội nghị|hội thảo|tọa đàm|toạ đàm|họp báo|giao ban/iu,
  },
  {
    key: "so_hoat_dong",
    label: "Số hoạt động, sự kiện đã tổ chức",
    unit: "hoạt động",
    section: "Hoạt động",
    re: /tổ chức (?:các )?(?:hoạt động|sự kiện)|hoạt động (?:tuyên truyền|ngoại khóa|ngoại khoá|trải nghiệm|văn hóa|văn hoá)|sự kiện/iu,
  },
  {
    key: "so_luot_tham_gia",
    label: "Số lượt người tham gia các hoạt động",
    unit: "lượt",
    section: "Hoạt động",
    re: /người tham gia|lượt người|tham gia (?:các )?hoạt động|cuộc thi|hội thi/iu,
  },
  {
    key: "so_van_ban",
    label: "Số văn bản chỉ đạo, hướng dẫn, kế hoạch đã ban hành",
    unit: "văn bản",
    section: "Chỉ đạo, điều hành",
    re: /văn bản (?:chỉ đạo|hướng dẫn)|xây dựng kế hoạch|ban hành kế hoạch|hướng dẫn thực hiện/iu,
  },
  {
    key: "so_cuoc_kiem_tra",
    label: "Số cuộc kiểm tra, thanh tra, giám sát",
    unit: "cuộc",
    section: "Kiểm tra, giám sát",
    re: /kiểm tra|thanh tra|giám sát/iu,
  },
];

const FALLBACK: Rule = {
  key: "so_hoat_dong",
  label: "Số hoạt động đã tổ chức",
  unit: "hoạt động",
  section: "Hoạt động",
  re: /$^/,
};

/**
 * Proposes up to `max` integer indicators, summed across units, from the wording of `tasks`
 * (tin bài, lớp tập huấn, người tham gia, hoạt động…), most supported first. Every proposal
 * is marked `proposed: true`. With no matching wording, one generic "Số hoạt động" is proposed.
 */
export function proposeIndicators(tasks: { code: string; text: string }[], max = 10): IndicatorProposal[] {
  const scored = RULES.map((rule, order) => ({
    rule,
    order,
    evidence: tasks.filter((t) => rule.re.test(t.text)).map((t) => t.code),
  })).filter((s) => s.evidence.length > 0);
  scored.sort((a, b) => b.evidence.length - a.evidence.length || a.order - b.order);
  const chosen = scored.slice(0, max);
  if (!chosen.length) chosen.push({ rule: FALLBACK, order: 0, evidence: [] });
  // Keep the plan's reading order of sections: group by section in the order rules are listed.
  chosen.sort((a, b) => a.order - b.order);
  return chosen.map(({ rule, evidence }) => ({
    indicator: {
      key: rule.key,
      label: rule.label,
      unit: rule.unit,
      type: "integer",
      min: 0,
      required: false,
      aggregate: "sum",
      section: rule.section,
      proposed: true,
    },
    evidence,
  }));
}
