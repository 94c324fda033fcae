/** Fakes of Ui, Menu and HtmlService. */
import { Fake } from "./call-log.js";
import type { World } from "./world.js";

/** A menu the script added. */
export interface AddedMenu {
  title: string;
  items: ({ caption: string; functionName: string } | "separator")[];
}

/** A message box the script showed. */
export interface Alert {
  title: string;
  prompt: string;
  /** The button set shown (OK, OK_CANCEL, YES_NO…). */
  buttons?: string;
}

/** HtmlService.createHtmlOutput(). */
export class FakeHtmlOutput extends Fake {
  readonly service = "HtmlService";
  readonly kind = "HtmlOutput";
  _width = 0;
  _height = 0;
  _title = "";
  constructor(public _content: string) {
    super();
  }
  setWidth(w: number): this {
    this._width = w;
    return this;
  }
  setHeight(h: number): this {
    this._height = h;
    return this;
  }
  setTitle(t: string): this {
    this._title = t;
    return this;
  }
  getContent(): string {
    return this._content;
  }
  append(s: string): this {
    this._content += s;
    return this;
  }
}

/** The HtmlService global. */
export class FakeHtmlService extends Fake {
  readonly service = "HtmlService";
  readonly kind = "HtmlService";
  createHtmlOutput(html = ""): FakeHtmlOutput {
    return new FakeHtmlOutput(String(html));
  }
}

/** Ui.createMenu(). */
export class FakeMenu extends Fake {
  readonly service = "Ui";
  readonly kind = "Menu";
  readonly _items: AddedMenu["items"] = [];
  constructor(
    readonly _ui: FakeUi,
    readonly _title: string,
  ) {
    super();
  }
  addItem(caption: string, functionName: string): this {
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this._items.push("separator");
    return this;
  }
  addToUi(): void {
    this._ui._menus = this._ui._menus.filter((m) => m.title !== this._title);
    this._ui._menus.push({ title: this._title, items: [...this._items] });
  }
}

/** SpreadsheetApp.getUi(). Prompts answer from a queue the test fills. */
export class FakeUi extends Fake {
  readonly service = "Ui";
  readonly kind = "Ui";
  readonly ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" };
  readonly Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" };
  _menus: AddedMenu[] = [];
  _alerts: Alert[] = [];
  _dialogs: { title: string; html: string; width: number; height: number }[] = [];
  _answers: { button: string; text: string }[] = [];

  constructor(readonly _world: World) {
    super();
  }
  private assertUi(): void {
    if (this._world.authMode === "LIMITED")
      throw new Error("Exception: Cannot call SpreadsheetApp.getUi() from this context.");
  }
  createMenu(title: string): FakeMenu {
    return new FakeMenu(this, title);
  }
  /**
   * alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). Returns the button
   * the person clicks: OK for a plain OK box, else the next queued answer (a test queues them
   * in `_answers`); with none queued the person closes the box (CLOSE).
   */
  alert(a: string, b?: string, c?: string): string {
    this.assertUi();
    const withTitle = c !== undefined;
    const buttons = withTitle ? c : (b ?? "OK");
    this._alerts.push({ title: withTitle ? a : "", prompt: withTitle ? String(b) : a, buttons });
    if (buttons === "OK") return "OK";
    return this._answers.shift()?.button ?? "CLOSE";
  }
  /** prompt(prompt), prompt(prompt, buttons) or prompt(title, prompt, buttons); answers from `_answers` (none: CANCEL). */
  prompt(a: string, b?: string, c?: string): { getSelectedButton(): string; getResponseText(): string } {
    this.assertUi();
    const answer = this._answers.shift() ?? { button: "CANCEL", text: "" };
    const withTitle = c !== undefined;
    this._alerts.push({
      title: withTitle ? a : "",
      prompt: withTitle ? String(b) : a,
      buttons: `prompt ${withTitle ? c : (b ?? "OK")}`,
    });
    return { getSelectedButton: () => answer.button, getResponseText: () => answer.text };
  }
  showModalDialog(html: FakeHtmlOutput, title: string): void {
    this.assertUi();
    this._dialogs.push({ title, html: html._content, width: html._width, height: html._height });
  }
}
