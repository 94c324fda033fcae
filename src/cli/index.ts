#!/usr/bin/env node
/** The `tong-hop` command line: one sub-command per file in ./commands. */
import { Command } from "commander";
import { compileCommand } from "./commands/compile.js";
import { demoCommand } from "./commands/demo.js";
import { templateCommand } from "./commands/template.js";
import { validateCommand } from "./commands/validate.js";
import { rollupCommand } from "./commands/rollup.js";
import { runCommand } from "./run-command.js";

const collect = (v: string, prev: string[]) => [...prev, v];

/** Builds the program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command("tong-hop")
    .description("Tổng hợp báo cáo định kỳ của các đơn vị thành báo cáo gửi UBND (Nghị định 30/2020/NĐ-CP).")
    .showHelpAfterError("(gõ tong-hop --help để xem hướng dẫn)")
    .configureOutput({ outputError: (s, write) => write(`Lỗi: ${s.replace(/^error: /, "")}`) });

  program
    .command("template")
    .description("Tạo tệp Excel mẫu để đơn vị nhập số liệu cho một kỳ báo cáo")
    .requiredOption("-t, --template <mẫu>", "tên mẫu kế hoạch (vd. ttdn-2023) hoặc đường dẫn tệp .json")
    .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo (vd. sau_thang_2023)")
    .requiredOption("-o, --out <tệp>", "tệp .xlsx sẽ tạo")
    .option("-u, --unit <mã>", "chỉ tạo dòng của một đơn vị")
    .action(runCommand((o) => templateCommand(o)));

  program
    .command("validate")
    .description("Kiểm tra số liệu đơn vị đã nhập; thoát mã 1 nếu có lỗi")
    .requiredOption("-t, --template <mẫu>", "tên mẫu kế hoạch hoặc đường dẫn tệp .json")
    .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
    .option("-i, --input <nguồn>", "tệp .xlsx, thư mục hoặc mẫu *.xlsx (lặp lại được)", collect, [])
    .option("--as-of <YYYY-MM-DD>", "ngày dùng để xét hạn nộp (mặc định: hôm nay)")
    .action(runCommand((o) => validateCommand(o)));

  program
    .command("compile")
    .description("Tổng hợp số liệu thành báo cáo Excel gửi UBND")
    .requiredOption("-t, --template <mẫu>", "tên mẫu kế hoạch hoặc đường dẫn tệp .json")
    .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
    .option("-i, --input <nguồn>", "tệp .xlsx, thư mục hoặc mẫu *.xlsx (lặp lại được)", collect, [])
    .option("-o, --out <tệp>", "tệp báo cáo .xlsx sẽ tạo")
    .option("--json <tệp>", "ghi kết quả tổng hợp dạng JSON (\"-\": in ra màn hình, không in gì khác)")
    .option("--as-of <YYYY-MM-DD>", "ngày dùng để xét hạn nộp (mặc định: hôm nay)")
    .option("--include-drafts", "tính cả số liệu đơn vị chưa tích Xác nhận gửi")
    .option("-q, --quiet", "không in tóm tắt")
    .action(runCommand((o) => compileCommand(o)));

  program
    .command("rollup")
    .description("Tổng hợp kết quả của nhiều cơ quan cấp dưới thành báo cáo cấp trên")
    .requiredOption("-t, --template <mẫu>", "tên mẫu kế hoạch hoặc đường dẫn tệp .json")
    .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
    .option("-i, --input <nguồn>", "tệp kết quả .json hoặc báo cáo .xlsx của tong-hop, thư mục hoặc mẫu (lặp lại được)", collect, [])
    .option("-o, --out <tệp>", "tệp báo cáo .xlsx sẽ tạo")
    .option("--json <tệp>", "ghi kết quả dạng JSON (để tổng hợp tiếp lên cấp trên)")
    .option("--issuer <tên>", "tên cơ quan ban hành báo cáo cấp trên (vd. SỞ GIÁO DỤC VÀ ĐÀO TẠO)")
    .option("--parent <tên>", "cơ quan chủ quản (vd. UBND THÀNH PHỐ HẢI PHÒNG)")
    .option("--abbreviation <viết tắt>", "tên viết tắt của cơ quan ban hành")
    .option("--as-of <YYYY-MM-DD>", "ngày ghi trên báo cáo")
    .option("-q, --quiet", "không in tóm tắt")
    .action(runCommand((o) => rollupCommand(o)));

  program
    .command("demo")
    .description("Tổng hợp bộ số liệu mẫu đi kèm (npm start)")
    .option("--out-dir <thư mục>", "thư mục ghi kết quả", "out")
    .action(runCommand((o) => demoCommand(o)));

  return program;
}

await buildProgram().parseAsync(process.argv);
