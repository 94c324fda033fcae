/** Names of the tabs the add-on writes for the Văn phòng, shared by the add-on and the CLI's live reader. */
import { CONFIG_SHEET } from "./config-grid.js";

/** The compiled summary tab. */
export const SUMMARY_SHEET = "Tổng hợp";
/** The append-only log tab. */
export const LOG_SHEET = "Nhật ký";
/** The log tab of earlier versions, moved into LOG_SHEET at set-up. */
export const LEGACY_LOG_SHEET = "Nhật ký gửi";

/** Tabs that never hold unit data (archives do: they compile again, so they are not listed). */
export const ADD_ON_SHEETS: readonly string[] = [CONFIG_SHEET, SUMMARY_SHEET, LOG_SHEET, LEGACY_LOG_SHEET];
