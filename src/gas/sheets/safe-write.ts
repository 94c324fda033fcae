/** Writes a sheet completely before it replaces the old one: a fault halfway leaves the old sheet as it was. */
import { logError } from "../platform/redact.js";

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

/**
 * Inserts the temporary sheet where the old one is (at the end when there is none). A sheet of that name
 * left by a run that stopped halfway makes insertSheet throw: it is deleted and the insert
 * retried, so the usual run pays no call to look for one.
 */
function insertTemp(ss: Spreadsheet, tempName: string, old: Sheet | null): Sheet {
  // At the old sheet's place (asked again on a retry: deleting the leftover may have moved it).
  const insert = () => (old ? ss.insertSheet(tempName, old.getIndex() - 1) : ss.insertSheet(tempName));
  try {
    return insert();
  } catch (e) {
    const unfinished = ss.getSheetByName(tempName);
    if (!unfinished) throw e;
    ss.deleteSheet(unfinished);
    return insert();
  }
}

/** Renames the old sheet out of the way; an old copy left by a stopped run (same name) is deleted first. */
function renameOld(ss: Spreadsheet, old: Sheet, name: string): void {
  try {
    old.setName(name + OLD_SUFFIX);
  } catch (e) {
    const left = ss.getSheetByName(name + OLD_SUFFIX);
    if (!left) throw e;
    ss.deleteSheet(left);
    old.setName(name + OLD_SUFFIX);
  }
}

/**
 * Writes a sheet called `name` through `write` into a new sheet named "<name> (đang ghi, chưa
 * xong)" at the old one's place, then swaps names and deletes the old sheet. If `write` (or any
 * step) throws, the unfinished sheet is deleted and the old one keeps its name and content; if
 * even that fails, what is left is named so nobody mistakes it for the real sheet, and the next
 * run cleans it up: an unfinished sheet or an old copy in the way is removed when met, and an
 * old copy that lost its name (a run stopped between the two renames) gets it back first.
 */
export function replaceSheet(ss: Spreadsheet, name: string, write: (sheet: Sheet) => void): Replaced {
  let old = ss.getSheetByName(name);
  if (!old) {
    // Only when the sheet is missing can a stopped run have left its old copy under the other name.
    old = ss.getSheetByName(name + OLD_SUFFIX);
    if (old) old.setName(name);
  }
  const temp = insertTemp(ss, name + WRITING_SUFFIX, old);
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
      renameOld(ss, old, name);
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
