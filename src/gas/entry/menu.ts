/** onOpen builds the "Báo cáo" menu and nothing else; "Hướng dẫn" shows how to use the sheet. */
import { MENU_TITLE, menuItems } from "./menu-table.js";
import { renderHelp } from "../ui/help-html.js";

/** Simple trigger: adds the menu. Does no other work, so opening the sheet stays fast. */
export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  const items = menuItems();
  items.forEach((item, i) => {
    if (i === items.length - 1) menu.addSeparator();
    menu.addItem(item.caption, item.name);
  });
  menu.addToUi();
}

/** Runs when installed as an add-on: the same menu. */
export function onInstall(): void {
  onOpen();
}

/** Menu "Hướng dẫn". */
export function huongDan(): void {
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(renderHelp()).setWidth(640).setHeight(520),
    "Hướng dẫn sử dụng",
  );
}
