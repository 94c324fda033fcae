/** Protections: each unit edits only its own row; headers, Cấu hình and logs are the Văn phòng's. */

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every description this add-on writes starts with this, so it only ever touches its own. */
export const PROTECTION_PREFIX = "Tổng hợp báo cáo · ";

/** Description of a unit row's protection. */
export const unitRowDescription = (unitCode: string): string => `${PROTECTION_PREFIX}Đơn vị ${unitCode}`;

/**
 * Restricts a protection to the effective user (the Văn phòng running set-up) plus `editors`,
 * in the documented order: add the effective user first (so removing a group they edit
 * through cannot lock them out), remove the other editors, turn off domain edit where the
 * domain allows it, then add the unit's editors.
 */
export function restrictTo(p: Protection, editors: readonly string[]): void {
  const me = Session.getEffectiveUser();
  p.addEditor(me);
  p.removeEditors(p.getEditors());
  if (p.canDomainEdit()) p.setDomainEdit(false);
  if (editors.length) p.addEditors([...editors]);
}

/** True when a protection already allows exactly the effective user plus `editors`, with no domain edit. */
export function isRestrictedTo(p: Protection, editors: readonly string[]): boolean {
  const want = new Set([Session.getEffectiveUser().getEmail(), ...editors].map((e) => e.toLowerCase()));
  const have = new Set(p.getEditors().map((u) => u.getEmail().toLowerCase()));
  if (have.size !== want.size || [...want].some((e) => !have.has(e))) return false;
  return !p.canDomainEdit();
}

/** Current protections of ours on a sheet's ranges, by description. */
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

/** Protects a range for the Văn phòng only (plus `editors`), reusing a protection of ours. */
export function protectRange(range: Range, description: string, existing: Map<string, Protection>, editors: readonly string[] = []): Protection {
  const full = description.startsWith(PROTECTION_PREFIX) ? description : PROTECTION_PREFIX + description;
  let p = existing.get(full);
  existing.delete(full);
  if (p && p.getRange().getA1Notation() !== range.getA1Notation()) {
    p.remove();
    p = undefined;
  }
  if (!p) p = range.protect().setDescription(full);
  else if (isRestrictedTo(p, editors)) return p;
  restrictTo(p, editors);
  return p;
}

/** Protects a whole sheet for the Văn phòng only. */
export function protectSheet(sheet: Sheet, description: string): Protection {
  const current = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET) as Protection[];
  const p = current[0] ?? sheet.protect();
  p.setDescription(PROTECTION_PREFIX + description);
  restrictTo(p, []);
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
