/**
 * Loads a built Code.js (the test build, see support/build-once.ts), as it is, into a bare V8 context (node:vm: ECMAScript
 * globals only, no setTimeout, no crypto) with in-memory fakes of the Apps Script services,
 * and plays people: the Văn phòng running menus, units typing into their rows.
 */
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { parseA1 } from "./a1.js";
import { Boundary, type Realm } from "./boundary.js";
import { CallLog } from "./call-log.js";
import { FakeSpreadsheet, FakeSpreadsheetApp } from "./fake-spreadsheet.js";
import { enterValue, userEntered, type FakeSheet } from "./fake-sheet.js";
import { FakeMailApp } from "./fake-mail.js";
import { FaultInjector } from "./faults.js";
import {
  FakeCacheService,
  FakeLockService,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUtilities,
} from "./fake-services.js";
import { FakeHtmlService, FakeUi } from "./fake-ui.js";
import { evaluate, parseFormula, type FValue } from "./formula.js";
import { FakeUser, World } from "./world.js";

/** Environment variable naming the test build of the bundle (set by test/gas/support/build-once.ts). */
export const TEST_BUNDLE_ENV = "TONG_HOP_TEST_BUNDLE";

/** Options of {@link GasHarness.load}. */
export interface HarnessOptions {
  /** Path of the bundle; default the test build (ensureBuilt), never dist/gas. */
  codePath?: string;
  /** The bundle's text (instead of a path). */
  code?: string;
  owner?: string;
  domain?: string | null;
  /** Fixed "now" for the script (Date, TODAY()). */
  now?: Date;
  /** People the spreadsheet is shared with as editors. */
  sharedEditors?: string[];
  /** Let the script's clock run on from `now` (timings); default it stands still. */
  flowingClock?: boolean;
}

/** What happened when a person typed into a cell. */
export interface TypeResult {
  accepted: boolean;
  /** Why the UI refused the input (protected cell, or a validation that rejects). */
  refused?: "protected" | "invalid";
  /** Milliseconds the onEdit simple trigger took. */
  onEditMs: number;
}

const VN_OFFSET_MS = 7 * 3600 * 1000;

/** The bundle, loaded into a vm context with fakes. */
export class GasHarness {
  readonly log = new CallLog();
  readonly world: World;
  readonly ss: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly cache: FakeCacheService;
  readonly props = new FakePropertiesService();
  readonly locks: FakeLockService;
  readonly mail: FakeMailApp;
  /** Planned faults and call hooks (see {@link whenCalled}). */
  readonly faults = new FaultInjector();
  readonly scriptApp: FakeScriptApp;
  readonly context: vm.Context;
  readonly boundary: Boundary;
  readonly consoleLines: string[] = [];
  /** Ids of installable triggers that failed because their creator lost access. */
  readonly failedTriggers: string[] = [];
  /** Milliseconds spent evaluating the bundle. */
  readonly loadMs: number;

  private constructor(code: string, opts: HarnessOptions) {
    this.world = new World(
      opts.owner ?? "vanphong@sgddt.edu.vn",
      opts.domain === undefined ? "sgddt.edu.vn" : opts.domain,
    );
    if (opts.now) this.world.now = opts.now;
    this.world.flowing = !!opts.flowingClock;
    for (const e of opts.sharedEditors ?? []) this.world.sharedEditors.add(e.toLowerCase());
    this.ui = new FakeUi(this.world);
    this.ss = new FakeSpreadsheet(this.world);
    this.cache = new FakeCacheService(this.world);
    this.locks = new FakeLockService(this.world);
    this.mail = new FakeMailApp(this.world);
    this.context = vm.createContext({});
    const world = this.world;
    // The script's clock: Date.now() and new Date() follow the harness's fixed "now".
    if (opts.now) {
      (this.context as Record<string, unknown>).__clock__ = () => world.clock().getTime();
      vm.runInContext(
        `(() => { const clock = __clock__; const Real = globalThis.Date; const Date = class Date extends Real { constructor(...a) { if (a.length === 0) super(clock()); else super(...a); } static now() { return clock(); } }; globalThis.Date = Date; })();`,
        this.context,
      );
      delete (this.context as Record<string, unknown>).__clock__;
    }
    const realm = vm.runInContext("({ Array, Date, Object })", this.context) as Realm;
    this.boundary = new Boundary(realm, this.log, this.faults);
    this.scriptApp = new FakeScriptApp(
      this.world,
      (name) => typeof (this.context as Record<string, unknown>)[name] === "function",
    );
    const w = <T extends object>(x: T) => this.boundary.wrap(x as never) as T;
    const lines = this.consoleLines;
    const say =
      (level: string) =>
      (...a: unknown[]) =>
        lines.push(`${level}: ${a.map(String).join(" ")}`);
    Object.assign(this.context, {
      SpreadsheetApp: w(new FakeSpreadsheetApp(this.world, this.ss, this.ui)),
      HtmlService: w(new FakeHtmlService()),
      LockService: w(this.locks),
      PropertiesService: w(this.props),
      CacheService: w(this.cache),
      Session: w(new FakeSession(this.world)),
      Utilities: w(new FakeUtilities()),
      ScriptApp: w(this.scriptApp),
      MailApp: w(this.mail),
      console: { log: say("log"), info: say("info"), warn: say("warn"), error: say("error") },
      Logger: { log: say("log") },
    });
    const started = performance.now();
    new vm.Script(code, { filename: "Code.js" }).runInContext(this.context);
    this.loadMs = performance.now() - started;
  }

  /** Loads the bundle. */
  static load(opts: HarnessOptions = {}): GasHarness {
    const path = opts.codePath ?? process.env[TEST_BUNDLE_ENV];
    if (opts.code === undefined && !path) throw new Error("no bundle: await ensureBuilt() (or useScenario) first");
    const code = opts.code ?? readFileSync(path!, "utf8");
    return new GasHarness(code, opts);
  }

  /** Names of the functions Apps Script would see (global functions of the script). */
  globalFunctions(): string[] {
    return Object.keys(this.context).filter((k) => typeof (this.context as Record<string, unknown>)[k] === "function");
  }

  /** How many times exceljs was initialised in this context (the build's wrapper counts it). */
  exceljsInitCount(): number {
    const s = (this.context as { __TONG_HOP_STATS__?: { exceljsInitCount?: number } }).__TONG_HOP_STATS__;
    return s?.exceljsInitCount ?? 0;
  }
  /** Milliseconds exceljs took to initialise, or null when it never did. */
  exceljsInitMs(): number | null {
    const s = (this.context as { __TONG_HOP_STATS__?: { exceljsInitMs?: number } }).__TONG_HOP_STATS__;
    return s?.exceljsInitMs ?? null;
  }

  /**
   * Runs `f` as `user`. An async function (the compile awaits exceljs) stays that user's
   * execution until its promise settles: Apps Script runs the whole execution with one identity,
   * so the writes after an await must be checked against the same person's rights.
   */
  private as<T>(user: string, effective: string, mode: World["authMode"], f: () => T): T {
    const before = { a: this.world.activeUser, e: this.world.effectiveUser, m: this.world.authMode };
    const restore = () => {
      this.world.activeUser = before.a;
      this.world.effectiveUser = before.e;
      this.world.authMode = before.m;
    };
    this.world.activeUser = user;
    this.world.effectiveUser = effective;
    this.world.authMode = mode;
    let result: T;
    try {
      result = f();
    } catch (e) {
      restore();
      throw e;
    }
    // A promise of the script's realm: instanceof Promise does not see it, its `then` does.
    const then = (result as { then?: unknown } | null | undefined)?.then;
    if (typeof then !== "function") {
      restore();
      return result;
    }
    return (result as unknown as PromiseLike<unknown>).then(
      (v) => {
        restore();
        return v;
      },
      (e: unknown) => {
        restore();
        throw e;
      },
    ) as T;
  }

  /** Calls a top-level function as `user` (default the owner) with full authorisation. */
  run(name: string, ...args: unknown[]): unknown {
    return this.runAs(this.world.owner, name, ...args);
  }

  /** Calls a top-level function as `user` with full authorisation (a menu click, google.script.run). */
  runAs(user: string, name: string, ...args: unknown[]): unknown {
    const f = (this.context as Record<string, unknown>)[name];
    if (typeof f !== "function") throw new Error(`${name} is not a top-level function of the bundle`);
    return this.as(user, user, "FULL", () =>
      (f as (...a: unknown[]) => unknown)(...args.map((a) => this.boundary.toScript(a))),
    );
  }

  /** Opens the spreadsheet: runs the onOpen simple trigger. */
  open(user = this.world.owner): void {
    const e = {
      authMode: "LIMITED",
      source: this.boundary.wrap(this.ss),
      user: new FakeUser(this.world.visibleEmail(user)),
    };
    this.as(user, user, "LIMITED", () => (this.context as { onOpen: (e: unknown) => void }).onOpen(e));
  }

  /** The value Sheets stores when `text` is typed into a cell with `format` (locale vi_VN or en_US). */
  typedValue(text: unknown, format: string): unknown {
    if (typeof text !== "string" || format === "@") return text;
    return userEntered(text, this.ss._locale, this.ss._timeZone).value;
  }

  private tzOffsetMs(): number {
    return this.ss._timeZone === "Asia/Ho_Chi_Minh" ? VN_OFFSET_MS : 0;
  }

  /**
   * A person types into one cell (or pastes a block): the UI refuses protected cells and values
   * a rejecting validation forbids; otherwise the value is stored and the onEdit simple trigger
   * runs as that person, then installable edit triggers run as their creator.
   */
  type(user: string, sheetName: string, a1: string, input: unknown | unknown[][]): TypeResult {
    const sheet = this.sheet(sheetName);
    const p = parseA1(a1);
    const block = Array.isArray(input) ? (input as unknown[][]) : [[input]];
    const numRows = block.length;
    const numCols = block[0].length;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) {
        if (!sheet._canEdit(user, p.row + r, p.column + c))
          return { accepted: false, refused: "protected", onEditMs: 0 };
      }
    }
    const values = block.map((row, r) =>
      row.map((v, c) => this.typedValue(v, sheet._cell(p.row + r, p.column + c)?.numberFormat ?? "General")),
    );
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) {
        const rule = sheet._cell(p.row + r, p.column + c)?.validation;
        if (rule && !rule._allowInvalid && !rule._accepts(values[r][c]))
          return { accepted: false, refused: "invalid", onEditMs: 0 };
      }
    }
    const old = sheet._cell(p.row, p.column)?.value ?? "";
    block.forEach((row, r) =>
      row.forEach((v, c) =>
        enterValue(sheet._cell(p.row + r, p.column + c, true), v, this.ss._locale, this.ss._timeZone),
      ),
    );
    const range = this.boundary.wrap(sheet._range(p.row, p.column, numRows, numCols));
    const single = numRows === 1 && numCols === 1;
    const event = (visible: string, triggerUid?: string) =>
      this.boundary.toScript({
        ...(triggerUid ? { triggerUid, authMode: "FULL" } : { authMode: "LIMITED" }),
        range,
        source: this.boundary.wrap(this.ss),
        user: new FakeUser(visible),
        ...(single
          ? {
              value: typeof values[0][0] === "string" ? values[0][0] : String(values[0][0]),
              oldValue: old === "" ? undefined : String(old),
            }
          : {}),
      });
    const ctx = this.context as Record<string, (e: unknown) => void>;
    const started = performance.now();
    this.as(user, user, "LIMITED", () => ctx.onEdit(event(this.world.visibleEmail(user))));
    const onEditMs = performance.now() - started;
    for (const t of this.scriptApp._triggers) {
      if (t._event !== "ON_EDIT") continue;
      // A trigger runs as its creator; one whose creator lost access to the spreadsheet fails every time.
      if (!this.world.editors().includes(t._owner)) {
        this.failedTriggers.push(t._id);
        continue;
      }
      const e = event(this.world.revealEmails === "all" || this.world.inDomain(user) ? user : "", t._id);
      this.as(user, t._owner, "FULL", () => ctx[t._handler](e));
    }
    return { accepted: true, onEditMs };
  }

  /**
   * Runs the time-driven triggers due now, as Apps Script does: each as its creator, fully
   * authorised, without a user interface (SpreadsheetApp.getUi() throws). Returns how many ran.
   */
  fireClockTriggers(): number {
    const due = this.scriptApp._triggers.filter((t) => t._event === "CLOCK");
    const ctx = this.context as Record<string, (e: unknown) => unknown>;
    for (const t of due) {
      const now = this.world.clock();
      const e = this.boundary.toScript({
        authMode: "FULL",
        triggerUid: t._id,
        year: now.getUTCFullYear(),
        month: now.getUTCMonth() + 1,
        "day-of-month": now.getUTCDate(),
        hour: t._clock?.atHour ?? now.getUTCHours(),
      });
      const ui = this.world.uiAvailable;
      this.world.uiAvailable = false;
      try {
        this.as(t._owner, t._owner, "FULL", () => ctx[t._handler](e));
      } finally {
        this.world.uiAvailable = ui;
      }
    }
    return due.length;
  }

  /**
   * Starts another execution (`other`, e.g. a second person's edit) right after the current
   * one's `nth` call of `method` ("Sheet.getLastRow") returns: the two overlap as they can in
   * Apps Script. If the script lock (the log's) or else the document lock is held at that moment, `other` waits for it, i.e. it
   * starts as soon as the lock is released (it would block in waitLock). Its own work before
   * taking the lock then runs after the holder's, which is safe for code that reads nothing it
   * later writes before taking the lock.
   */
  whenCalled(method: string, nth: number, other: () => void): void {
    this.faults.after(method, nth, () => {
      // The log's own lock (the script lock) first: a log write is what a tick waits for.
      const script = this.locks._script;
      if (script.holder && !script.disabled) {
        script.waiting.push(other);
        return;
      }
      const state = this.locks._document;
      if (state.holder && !state.disabled) state.waiting.push(other);
      else other();
    });
  }

  /** A sheet by name, or an error naming the sheets there are. */
  sheet(name: string): FakeSheet {
    const s = this.ss.getSheetByName(name);
    if (!s) throw new Error(`no sheet "${name}" (have: ${this.ss._sheets.map((x) => x._name).join(", ")})`);
    return s;
  }

  /** Serial day number (Sheets) of an instant in the spreadsheet's time zone. */
  serial(d: Date): number {
    return (d.getTime() + this.tzOffsetMs()) / 86_400_000 + 25569;
  }

  /**
   * The first conditional-format rule of a sheet whose formula holds for a cell (evaluated like
   * Sheets at the harness's "now"): Sheets shows that rule's format, and only that rule's.
   */
  private shownRule(
    sheetName: string,
    a1: string,
  ): { sheet: FakeSheet; row: number; column: number; rule?: FakeSheet["_cfRules"][number] } {
    const sheet = this.sheet(sheetName);
    const p = parseA1(a1);
    const now = this.world.clock();
    const env = {
      today: Math.floor(this.serial(now)),
      now: this.serial(now),
      read: (row: number, col: number): FValue => {
        const v = sheet._cell(row, col)?.value;
        if (v === "" || v === undefined || v === null) return null;
        if (v instanceof Date) return this.serial(v);
        return v as FValue;
      },
    };
    for (const rule of sheet._cfRules) {
      const hit = rule._ranges.some(
        (r) => p.row >= r._row && p.row < r._row + r._numRows && p.column >= r._col && p.column < r._col + r._numCols,
      );
      if (!hit) continue;
      const anchor = { row: rule._ranges[0]._row, col: rule._ranges[0]._col };
      const v = evaluate(parseFormula(rule._formula), env, { row: p.row, col: p.column }, anchor);
      if (v === true) return { sheet, row: p.row, column: p.column, rule };
    }
    return { sheet, row: p.row, column: p.column };
  }

  /**
   * The background a cell shows now: the first conditional-format rule that holds, when it sets
   * one, else the cell's own background.
   */
  shownBackground(sheetName: string, a1: string): string {
    const { sheet, row, column, rule } = this.shownRule(sheetName, a1);
    return rule?._background ?? sheet._cell(row, column)?.background ?? "#ffffff";
  }

  /** The font weight a cell shows now: the first rule that holds, when it sets bold, else the cell's own. */
  shownFontWeight(sheetName: string, a1: string): "bold" | "normal" {
    const { sheet, row, column, rule } = this.shownRule(sheetName, a1);
    if (rule && rule._bold !== null) return rule._bold ? "bold" : "normal";
    return sheet._cell(row, column)?.fontWeight === "bold" ? "bold" : "normal";
  }
}
