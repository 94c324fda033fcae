/**
 * Protections: each unit edits only its own row; headers, Cấu hình and logs are the Văn phòng's,
 * that is the owner, whoever runs the command, and the e-mails listed in Cấu hình as the Văn
 * phòng's (template `office.editors`), who are editors of every protection, unit rows included.
 */
import { colName } from "../../core/read/map-grid.js";

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every description this add-on writes starts with this, so it only ever touches its own. */
export const PROTECTION_PREFIX = "Tổng hợp báo cáo · ";

/** Description of a unit row's protection. */
export const unitRowDescription = (unitCode: string): string => `${PROTECTION_PREFIX}Đơn vị ${unitCode}`;

/** A1 notation of a block, as `Range.getA1Notation()` gives it ("B3", "A3:Q3"). */
export function a1Of(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${colName(column - 1)}${row}`;
  return numRows === 1 && numColumns === 1 ? start : `${start}:${colName(column + numColumns - 2)}${row + numRows - 1}`;
}

/**
 * What one execution learns about protections once and then reuses for every protection it
 * writes, so that a unit row costs no read of editors: a new protection starts with the
 * spreadsheet's editors (Apps Script: "the permissions mirror those of the spreadsheet"), the
 * same list for every new protection of the run.
 */
export interface ProtectionRun {
  /** The effective user's e-mail (lower case): the Văn phòng running the command. */
  me: string;
  /**
   * The Văn phòng's e-mails from Cấu hình (lower case): editors of every protection of the run,
   * besides `me` and each protection's own editors, so that any of them can run the commands
   * that write protected sheets and correct any unit's row.
   */
  office: string[];
  /** Editors every new protection starts with, read once from the first one created. */
  mirror?: string[];
  /** Whether new protections start with domain edit on (a Workspace domain), read once likewise. */
  domainEdit?: boolean;
  /**
   * The spreadsheet owner's e-mail, asked only the first time a protection seems to have an editor
   * too many: Sheets never removes the owner, so when someone else runs the command the owner
   * must not count as one (else every check would "fix" it again). Null when there is none (a shared drive).
   */
  owner?: string | null;
}

/** Where a run takes the Văn phòng's e-mails from: a template (cached and archived ones may predate the list). */
export interface OfficeSource {
  office?: { editors?: readonly string[] };
}

/** The Văn phòng's e-mails of a template, lower case, without repeats (none when it predates the list). */
export function officeEditors(t: OfficeSource | undefined): string[] {
  return unique(t?.office?.editors ?? []);
}

/**
 * A fresh {@link ProtectionRun} for the current execution (asks Session once), giving the Văn
 * phòng of `t` (the template the command works from) edit rights on every protection it writes.
 */
export function protectionRun(t?: OfficeSource): ProtectionRun {
  return { me: Session.getEffectiveUser().getEmail().toLowerCase(), office: officeEditors(t) };
}

const emails = (users: readonly GoogleAppsScript.Base.User[]): string[] => users.map((u) => u.getEmail().toLowerCase());
const unique = (xs: readonly string[]): string[] => [
  ...new Set(xs.map((x) => x.toLowerCase()).filter((x) => x !== "")),
];

/** Everyone a protection of the run lets edit, besides the owner: the runner, the Văn phòng, then `editors`. */
const wantedEditors = (editors: readonly string[], run: ProtectionRun): string[] =>
  unique([run.me, ...run.office, ...editors]);

/**
 * Restricts a protection just created to the effective user, the Văn phòng and `editors`, in
 * the order the Apps Script reference gives: add the effective user (with the Văn phòng and the
 * unit's editors, in one call) so that removing a group they edit through cannot lock them
 * out, remove the other editors (the spreadsheet's, which the protection started with), then
 * turn domain edit off where the domain allows it. The first protection of a run reads its
 * editors and domain setting once; every later one makes three to five calls in all, however
 * many e-mails the Văn phòng lists: protect, setDescription, addEditors, removeEditors (when
 * someone else edits the spreadsheet), setDomainEdit (in a Workspace domain).
 */
export function restrictNew(p: Protection, editors: readonly string[], run: ProtectionRun): void {
  if (run.mirror === undefined) run.mirror = emails(p.getEditors());
  const keep = wantedEditors(editors, run);
  p.addEditors(keep);
  const wanted = new Set(keep);
  const others = run.mirror.filter((e) => !wanted.has(e));
  if (others.length) p.removeEditors(others);
  if (run.domainEdit === undefined) run.domainEdit = p.canDomainEdit();
  if (run.domainEdit) p.setDomainEdit(false);
}

/**
 * Brings an existing protection to the effective user, the Văn phòng and `editors`, with no
 * domain edit, in the same order as {@link restrictNew}; writes nothing when it is already so.
 * Anyone else but the owner is removed: an e-mail taken off the Văn phòng's list (or a unit's)
 * loses access at the next set-up. Returns true when it changed something.
 */
export function restrictExisting(p: Protection, editors: readonly string[], run: ProtectionRun): boolean {
  const have = emails(p.getEditors());
  const want = wantedEditors(editors, run);
  const wanted = new Set(want);
  const missing = want.filter((e) => !have.includes(e));
  let extra = have.filter((e) => !wanted.has(e));
  if (extra.length && run.owner === undefined)
    run.owner = SpreadsheetApp.getActive().getOwner()?.getEmail().toLowerCase() ?? null;
  extra = extra.filter((e) => e !== run.owner);
  if (missing.length) p.addEditors(missing);
  if (extra.length) p.removeEditors(extra);
  const domain = p.canDomainEdit();
  if (domain) p.setDomainEdit(false);
  return missing.length > 0 || extra.length > 0 || domain;
}

/** Current protections of ours on a sheet's ranges, by description (duplicates are removed). */
export function ownRangeProtections(sheet: Sheet): Map<string, Protection> {
  const out = new Map<string, Protection>();
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE) as Protection[]) {
    const d = p.getDescription();
    if (d.startsWith(PROTECTION_PREFIX)) {
      if (out.has(d)) p.remove();
      else out.set(d, p);
    }
  }
  return out;
}

/** A range protection set-up wants: where, what it is called, who besides the Văn phòng (runner, office, owner) may edit. */
export interface WantedProtection {
  /** A1 notation of the range (see {@link a1Of}). */
  a1: string;
  /** Full description (starting with {@link PROTECTION_PREFIX}). */
  description: string;
  editors: readonly string[];
}

/** The outcome for one wanted protection. */
export type ProtectionOutcome = "kept" | "fixed" | "created";

/**
 * Makes one wanted range protection true: an existing one of ours with the same description
 * over the same range is checked (and corrected); one over another range is replaced; a
 * missing one is created on `range()`, which is only asked for then.
 */
export function applyProtection(
  w: WantedProtection,
  existing: Map<string, Protection>,
  run: ProtectionRun,
  range: () => Range,
): ProtectionOutcome {
  const p = existing.get(w.description);
  existing.delete(w.description);
  if (p) {
    if (p.getRange().getA1Notation() === w.a1) return restrictExisting(p, w.editors, run) ? "fixed" : "kept";
    p.remove();
  }
  restrictNew(range().protect().setDescription(w.description), w.editors, run);
  return "created";
}

/** Protects a whole sheet for the Văn phòng only (the runner, the office, the owner), reusing its sheet protection when there is one. */
export function protectSheet(sheet: Sheet, description: string, run: ProtectionRun): Protection {
  const current = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET) as Protection[];
  if (!current[0]) return protectNewSheet(sheet, description, run);
  const p = current[0].setDescription(PROTECTION_PREFIX + description);
  restrictExisting(p, [], run);
  return p;
}

/** Protects a sheet this execution has just inserted (it has no protection yet: nothing to look up), for the Văn phòng only. */
export function protectNewSheet(sheet: Sheet, description: string, run: ProtectionRun): Protection {
  const p = sheet.protect().setDescription(PROTECTION_PREFIX + description);
  restrictNew(p, [], run);
  return p;
}

/** Removes protections of ours that set-up no longer wants. */
export function removeStale(existing: Map<string, Protection>): number {
  let n = 0;
  for (const p of existing.values()) {
    p.remove();
    n++;
  }
  existing.clear();
  return n;
}
