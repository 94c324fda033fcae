/** `tong-hop import-plan`: its flags and help; the work (../actions/import-plan.ts) loads when it runs. */
import { Command } from "@commander-js/extra-typings";
import type { ImportPlanCommandOptions } from "../actions/import-plan.js";
import { runCommand, withFlags } from "../run-command.js";

const DESCRIPTION =
  "Đọc văn bản Kế hoạch (.docx, .pdf, .txt) thành mẫu kế hoạch nháp và danh sách việc cần người rà soát";

/** The import-plan command. */
export const importPlanProgram = new Command("import-plan")
  .description(DESCRIPTION)
  .argument("<tệp>", "tệp kế hoạch .docx, .pdf hoặc .txt")
  .option("-o, --out <tệp>", "tệp mẫu .json sẽ ghi (mặc định: sheets-templates/<mã>.json)")
  .option("--review <tệp>", "ghi thêm danh sách cần xem lại (.json hoặc .txt)")
  .option("-f, --force", "ghi đè tệp mẫu đã có")
  .action(
    runCommand(async (file, o) => {
      const { importPlanCommand } = await import("../actions/import-plan.js");
      await withFlags((opts: ImportPlanCommandOptions) => importPlanCommand(file, opts), o);
    }),
  );
