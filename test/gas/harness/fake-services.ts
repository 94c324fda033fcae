/** Fakes of LockService, PropertiesService, CacheService, Session, Utilities and ScriptApp. */
import { randomUUID } from "node:crypto";
import { Fake } from "./call-log.js";
import { FakeUser, type World } from "./world.js";

/** The document lock: one holder at a time across "executions". */
export class LockState {
  holder: FakeLock | null = null;
}

/** LockService.getDocumentLock(): a new Lock per call, sharing the document's state. */
export class FakeLock extends Fake {
  readonly service = "LockService";
  readonly kind = "Lock";
  constructor(readonly _state: LockState) {
    super();
  }
  tryLock(): boolean {
    if (this._state.holder && this._state.holder !== this) return false;
    this._state.holder = this;
    return true;
  }
  waitLock(): void {
    if (!this.tryLock()) throw new Error("Exception: Lock timeout: another process was holding the lock for too long.");
  }
  hasLock(): boolean {
    return this._state.holder === this;
  }
  releaseLock(): void {
    if (this._state.holder === this) this._state.holder = null;
  }
}

/** The LockService global. */
export class FakeLockService extends Fake {
  readonly service = "LockService";
  readonly kind = "LockService";
  readonly _document = new LockState();
  getDocumentLock(): FakeLock {
    return new FakeLock(this._document);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this._document);
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

/** A cache: values up to 100 KB, keys up to 250 characters, as documented. */
export class FakeCache extends Fake {
  readonly service = "CacheService";
  readonly kind = "Cache";
  readonly _data = new Map<string, string>();
  private check(k: string, v?: string): void {
    if (String(k).length > 250) throw new Error("Exception: Argument too large: key");
    if (v !== undefined && String(v).length > 100 * 1024) throw new Error("Exception: Argument too large: value");
  }
  get(k: string): string | null {
    this.check(k);
    return this._data.get(k) ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) if (this._data.has(k)) out[k] = this._data.get(k)!;
    return out;
  }
  put(k: string, v: string): void {
    this.check(k, v);
    this._data.set(k, String(v));
  }
  putAll(values: Record<string, string>): void {
    for (const [k, v] of Object.entries(values)) this.check(k, v);
    for (const [k, v] of Object.entries(values)) this._data.set(k, String(v));
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
      throw new Error(`Exception: The parameters (number[]) don't match the method signature for Utilities.newBlob. (byte value ${String(b)} is outside −128..127)`);
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

/** The Utilities global. newBlob and base64Encode refuse bytes outside −128..127 like the real ones. */
export class FakeUtilities extends Fake {
  readonly service = "Utilities";
  readonly kind = "Utilities";
  newBlob(data: unknown, contentType?: string, name?: string): FakeBlob {
    if (typeof data === "string") return new FakeBlob(new Int8Array(Buffer.from(data, "utf8")), contentType ?? "text/plain", name ?? null);
    if (!Array.isArray(data)) throw new Error("Exception: The parameters don't match the method signature for Utilities.newBlob.");
    return new FakeBlob(Int8Array.from(assertSignedBytes(data)), contentType ?? null, name ?? null);
  }
  base64Encode(data: unknown): string {
    if (typeof data === "string") return Buffer.from(data, "utf8").toString("base64");
    if (!Array.isArray(data)) throw new Error("Exception: The parameters don't match the method signature for Utilities.base64Encode.");
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

/** An installable trigger. */
export class FakeTrigger extends Fake {
  readonly service = "ScriptApp";
  readonly kind = "Trigger";
  constructor(
    readonly _handler: string,
    readonly _event: string,
    readonly _owner: string,
  ) {
    super();
  }
  getHandlerFunction(): string {
    return this._handler;
  }
  getEventType(): string {
    return this._event;
  }
  getUniqueId(): string {
    return `trigger-${this._handler}`;
  }
}

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
  create(): FakeTrigger {
    if (!this._app._functionExists(this._handler)) throw new Error(`Exception: Script function not found: ${this._handler}`);
    const t = new FakeTrigger(this._handler, this.event, this._app._world.effectiveUser);
    this._app._triggers.push(t);
    return t;
  }
}

/** The ScriptApp global; needs full authorisation, like the real one. */
export class FakeScriptApp extends Fake {
  readonly service = "ScriptApp";
  readonly kind = "ScriptApp";
  readonly AuthMode = { LIMITED: "LIMITED", FULL: "FULL" };
  readonly EventType = { ON_EDIT: "ON_EDIT", ON_OPEN: "ON_OPEN" };
  _triggers: FakeTrigger[] = [];
  constructor(
    readonly _world: World,
    readonly _functionExists: (name: string) => boolean,
  ) {
    super();
  }
  private auth(): void {
    if (this._world.authMode === "LIMITED") throw new Error("Exception: You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp");
  }
  getProjectTriggers(): FakeTrigger[] {
    this.auth();
    return [...this._triggers];
  }
  newTrigger(handler: string): FakeTriggerBuilder {
    this.auth();
    return new FakeTriggerBuilder(this, handler);
  }
}
