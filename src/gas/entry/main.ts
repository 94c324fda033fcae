/** Entry of the Apps Script bundle: only re-exports the handler table (the build adds the top-level stubs). */
export { HANDLERS as handlers } from "./handlers.js";
export { ENTRY_POINTS } from "./menu-table.js";
