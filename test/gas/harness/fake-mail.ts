/** Fake of MailApp: records every mail and keeps the day's quota in recipients, as Apps Script counts it. */
import { Fake } from "./call-log.js";
import type { World } from "./world.js";

/** A mail the script sent. */
export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  at: Date;
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;
const split = (v: unknown): string[] =>
  v === undefined || v === null || v === ""
    ? []
    : String(v)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);

/**
 * The MailApp global. Quotas follow "Quotas for Google Services": the daily quota counts
 * recipients (to, cc and bcc), 100 a day for consumer accounts (1,500 for Workspace), at most
 * 50 recipients a message, subjects up to 250 characters and bodies up to 200 KB. Sending over
 * the quota throws the documented "Service invoked too many times for one day: email."
 */
export class FakeMailApp extends Fake {
  readonly service = "MailApp";
  readonly kind = "MailApp";
  /** Recipients left today. */
  _quota = 100;
  readonly _sent: SentMail[] = [];
  constructor(readonly _world: World) {
    super();
  }
  private auth(method: string): void {
    if (this._world.authMode === "LIMITED")
      throw new Error(
        `Exception: You do not have permission to call MailApp.${method}. Required permissions: https://www.googleapis.com/auth/script.send_mail`,
      );
  }
  getRemainingDailyQuota(): number {
    this.auth("getRemainingDailyQuota");
    return this._quota;
  }
  /** sendEmail(message) | (recipient, subject, body[, options]) | (to, replyTo, subject, body). */
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    this.auth("sendEmail");
    let m: Record<string, unknown>;
    if (a && typeof a === "object") m = a as Record<string, unknown>;
    else if (typeof d === "string") m = { to: a, replyTo: b, subject: c, body: d };
    else m = { ...((d as Record<string, unknown> | undefined) ?? {}), to: a, subject: b, body: c };
    const to = split(m.to);
    const cc = split(m.cc);
    const bcc = split(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw new Error("Exception: Failed to send email: no recipient");
    for (const e of all) if (!EMAIL.test(e)) throw new Error(`Exception: Invalid email: ${e}`);
    if (all.length > 50) throw new Error("Exception: Limit Exceeded: Email Recipients Per Message.");
    const subject = String(m.subject ?? "");
    const body = String(m.body ?? "");
    if (subject.length > 250) throw new Error("Exception: Limit Exceeded: Email Subject length.");
    if (Buffer.byteLength(body + String(m.htmlBody ?? ""), "utf8") > 200 * 1024)
      throw new Error("Exception: Limit Exceeded: Email Body Size.");
    if (all.length > this._quota) throw new Error("Exception: Service invoked too many times for one day: email.");
    this._quota -= all.length;
    this._sent.push({
      from: this._world.effectiveUser,
      to,
      cc,
      bcc,
      subject,
      body,
      htmlBody: m.htmlBody === undefined ? undefined : String(m.htmlBody),
      name: m.name === undefined ? undefined : String(m.name),
      replyTo: m.replyTo === undefined ? undefined : String(m.replyTo),
      noReply: m.noReply === undefined ? undefined : !!m.noReply,
      at: this._world.clock(),
    });
  }
}
