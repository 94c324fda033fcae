/** Who is running the script, who owns the spreadsheet, and the clock: shared by all fakes. */

/** How the current execution was started. */
export type AuthMode = "FULL" | "LIMITED";

/** The state every fake service reads. */
export class World {
  /** The spreadsheet owner (the Văn phòng). */
  owner: string;
  /** Domain of the owner's Workspace, or null for consumer accounts. */
  domain: string | null;
  /** People the spreadsheet is shared with as editors (besides the owner). */
  sharedEditors = new Set<string>();
  /** The person at the keyboard. */
  activeUser: string;
  /** Whose authority the script runs with (the trigger's creator for installable triggers). */
  effectiveUser: string;
  authMode: AuthMode = "FULL";
  /** Emails Session reveals to scripts: same-domain users only, as in Apps Script. */
  revealEmails: "all" | "same-domain" = "same-domain";
  /** When true the script's clock runs on from `now` in real time (for timings); else it stands still. */
  flowing = false;
  /** False in executions without a user interface (time-driven triggers): SpreadsheetApp.getUi() throws. */
  uiAvailable = true;
  /** Cells read and written through Range calls (getValues, setValues, formats, notes…). */
  readonly cells = { read: 0, written: 0 };
  private fixed: Date | null = null;
  private setAt = 0;

  /** The script's "now"; null uses the real clock. */
  get now(): Date | null {
    return this.fixed;
  }
  set now(d: Date | null) {
    this.fixed = d;
    this.setAt = performance.now();
  }

  constructor(owner: string, domain: string | null) {
    this.owner = owner;
    this.domain = domain;
    this.activeUser = owner;
    this.effectiveUser = owner;
  }

  /**
   * The email Session shows for `user`, or "" when Apps Script hides it: "the user's email address
   * is not available in any context that allows a script to run without that user's authorization,
   * like a simple onOpen(e) or onEdit(e) trigger … However, these restrictions generally do not
   * apply if the developer runs the script themselves or belongs to the same Google Workspace domain
   * as the user" (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
   * So a gmail or other-domain user is "" in every trigger kind; a person who authorised the run
   * (a menu, FULL) and the owner see their own.
   */
  visibleEmail(user: string): string {
    if (this.revealEmails === "all" || user === this.owner) return user;
    if (this.authMode === "FULL" && user === this.effectiveUser) return user;
    return this.domain && user.endsWith(`@${this.domain}`) && this.effectiveUser.endsWith(`@${this.domain}`)
      ? user
      : "";
  }

  /** True when `user` is in the owner's domain. */
  inDomain(user: string): boolean {
    return !!this.domain && user.toLowerCase().endsWith(`@${this.domain}`);
  }

  /** The spreadsheet's editors: owner first. */
  editors(): string[] {
    return [this.owner, ...[...this.sharedEditors].filter((e) => e !== this.owner)];
  }

  /** Lets virtual time pass (a lock wait): a fixed clock moves on by `ms`. */
  advance(ms: number): void {
    if (this.fixed && ms > 0) this.now = new Date(this.clock().getTime() + ms);
  }

  /** Current time for the script. */
  clock(): Date {
    if (!this.fixed) return new Date();
    return new Date(this.fixed.getTime() + (this.flowing ? Math.floor(performance.now() - this.setAt) : 0));
  }
}

/** A User object (Session.getActiveUser(), Protection.getEditors()). */
export class FakeUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}
