/** Writes a sheet completely before it replaces the old one: a fault halfway leaves the old sheet as it was. */
import { logError } from "./redact.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Suffix of a sheet still being written; it gets its real name only once complete. */
export const WRITING_SUFFIX = " (đang ghi, chưa xong)";
/** Suffix of the old sheet while the new one takes its name. */
export const OLD_SUFFIX = " (bản cũ)";

/** What {@link replaceSheet} did. */
export interface Replaced {
  sheet: Sheet;
  /** A Vietnamese line when the old sheet could not be deleted (it stays, named "… (bản cũ)"). */
  warning?: string;
}

/** Cleans up after a run that stopped halfway: drops an unfinished sheet, puts back an old one. */
function recover(ss: Spreadsheet, name: string): void {
  const unfinished = ss.getSheetByName(name + WRITING_SUFFIX);
  if (unfinished) ss.deleteSheet(unfinished);
  const old = ss.getSheetByName(name + OLD_SUFFIX);
  if (old) {
    if (ss.getSheetByName(name)) ss.deleteSheet(old);
    else old.setName(name);
  }
}

/**
 * Writes a sheet called `name` through `write` into a new sheet named "<name> (đang ghi, chưa
 * xong)" at the old one's place, then swaps names and deletes the old sheet. If `write` (or any
 * step) throws, the unfinished sheet is deleted and the old one keeps its name and content; if
 * even that fails, what is left is named so nobody mistakes it for the real sheet.
 */
export function replaceSheet(ss: Spreadsheet, name: string, write: (sheet: Sheet) => void): Replaced {
  recover(ss, name);
  const old = ss.getSheetByName(name);
  const temp = old ? ss.insertSheet(name + WRITING_SUFFIX, old.getIndex() - 1) : ss.insertSheet(name + WRITING_SUFFIX);
  const dropTemp = () => {
    try {
      ss.deleteSheet(temp);
    } catch (e) {
      logError(`replaceSheet(${name})`, e);
    }
  };
  try {
    write(temp);
  } catch (e) {
    dropTemp();
    throw e;
  }
  if (old) {
    try {
      old.setName(name + OLD_SUFFIX);
    } catch (e) {
      dropTemp();
      throw e;
    }
  }
  try {
    temp.setName(name);
  } catch (e) {
    if (old) {
      try {
        old.setName(name);
      } catch (e2) {
        logError(`replaceSheet(${name})`, e2);
      }
    }
    dropTemp();
    throw e;
  }
  if (!old) return { sheet: temp };
  try {
    ss.deleteSheet(old);
    return { sheet: temp };
  } catch (e) {
    logError(`replaceSheet(${name})`, e);
    return { sheet: temp, warning: `Chưa xóa được trang "${name + OLD_SUFFIX}" (bản cũ); có thể xóa tay.` };
  }
}
