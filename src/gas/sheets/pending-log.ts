/** Log lines that could not be written yet, kept in document properties until a later run writes them. */
import type { LogEntry } from "./log-sheet-types.js";

/** Prefix of the document properties holding pending log lines, one property per failed write. */
export const PENDING_LOG_PREFIX = "tong-hop:pending-log:";
/** A property value holds at most 9 KB (https://developers.google.com/apps-script/guides/services/quotas). */
const MAX_VALUE_CHARS = 8000;

type Stored = Omit<LogEntry, "at"> & { at: string };

/** Keeps `entries` for a later run (their own time kept). Never throws: a line it cannot keep is logged. */
export function queueLogEntries(props: GoogleAppsScript.Properties.Properties, entries: readonly LogEntry[]): boolean {
  const stored: Stored[] = entries.map((e) => ({ ...e, at: (e.at ?? new Date()).toISOString() }));
  let text = JSON.stringify(stored);
  // Free text (notes, counts) goes first when a value would be too large; the line itself stays.
  if (text.length > MAX_VALUE_CHARS) text = JSON.stringify(stored.map((e) => ({ ...e, note: "", counts: "" })));
  if (text.length > MAX_VALUE_CHARS) return false;
  props.setProperty(`${PENDING_LOG_PREFIX}${Date.now()}-${Utilities.getUuid()}`, text);
  return true;
}

/** The pending lines, oldest first, with the property keys that hold them. */
export function pendingLogEntries(props: GoogleAppsScript.Properties.Properties): {
  keys: string[];
  entries: LogEntry[];
} {
  const all = props.getProperties();
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(PENDING_LOG_PREFIX))
    .sort((a, b) => {
      const ta = Number(a.slice(PENDING_LOG_PREFIX.length).split("-")[0]);
      const tb = Number(b.slice(PENDING_LOG_PREFIX.length).split("-")[0]);
      return ta - tb || (a < b ? -1 : 1);
    });
  const entries: LogEntry[] = [];
  for (const k of keys) {
    try {
      for (const e of JSON.parse(all[k]) as Stored[]) entries.push({ ...e, at: new Date(e.at) });
    } catch {
      // A damaged value cannot be read back; it is dropped with its key below rather than block the queue.
    }
  }
  return { keys, entries };
}
