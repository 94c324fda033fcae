/**
 * Installable triggers with an owner: each purpose's trigger id and creator e-mail are recorded
 * in the document properties, because ScriptApp.getProjectTriggers() returns only the calling
 * user's triggers (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers())
 * and nobody may delete another user's trigger.
 */
import { logError } from "../platform/redact.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/** What a recorded trigger is for. */
export type TriggerPurpose = "edit" | "daily-reminder";

/** One recorded trigger. */
export interface TriggerRecord {
  purpose: TriggerPurpose;
  handler: string;
  id: string;
  /** E-mail of the account that created it (the trigger runs as that account). */
  creator: string;
  /** ISO time it was created. */
  createdAt: string;
}

/** Document property holding a purpose's record. */
export const triggerKey = (purpose: TriggerPurpose): string => `tong-hop:trigger:${purpose}`;

/** The record of `purpose`, or null. */
export function readTrigger(purpose: TriggerPurpose): TriggerRecord | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(triggerKey(purpose));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as TriggerRecord;
  } catch {
    return null;
  }
}

function writeTrigger(r: TriggerRecord | null, purpose: TriggerPurpose): void {
  const props = PropertiesService.getDocumentProperties();
  if (r) props.setProperty(triggerKey(purpose), JSON.stringify(r));
  else props.deleteProperty(triggerKey(purpose));
}

/** The e-mail of the account the script runs as. */
const me = (): string => Session.getEffectiveUser().getEmail();

/** Is `email` still the owner or an editor of the spreadsheet? */
export function stillHasAccess(ss: Spreadsheet, email: string): boolean {
  const e = email.toLowerCase();
  const owner = ss.getOwner()?.getEmail().toLowerCase();
  return owner === e || ss.getEditors().some((u) => u.getEmail().toLowerCase() === e);
}

/** What {@link ensureTrigger} found or did. */
export type EnsureOutcome =
  | { kind: "exists"; record: TriggerRecord }
  | { kind: "created"; record: TriggerRecord }
  /** The recorded trigger belonged to someone who lost access: re-created under the current user. */
  | { kind: "repaired"; record: TriggerRecord; stale: TriggerRecord }
  /** Someone else's trigger, still valid: nothing created. */
  | { kind: "other"; record: TriggerRecord };

/**
 * Makes sure exactly one trigger serves `purpose`: keeps the recorded one, adopts the current
 * user's own unrecorded one (installed before records existed), deletes the current user's
 * duplicates, and creates one (recording it) only when none is recorded, or when the recorded
 * creator no longer has access to the spreadsheet (their trigger can only fail).
 */
export function ensureTrigger(
  ss: Spreadsheet,
  purpose: TriggerPurpose,
  handler: string,
  create: () => Trigger,
): EnsureOutcome {
  const user = me();
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
  const rec = readTrigger(purpose);
  const keep = (id: string | null) => {
    for (const t of mine) if (t.getUniqueId() !== id) ScriptApp.deleteTrigger(t);
  };
  const make = (): TriggerRecord => {
    const t = create();
    const r = { purpose, handler, id: t.getUniqueId(), creator: user, createdAt: new Date().toISOString() };
    writeTrigger(r, purpose);
    return r;
  };
  if (rec && rec.creator.toLowerCase() !== user.toLowerCase()) {
    if (stillHasAccess(ss, rec.creator)) {
      keep(null);
      return { kind: "other", record: rec };
    }
    keep(null);
    return { kind: "repaired", record: make(), stale: rec };
  }
  const own = mine.find((t) => t.getUniqueId() === rec?.id) ?? mine[0];
  if (own) {
    keep(own.getUniqueId());
    const r =
      rec?.id === own.getUniqueId()
        ? rec
        : {
            ...(rec ?? { purpose, handler, createdAt: new Date().toISOString() }),
            id: own.getUniqueId(),
            creator: user,
          };
    if (r !== rec) writeTrigger(r, purpose);
    return { kind: "exists", record: r };
  }
  return { kind: "created", record: make() };
}

/** Deletes the current user's triggers of `handler` and the record when it is theirs. */
export function removeOwnTrigger(purpose: TriggerPurpose, handler: string): void {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getHandlerFunction() === handler) ScriptApp.deleteTrigger(t);
  const rec = readTrigger(purpose);
  if (rec && rec.creator.toLowerCase() === me().toLowerCase()) writeTrigger(null, purpose);
}

/**
 * True when an execution of an installable trigger (`triggerUid` from its event) is the recorded
 * one for `purpose`, or nothing is recorded: a duplicate left by an older version does nothing.
 */
export function isRecordedTrigger(purpose: TriggerPurpose, triggerUid: unknown): boolean {
  try {
    const rec = readTrigger(purpose);
    return !rec || triggerUid === undefined || String(triggerUid) === rec.id;
  } catch (err) {
    logError("isRecordedTrigger", err);
    return true;
  }
}
