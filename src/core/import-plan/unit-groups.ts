/** Proposes the unit groups (and one unit each) of a draft template from who the plan gives work to. */
import type { TemplateInput } from "../model/template-schema.js";
import type { Distribution } from "./closing-block.js";
import { review, type ReviewItem } from "./review.js";
import { slugify, uniqueId } from "./slug.js";
import type { TaskExtraction } from "./tasks.js";
import { upperFirst } from "./title-text.js";
import { isCoveredBy, isGenericUnit, isUnitName, sameUnit, splitUnits } from "./units.js";

type Group = NonNullable<TemplateInput["unitGroups"]>[number];
type Unit = TemplateInput["units"][number];

/** Groups, units, and the review entries that say where they came from. */
export interface UnitGroups {
  unitGroups: Group[];
  units: Unit[];
  /** Group code of a unit name, when it has one. */
  groupOf: (name: string) => string | undefined;
  review: ReviewItem[];
}

/** What the groups are drawn from. */
export interface GroupSources {
  extraction: TaskExtraction;
  reporters: string[];
  /** The body that compiles the reports: never a reporting unit. */
  compilerName: string;
  distribution: Distribution | null;
  recipient: string;
}

/** Group names in order: assignees, then reporters and units told to carry out the plan; else Nơi nhận. */
function groupNamesOf(src: GroupSources): { names: string[]; from: string } {
  const names: string[] = [];
  const add = (name: string) => {
    const n = upperFirst(name.trim());
    if (n && !names.some((g) => sameUnit(g, n))) names.push(n);
  };
  const notCompiler = (u: string) => !(src.compilerName && sameUnit(u, src.compilerName));
  src.extraction.tasks
    .filter((t) => t.ownerFrom === "assignment")
    .forEach((t) => t.assignees.filter(notCompiler).forEach(add));
  const addIfNew = (u: string) => {
    if (!isCoveredBy(u, names)) add(u);
  };
  src.reporters.filter(notCompiler).forEach(addIfNew);
  src.extraction.provisions
    .filter((p) => p.general)
    .flatMap((p) => p.units)
    .filter(notCompiler)
    .forEach(addIfNew);
  if (names.length) return { names, from: "mục Tổ chức thực hiện và chế độ báo cáo" };
  let from = "";
  if (src.distribution) {
    src.distribution.items
      .filter((i) => isUnitName(i) && !/^Lưu|Ban Giám đốc|Như trên/u.test(i) && !sameUnit(i, src.recipient))
      .forEach((i) => splitUnits(i).forEach(add));
    from = "Nơi nhận của kế hoạch";
  }
  if (!names.length) {
    add("Các đơn vị thực hiện");
    from = "";
  }
  return { names, from };
}

/**
 * Reporting units: those given tasks in "Tổ chức thực hiện", those told to carry out the plan,
 * and those the regime says report; never the compiling body itself. A group named only by its
 * kind ("các trường THPT") gets one sample unit for the Văn phòng to replace.
 */
export function buildUnitGroups(src: GroupSources): UnitGroups {
  const items: ReviewItem[] = [];
  const { names, from } = groupNamesOf(src);
  const groupIds = new Set<string>();
  const unitGroups = names.map((name) => ({ code: uniqueId(slugify(name, "_", 32), groupIds), name }));
  const units = unitGroups.map((g) =>
    isGenericUnit(g.name)
      ? { code: `${g.code}_mau`, name: `Đơn vị mẫu (${g.name})`, group: g.code, editors: [] as string[] }
      : { code: g.code, name: g.name, group: g.code, editors: [] as string[] },
  );
  if (from) items.push(review.found(`Nhóm đơn vị lấy từ ${from}: ${names.join("; ")}.`));
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
  return { unitGroups, units, groupOf, review: items };
}
