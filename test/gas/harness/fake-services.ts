/** Fakes of LockService, PropertiesService, CacheService, Session, Utilities and ScriptApp. */
import { createHash, randomUUID } from "node:crypto";
import { Fake } from "./call-log.js";
import { FakeUser, type World } from "./world.js";

/**
 * The document lock: one holder at a time across "executions". JavaScript runs one thing at a
 * time here, so executions are simulated one inside another (see GasHarness.whenCalled): an
 * execution that would wait for a held lock is queued in `waiting` and started as soon as the
 * holder releases it, which is what waitLock/tryLock with a long enough timeout do in Apps Script.
 */
export class LockState {
  holder: FakeLock | "another execution" | null = null;
  /** Executions waiting for the lock; the first starts when it is released. */
  readonly waiting: (() => void)[] = [];
  /** Grants every lock: code without locking, for experiments that show a race. */
  disabled = false;
}

const LOCK_TIMEOUT = "Exception: Lock timeout: another process was holding the lock for too long.";

/** LockService.getDocumentLock(): a new Lock per call, sharing the document's state. */
export class FakeLock extends Fake {
  readonly service = "LockService";
  readonly kind = "Lock";
  constructor(
    readonly _state: LockState,
    readonly _world: World,
  ) {
    super();
  }
  /** Takes the lock, or waits `timeoutMs` (virtual time passes) and gives up while another execution holds it. */
  tryLock(timeoutMs = 0): boolean {
    if (this._state.disabled) return true;
    if (this._state.holder && this._state.holder !== this) {
      this._world.advance(Math.max(0, Number(timeoutMs) || 0));
      return false;
    }
    this._state.holder = this;
    return true;
  }
  waitLock(timeoutMs = 0): void {
    if (!this.tryLock(timeoutMs)) throw new Error(LOCK_TIMEOUT);
  }
  hasLock(): boolean {
    return this._state.disabled || this._state.holder === this;
  }
  releaseLock(): void {
    if (this._state.holder !== this) return;
    this._state.holder = null;
    while (this._state.waiting.length && !this._state.holder) this._state.waiting.shift()!();
  }
}

/** The LockService global. */
export class FakeLockService extends Fake {
  readonly service = "LockService";
  readonly kind = "LockService";
  readonly _document = new LockState();
  /**
   * The script lock is a lock of its own: holding the document lock does not hold it
   * (https://developers.google.com/apps-script/reference/lock/lock-service).
   */
  readonly _script = new LockState();
  constructor(readonly _world: World) {
    super();
  }
  getDocumentLock(): FakeLock {
    return new FakeLock(this._document, this._world);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this._script, this._world);
  }
  /** Another execution takes the script lock (a log write) and keeps it until {@link _releaseScript}. (Harness only.) */
  _holdScriptElsewhere(): void {
    this._script.holder = "another execution";
  }
  _releaseScript(): void {
    if (this._script.holder === "another execution") this._script.holder = null;
  }
  /** Another execution takes the document lock and keeps it until {@link _release}. (Harness only.) */
  _holdElsewhere(): void {
    this._document.holder = "another execution";
  }
  _release(): void {
    if (this._document.holder === "another execution") this._document.holder = null;
  }
}

/** A property store. */
export class FakeProperties extends Fake {
  readonly service = "PropertiesService";
  readonly kind = "Properties";
  readonly _data = new Map<string, string>();
  getProperty(k: string): string | null {
    return this._data.get(k) ?? null;
  }
  setProperty(k: string, v: string): this {
    if (String(v).length > 9 * 1024) throw new Error("Exception: Argument too large: value");
    this._data.set(k, String(v));
    return this;
  }
  deleteProperty(k: string): this {
    this._data.delete(k);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._data);
  }
  setProperties(o: Record<string, string>): this {
    for (const [k, v] of Object.entries(o)) this.setProperty(k, v);
    return this;
  }
}

/** The PropertiesService global. */
export class FakePropertiesService extends Fake {
  readonly service = "PropertiesService";
  readonly kind = "PropertiesService";
  readonly _document = new FakeProperties();
  readonly _script = new FakeProperties();
  readonly _user = new FakeProperties();
  getDocumentProperties(): FakeProperties {
    return this._document;
  }
  getScriptProperties(): FakeProperties {
    return this._script;
  }
  getUserProperties(): FakeProperties {
    return this._user;
  }
}

/**
 * A cache as documented (https://developers.google.com/apps-script/reference/cache/cache): a key
 * longer than 250 characters and a value over 100 KB, measured in UTF-8 bytes (102,400), are
 * refused with an exception; putAll checks every pair before storing any.
 */
export class FakeCache extends Fake {
  readonly service = "CacheService";
  readonly kind = "Cache";
  readonly _data = new Map<string, string>();
  /** Largest value stored so far, in UTF-8 bytes (harness only). */
  _largestBytes = 0;
  private check(k: string, v?: string): void {
    if (String(k).length > 250) throw new Error("Exception: Argument too large: key");
    if (v !== undefined && Buffer.byteLength(String(v), "utf8") > 100 * 1024)
      throw new Error("Exception: Argument too large: value");
  }
  private store(k: string, v: string): void {
    this._largestBytes = Math.max(this._largestBytes, Buffer.byteLength(String(v), "utf8"));
    this._data.set(k, String(v));
  }
  get(k: string): string | null {
    this.check(k);
    return this._data.get(k) ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    for (const k of keys) this.check(k);
    const out: Record<string, string> = {};
    for (const k of keys) if (this._data.has(k)) out[k] = this._data.get(k)!;
    return out;
  }
  put(k: string, v: string): void {
    this.check(k, v);
    this.store(k, v);
  }
  putAll(values: Record<string, string>): void {
    for (const [k, v] of Object.entries(values)) this.check(k, v);
    for (const [k, v] of Object.entries(values)) this.store(k, v);
  }
  remove(k: string): void {
    this._data.delete(k);
  }
  removeAll(keys: string[]): void {
    keys.forEach((k) => this._data.delete(k));
  }
}

/** The CacheService global. */
export class FakeCacheService extends Fake {
  readonly service = "CacheService";
  readonly kind = "CacheService";
  readonly _document = new FakeCache();
  readonly _script = new FakeCache();
  readonly _users = new Map<string, FakeCache>();
  constructor(readonly _world: World) {
    super();
  }
  getDocumentCache(): FakeCache {
    return this._document;
  }
  getScriptCache(): FakeCache {
    return this._script;
  }
  getUserCache(): FakeCache {
    const u = this._world.activeUser;
    if (!this._users.has(u)) this._users.set(u, new FakeCache());
    return this._users.get(u)!;
  }
}

/** The Session global. */
export class FakeSession extends Fake {
  readonly service = "Session";
  readonly kind = "Session";
  constructor(readonly _world: World) {
    super();
  }
  getActiveUser(): FakeUser {
    return new FakeUser(this._world.visibleEmail(this._world.activeUser));
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this._world.effectiveUser);
  }
  getScriptTimeZone(): string {
    return "Asia/Ho_Chi_Minh";
  }
  getActiveUserLocale(): string {
    return "vi";
  }
}

const assertSignedBytes = (data: unknown[]): number[] => {
  for (const b of data) {
    if (typeof b !== "number" || !Number.isInteger(b) || b < -128 || b > 127) {
      throw new Error(
        `Exception: The parameters (number[]) don't match the method signature for Utilities.newBlob. (byte value ${String(b)} is outside −128..127)`,
      );
    }
  }
  return data as number[];
};

/** A Blob: bytes are Java bytes, signed. */
export class FakeBlob extends Fake {
  readonly service = "Utilities";
  readonly kind = "Blob";
  constructor(
    readonly _bytes: Int8Array,
    public _contentType: string | null,
    public _name: string | null,
  ) {
    super();
  }
  getBytes(): number[] {
    return Array.from(this._bytes);
  }
  getName(): string | null {
    return this._name;
  }
  setName(n: string): this {
    this._name = n;
    return this;
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(t: string): this {
    this._contentType = t;
    return this;
  }
  getDataAsString(): string {
    return Buffer.from(this._bytes.buffer, this._bytes.byteOffset, this._bytes.byteLength).toString("utf8");
  }
}

const DIGESTS: Record<string, string> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

/** The Utilities global. newBlob and base64Encode refuse bytes outside −128..127 like the real ones. */
export class FakeUtilities extends Fake {
  readonly service = "Utilities";
  readonly kind = "Utilities";
  readonly DigestAlgorithm = {
    MD2: "MD2",
    MD5: "MD5",
    SHA_1: "SHA_1",
    SHA_256: "SHA_256",
    SHA_384: "SHA_384",
    SHA_512: "SHA_512",
  };
  readonly Charset = { US_ASCII: "US_ASCII", UTF_8: "UTF_8" };
  /**
   * computeDigest(algorithm, value[, charset]): node:crypto on the host, returned as Java's
   * signed bytes (−128..127). A string is encoded with `charset` (UTF-8 when omitted; US-ASCII
   * turns other characters into "?", as Java does); a byte array must hold signed bytes.
   */
  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const alg = DIGESTS[String(algorithm)];
    if (!alg) throw new Error(`Exception: Invalid argument: algorithm (${String(algorithm)})`);
    let bytes: Buffer;
    if (typeof value === "string") {
      if (charset !== undefined && charset !== "UTF_8" && charset !== "US_ASCII")
        throw new Error("Exception: Invalid argument: charset");
      bytes =
        charset === "US_ASCII" ? Buffer.from(value.replace(/[^\x00-\x7f]/g, "?"), "ascii") : Buffer.from(value, "utf8");
    } else if (Array.isArray(value)) {
      bytes = Buffer.from(Int8Array.from(assertSignedBytes(value)).buffer);
    } else throw new Error("Exception: The parameters don't match the method signature for Utilities.computeDigest.");
    const d = createHash(alg).update(bytes).digest();
    return Array.from(new Int8Array(d.buffer, d.byteOffset, d.byteLength));
  }
  newBlob(data: unknown, contentType?: string, name?: string): FakeBlob {
    if (typeof data === "string")
      return new FakeBlob(new Int8Array(Buffer.from(data, "utf8")), contentType ?? "text/plain", name ?? null);
    if (!Array.isArray(data))
      throw new Error("Exception: The parameters don't match the method signature for Utilities.newBlob.");
    return new FakeBlob(Int8Array.from(assertSignedBytes(data)), contentType ?? null, name ?? null);
  }
  base64Encode(data: unknown): string {
    if (typeof data === "string") return Buffer.from(data, "utf8").toString("base64");
    if (!Array.isArray(data))
      throw new Error("Exception: The parameters don't match the method signature for Utilities.base64Encode.");
    const bytes = Int8Array.from(assertSignedBytes(data));
    return Buffer.from(bytes.buffer).toString("base64");
  }
  base64Decode(s: string): number[] {
    return Array.from(new Int8Array(Buffer.from(s, "base64")));
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(): void {}
}

let triggerIds = 0;

/** An installable trigger. */
export class FakeTrigger extends Fake {
  readonly service = "ScriptApp";
  readonly kind = "Trigger";
  readonly _id = `trigger-${++triggerIds}`;
  constructor(
    readonly _handler: string,
    readonly _event: string,
    readonly _owner: string,
    /** For a time-driven trigger: how often and at what hour (script time zone). */
    readonly _clock?: { everyDays?: number; everyHours?: number; atHour?: number },
  ) {
    super();
  }
  getHandlerFunction(): string {
    return this._handler;
  }
  getEventType(): string {
    return this._event;
  }
  getTriggerSource(): string {
    return this._event === "CLOCK" ? "CLOCK" : "SPREADSHEETS";
  }
  getUniqueId(): string {
    return this._id;
  }
}

/** Apps Script allows 20 triggers per user per script. */
const TRIGGER_LIMIT = 20;

/** ScriptApp.newTrigger(name) … .create(). */
export class FakeTriggerBuilder extends Fake {
  readonly service = "ScriptApp";
  readonly kind = "TriggerBuilder";
  private event = "";
  constructor(
    readonly _app: FakeScriptApp,
    readonly _handler: string,
  ) {
    super();
  }
  forSpreadsheet(): this {
    return this;
  }
  onEdit(): this {
    this.event = "ON_EDIT";
    return this;
  }
  onOpen(): this {
    this.event = "ON_OPEN";
    return this;
  }
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this._app, this._handler);
  }
  create(): FakeTrigger {
    return this._app._add(new FakeTrigger(this._handler, this.event, this._app._world.effectiveUser));
  }
}

/** ScriptApp.newTrigger(name).timeBased() … .create(). */
export class FakeClockTriggerBuilder extends Fake {
  readonly service = "ScriptApp";
  readonly kind = "ClockTriggerBuilder";
  private clock: { everyDays?: number; everyHours?: number; atHour?: number } = {};
  constructor(
    readonly _app: FakeScriptApp,
    readonly _handler: string,
  ) {
    super();
  }
  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new Error("Exception: Invalid argument: n");
    this.clock.everyDays = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error("Exception: Invalid argument: n");
    this.clock.everyHours = n;
    return this;
  }
  /** The hour (0–23) a daily trigger runs at; Apps Script picks a moment within that hour. */
  atHour(h: number): this {
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error("Exception: Invalid argument: hour");
    this.clock.atHour = h;
    return this;
  }
  nearMinute(): this {
    return this;
  }
  inTimezone(): this {
    return this;
  }
  create(): FakeTrigger {
    if (!this.clock.everyDays && !this.clock.everyHours)
      throw new Error("Exception: The trigger needs a recurrence (everyDays, everyHours…).");
    if (this.clock.atHour !== undefined && !this.clock.everyDays)
      throw new Error("Exception: atHour can only be used with everyDays or everyWeeks.");
    return this._app._add(new FakeTrigger(this._handler, "CLOCK", this._app._world.effectiveUser, { ...this.clock }));
  }
}

/** The ScriptApp global; needs full authorisation, like the real one. */
export class FakeScriptApp extends Fake {
  readonly service = "ScriptApp";
  readonly kind = "ScriptApp";
  readonly AuthMode = { LIMITED: "LIMITED", FULL: "FULL" };
  readonly EventType = { ON_EDIT: "ON_EDIT", ON_OPEN: "ON_OPEN", CLOCK: "CLOCK" };
  _triggers: FakeTrigger[] = [];
  constructor(
    readonly _world: World,
    readonly _functionExists: (name: string) => boolean,
  ) {
    super();
  }
  private auth(): void {
    if (this._world.authMode === "LIMITED")
      throw new Error(
        "Exception: You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp",
      );
  }
  _add(t: FakeTrigger): FakeTrigger {
    if (!this._functionExists(t._handler)) throw new Error(`Exception: Script function not found: ${t._handler}`);
    if (this._triggers.filter((x) => x._owner === t._owner).length >= TRIGGER_LIMIT)
      throw new Error(
        "Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.",
      );
    this._triggers.push(t);
    return t;
  }
  /** The current user's triggers of this project. */
  getProjectTriggers(): FakeTrigger[] {
    this.auth();
    return this._triggers.filter((t) => t._owner === this._world.effectiveUser);
  }
  newTrigger(handler: string): FakeTriggerBuilder {
    this.auth();
    return new FakeTriggerBuilder(this, handler);
  }
  /**
   * Deletes one of the current user's triggers. Triggers belong to their creator: another user's
   * cannot even be listed (getProjectTriggers returns "only the current user's triggers",
   * https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()),
   * and deleting one throws.
   */
  deleteTrigger(t: FakeTrigger): void {
    this.auth();
    if (t._owner !== this._world.effectiveUser)
      throw new Error("Exception: You do not have permission to delete this trigger; it belongs to another user.");
    this._triggers = this._triggers.filter((x) => x._id !== t._id);
  }
}
