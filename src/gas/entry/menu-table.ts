/** The one table of Apps Script entry points: menu items, triggers and google.script.run targets. */

/** How Apps Script reaches an entry point. */
export type EntryKind = "simple-trigger" | "installable-trigger" | "menu" | "client";

/** One entry point; the build emits a top-level `function name(e) { … }` for each. */
export interface EntryPoint {
  /** Global function name (ASCII, no trailing underscore: Apps Script hides those). */
  name: string;
  kind: EntryKind;
  /** Menu caption (Vietnamese), for kind "menu". */
  caption?: string;
}

/** Title of the custom menu. */
export const MENU_TITLE = "Báo cáo";

/**
 * Every entry point, in menu order for the menu items. Handlers are bound to these names
 * in `handlers.ts`; the type there fails to compile when an entry has no handler.
 */
export const ENTRY_POINTS = [
  { name: "onOpen", kind: "simple-trigger" },
  { name: "onEdit", kind: "simple-trigger" },
  { name: "onInstall", kind: "simple-trigger" },
  { name: "khiSuaBangTinh", kind: "installable-trigger" },
  { name: "nhacHanHangNgay", kind: "installable-trigger" },
  { name: "tongHopBaoCao", kind: "menu", caption: "Tổng hợp báo cáo" },
  { name: "kiemTraDuLieu", kind: "menu", caption: "Kiểm tra dữ liệu" },
  { name: "nhacHan", kind: "menu", caption: "Nhắc hạn nộp báo cáo" },
  { name: "batTatNhacHanTuDong", kind: "menu", caption: "Bật/tắt nhắc hạn tự động" },
  { name: "moKyBaoCaoMoi", kind: "menu", caption: "Mở kỳ báo cáo mới" },
  { name: "thietLapBangTinh", kind: "menu", caption: "Thiết lập bảng tính" },
  { name: "huongDan", kind: "menu", caption: "Hướng dẫn" },
] as const satisfies readonly EntryPoint[];

/** Name of one entry point. */
export type EntryName = (typeof ENTRY_POINTS)[number]["name"];

/** The menu items, in order. */
export function menuItems(): { caption: string; name: EntryName }[] {
  const out: { caption: string; name: EntryName }[] = [];
  for (const e of ENTRY_POINTS as readonly EntryPoint[]) {
    if (e.kind === "menu" && e.caption) out.push({ caption: e.caption, name: e.name as EntryName });
  }
  return out;
}

/** Global name of the bundle's IIFE namespace (the build and the stubs use it). */
export const GLOBAL_NAME = "TongHop";

/** Source of the top-level stub for one entry point. */
export function entryStub(name: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name.endsWith("_")) throw new Error(`invalid entry point name: ${name}`);
  return `function ${name}(e) {\n  return ${GLOBAL_NAME}.handlers.${name}.apply(this, arguments);\n}`;
}
