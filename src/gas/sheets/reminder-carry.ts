/** Reminders the mail quota (or the time) left unsent, carried in the document properties to the next run, oldest first. */
import { packLines, type Reminder, reminderKey, unpackLines } from "../../core/sheet-life/reminders.js";

/** Prefix of the document properties holding carried reminders: `<prefix><n>`. */
export const CARRY_PREFIX = "tong-hop:nhac-han-carry#";

/** A carried reminder: which period and unit, and the day it was first due. */
export interface Carried {
  periodId: string;
  unitCode: string;
  since: string;
}

/** The carried reminders, oldest first. */
export function loadCarried(props: GoogleAppsScript.Properties.Properties): Carried[] {
  const all = props.getProperties();
  const chunks = Object.keys(all)
    .filter((k) => k.startsWith(CARRY_PREFIX))
    .sort((a, b) => Number(a.slice(CARRY_PREFIX.length)) - Number(b.slice(CARRY_PREFIX.length)))
    .map((k) => all[k]);
  return unpackLines(chunks)
    .map((line) => {
      const [since, periodId, unitCode] = line.split("|");
      return { since, periodId, unitCode };
    })
    .filter((c) => c.since && c.periodId && c.unitCode)
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

/**
 * Replaces the carried list with the reminders left unsent this run (keeping the day each was
 * first due); sent ones and units that submitted meanwhile drop out.
 */
export function saveCarried(
  props: GoogleAppsScript.Properties.Properties,
  before: readonly Carried[],
  unsent: readonly Reminder[],
  day: string,
): void {
  const since = new Map(before.map((c) => [reminderKey(c.periodId, c.unitCode), c.since]));
  const lines = unsent.map(
    (r) => `${since.get(reminderKey(r.periodId, r.unitCode)) ?? day}|${r.periodId}|${r.unitCode}`,
  );
  for (const k of Object.keys(props.getProperties())) if (k.startsWith(CARRY_PREFIX)) props.deleteProperty(k);
  if (!lines.length) return;
  const values: Record<string, string> = {};
  packLines(lines).forEach((c, i) => (values[`${CARRY_PREFIX}${i}`] = c));
  props.setProperties(values);
}

/** Puts carried reminders first, oldest first, then the day's own in their order. */
export function carriedFirst(due: readonly Reminder[], carried: readonly Carried[]): Reminder[] {
  const rank = new Map(carried.map((c, i) => [reminderKey(c.periodId, c.unitCode), i]));
  const key = (r: Reminder) => rank.get(reminderKey(r.periodId, r.unitCode)) ?? Number.MAX_SAFE_INTEGER;
  return due
    .map((r, i) => ({ r, i }))
    .sort((a, b) => key(a.r) - key(b.r) || a.i - b.i)
    .map((x) => x.r);
}
