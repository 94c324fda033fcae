/** `tong-hop validate`: its flags and help; the work (../actions/validate.ts) loads when it runs. */
import { Command } from "@commander-js/extra-typings";
import { runCommand, withFlags } from "../run-command.js";
import { AS_OF_HELP, collect, CREDENTIALS_HELP, INPUT_HELP, SHEET_HELP, TEMPLATE_HELP } from "./flag-texts.js";

/** The validate command. */
export const validateProgram = new Command("validate")
  .description("Kiểm tra số liệu đơn vị đã nhập; thoát mã 1 nếu có lỗi")
  .option("-t, --template <mẫu>", TEMPLATE_HELP)
  .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
  .option("-i, --input <nguồn>", INPUT_HELP, collect, [])
  .option("-s, --sheet <bảng tính>", SHEET_HELP, collect, [])
  .option("--credentials <tệp.json>", CREDENTIALS_HELP)
  .option("--as-of <YYYY-MM-DD>", AS_OF_HELP)
  .action(runCommand(async (o) => withFlags((await import("../actions/validate.js")).validateCommand, o)));
