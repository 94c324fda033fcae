/** `tong-hop compile`: its flags and help; the work (../actions/compile.ts) loads when it runs. */
import { Command } from "@commander-js/extra-typings";
import { runCommand, withFlags } from "../run-command.js";
import {
  AS_OF_HELP,
  collect,
  CREDENTIALS_HELP,
  INPUT_HELP,
  SHEET_HELP,
  TEMPLATE_HELP,
  DOCX_HELP,
} from "./flag-texts.js";

const JSON_HELP = 'ghi kết quả tổng hợp dạng JSON ("-": in ra màn hình, không in gì khác)';

/** The compile command. */
export const compileProgram = new Command("compile")
  .description("Tổng hợp số liệu thành báo cáo Excel gửi UBND")
  .option("-t, --template <mẫu>", TEMPLATE_HELP)
  .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
  .option("-i, --input <nguồn>", INPUT_HELP, collect, [])
  .option("-s, --sheet <bảng tính>", SHEET_HELP, collect, [])
  .option("--credentials <tệp.json>", CREDENTIALS_HELP)
  .option("-o, --out <tệp>", "tệp báo cáo .xlsx sẽ tạo")
  .option("--docx <tệp>", DOCX_HELP)
  .option("--json <tệp>", JSON_HELP)
  .option("--as-of <YYYY-MM-DD>", AS_OF_HELP)
  .option("--include-drafts", "tính cả số liệu đơn vị chưa tích Xác nhận gửi")
  .option("-q, --quiet", "không in tóm tắt")
  .action(runCommand(async (o) => withFlags((await import("../actions/compile.js")).compileCommand, o)));
