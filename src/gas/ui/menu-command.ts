/** One wrapper for every menu handler and trigger: the document lock, the busy message and the failure alert. */
import { withDocumentLock } from "../platform/doc-lock.js";
import { logError, logWarning } from "../platform/redact.js";
import { APP_TITLE, BUSY_MESSAGE, userMessage } from "../platform/ui-messages.js";

type Ui = GoogleAppsScript.Base.Ui;

/** How a command runs. */
export interface CommandOptions {
  /** Name for the executions log (the entry point's name). */
  name: string;
  /**
   * Milliseconds to wait for the document lock; omitted, the work runs without it (a command that
   * asks the person something first and locks only around its writes, or the edit trigger, which
   * writes only its own row's cells and must never wait for a compile).
   */
  lock?: number;
  /** Shown (or logged, without a user interface) when the lock stays held; default {@link BUSY_MESSAGE}. */
  busy?: string;
  /**
   * The alert's text when the work throws; default the error's own message. Without it, or
   * with `ui: false`, the failure only goes to the executions log.
   */
  failure?: (err: unknown) => string;
  /** False for triggers without a screen (time-driven, edit): nothing may call getUi(). Default true. */
  ui?: boolean;
}

/**
 * Runs `work` as a menu command, like the CLI's `runCommand`: takes the document lock when asked
 * (a second click gets the busy message, not a second run), and turns a failure, also a rejected
 * promise (the compile awaits exceljs), into one Vietnamese alert. Without a user interface the
 * busy message and failures go to the executions log, redacted.
 */
export function menuCommand<T>(opts: CommandOptions, work: (ui: Ui | null) => T): T | undefined {
  const ui = opts.ui === false ? null : SpreadsheetApp.getUi();
  const fail = (err: unknown): undefined => {
    if (!ui) logError(opts.name, err);
    else ui.alert(APP_TITLE, opts.failure ? opts.failure(err) : userMessage(err), ui.ButtonSet.OK);
    return undefined;
  };
  const guarded = (): T | undefined => {
    try {
      const out = work(ui);
      const then = (out as { then?: unknown } | null | undefined)?.then;
      if (typeof then === "function") return (out as unknown as Promise<unknown>).then(undefined, fail) as T;
      return out;
    } catch (err) {
      return fail(err);
    }
  };
  if (opts.lock === undefined) return guarded();
  return withDocumentLock<T | undefined>(
    opts.lock,
    () => {
      const text = opts.busy ?? BUSY_MESSAGE;
      if (ui) ui.alert(APP_TITLE, text, ui.ButtonSet.OK);
      else logWarning(opts.name, text);
      return undefined;
    },
    guarded,
  );
}
