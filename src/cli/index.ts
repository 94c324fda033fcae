#!/usr/bin/env node
/** The `tong-hop` command line: assembles the sub-commands, each defined with its flags in ./commands. */
import type { Command } from "@commander-js/extra-typings";
import { addCommands, addHelpHints, vietnameseProgram } from "./commander-vi.js";
import { compileProgram } from "./commands/compile.js";
import { demoProgram } from "./commands/demo.js";
import { importPlanProgram } from "./commands/import-plan.js";
import { loginProgram } from "./commands/login.js";
import { rollupProgram } from "./commands/rollup.js";
import { templateProgram } from "./commands/template.js";
import { validateProgram } from "./commands/validate.js";

const DESCRIPTION = "Tổng hợp báo cáo định kỳ của các đơn vị thành báo cáo gửi UBND (Nghị định 30/2020/NĐ-CP).";

/** Builds the program (exported for tests). */
export function buildProgram(): Command {
  const program = vietnameseProgram("tong-hop").description(DESCRIPTION);
  addCommands(program, [
    templateProgram,
    validateProgram,
    compileProgram,
    rollupProgram,
    importPlanProgram,
    loginProgram,
    demoProgram,
  ]);
  return addHelpHints(program);
}

// `tong-hop validate … | head` closes the pipe early: stop quietly instead of a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(Number(process.exitCode ?? 0));
});
await buildProgram().parseAsync(process.argv);
