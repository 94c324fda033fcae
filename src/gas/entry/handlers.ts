/** Binds every entry point of the menu table to its implementation. */
import { moKyBaoCaoMoi } from "../commands/archive-period.js";
import { kiemTraDuLieu, tongHopBaoCao } from "../commands/compile-report.js";
import type { EntryName } from "./menu-table.js";
import { huongDan, onInstall, onOpen } from "./menu.js";
import { khiSuaBangTinh, onEdit } from "../commands/on-edit.js";
import { batTatNhacHanTuDong, nhacHan, nhacHanHangNgay } from "../commands/reminders.js";
import { thietLapBangTinh } from "../commands/setup.js";

/** A handler: Apps Script passes the event object (or the google.script.run arguments). */
export type Handler = (...args: never[]) => unknown;

/** One handler per entry point; a missing or extra name fails to compile. */
export const HANDLERS: { readonly [K in EntryName]: Handler } = {
  onOpen,
  onEdit,
  onInstall,
  khiSuaBangTinh,
  nhacHanHangNgay,
  tongHopBaoCao,
  kiemTraDuLieu,
  nhacHan,
  batTatNhacHanTuDong,
  moKyBaoCaoMoi,
  thietLapBangTinh,
  huongDan,
};
