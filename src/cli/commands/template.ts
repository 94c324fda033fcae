/** `tong-hop template`: its flags and help; the work (../actions/template.ts) loads when it runs. */
import { Command } from "@commander-js/extra-typings";
import { runCommand, withFlags } from "../run-command.js";

/** The template command. */
export const templateProgram = new Command("template")
  .description("Tạo tệp Excel mẫu để đơn vị nhập số liệu cho một kỳ báo cáo")
  .requiredOption("-t, --template <mẫu>", "tên mẫu kế hoạch (vd. ttdn-2023) hoặc đường dẫn tệp .json")
  .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo (vd. sau_thang_2023)")
  .requiredOption("-o, --out <tệp>", "tệp .xlsx sẽ tạo")
  .option("-u, --unit <mã>", "chỉ tạo dòng của một đơn vị")
  .action(runCommand(async (o) => withFlags((await import("../actions/template.js")).templateCommand, o)));
