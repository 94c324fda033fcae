#!/usr/bin/env node
/** The `tong-hop` command line: one sub-command per file in ./commands. */
import type { Command } from "commander";
// Before anything writes a workbook: keeps emoji whole in the XML parts exceljs hands JSZip.
import "../excel/write/zip-text-fix.js";
import { compileCommand } from "./commands/compile.js";
import { demoCommand } from "./commands/demo.js";
import { loginCommand } from "./commands/login.js";
import { importPlanCommand } from "./commands/import-plan.js";
import { templateCommand } from "./commands/template.js";
import { validateCommand } from "./commands/validate.js";
import { rollupCommand } from "./commands/rollup.js";
import { addHelpHints, vietnameseProgram } from "./commander-vi.js";
import { runCommand } from "./run-command.js";
import { DOCX_HELP } from "./docx-output.js";

const collect = (v: string, prev: string[]) => [...prev, v];
const TEMPLATE_HELP =
  "tên mẫu kế hoạch hoặc đường dẫn tệp .json (bỏ trống khi dùng --sheet: lấy trang Cấu hình của bảng tính)";
const SHEET_HELP = "bảng tính Google: đường dẫn hoặc mã (lặp lại được, dùng cùng --input được)";
const CREDENTIALS_HELP =
  "tệp khóa tài khoản dịch vụ Google (mặc định: GOOGLE_APPLICATION_CREDENTIALS, rồi tong-hop login)";

/** Builds the program (exported for tests). */
export function buildProgram(): Command {
  const program = vietnameseProgram("tong-hop").description(
    "Tổng hợp báo cáo định kỳ của các đơn vị thành báo cáo gửi UBND (Nghị định 30/2020/NĐ-CP).",
  );

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
    .option("-t, --template <mẫu>", TEMPLATE_HELP)
    .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
    .option("-i, --input <nguồn>", "tệp .xlsx, thư mục hoặc mẫu *.xlsx (lặp lại được)", collect, [])
    .option("-s, --sheet <bảng tính>", SHEET_HELP, collect, [])
    .option("--credentials <tệp.json>", CREDENTIALS_HELP)
    .option("--as-of <YYYY-MM-DD>", "ngày dùng để xét hạn nộp (mặc định: hôm nay)")
    .action(runCommand((o) => validateCommand(o)));

  program
    .command("compile")
    .description("Tổng hợp số liệu thành báo cáo Excel gửi UBND")
    .option("-t, --template <mẫu>", TEMPLATE_HELP)
    .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
    .option("-i, --input <nguồn>", "tệp .xlsx, thư mục hoặc mẫu *.xlsx (lặp lại được)", collect, [])
    .option("-s, --sheet <bảng tính>", SHEET_HELP, collect, [])
    .option("--credentials <tệp.json>", CREDENTIALS_HELP)
    .option("-o, --out <tệp>", "tệp báo cáo .xlsx sẽ tạo")
    .option("--docx <tệp>", DOCX_HELP)
    .option("--json <tệp>", 'ghi kết quả tổng hợp dạng JSON ("-": in ra màn hình, không in gì khác)')
    .option("--as-of <YYYY-MM-DD>", "ngày dùng để xét hạn nộp (mặc định: hôm nay)")
    .option("--include-drafts", "tính cả số liệu đơn vị chưa tích Xác nhận gửi")
    .option("-q, --quiet", "không in tóm tắt")
    .action(runCommand((o) => compileCommand(o)));

  program
    .command("rollup")
    .description("Tổng hợp kết quả của nhiều cơ quan cấp dưới thành báo cáo cấp trên")
    .requiredOption("-t, --template <mẫu>", "tên mẫu kế hoạch hoặc đường dẫn tệp .json")
    .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
    .option(
      "-i, --input <nguồn>",
      "tệp kết quả .json hoặc báo cáo .xlsx của tong-hop, thư mục hoặc mẫu (lặp lại được)",
      collect,
      [],
    )
    .option("-o, --out <tệp>", "tệp báo cáo .xlsx sẽ tạo")
    .option("--docx <tệp>", DOCX_HELP)
    .option("--json <tệp>", "ghi kết quả dạng JSON (để tổng hợp tiếp lên cấp trên)")
    .option("--issuer <tên>", "tên cơ quan ban hành báo cáo cấp trên (vd. SỞ GIÁO DỤC VÀ ĐÀO TẠO)")
    .option("--parent <tên>", "cơ quan chủ quản (vd. UBND THÀNH PHỐ HẢI PHÒNG)")
    .option("--abbreviation <viết tắt>", "tên viết tắt của cơ quan ban hành")
    .option("--issuer-in-text <tên>", "tên cơ quan ban hành viết trong câu (vd. Ủy ban nhân dân thành phố Hải Phòng)")
    .option("--as-of <YYYY-MM-DD>", "ngày ghi trên báo cáo")
    .option("-q, --quiet", "không in tóm tắt")
    .action(runCommand((o) => rollupCommand(o)));

  program
    .command("import-plan")
    .description("Đọc văn bản Kế hoạch (.docx, .txt) thành mẫu kế hoạch nháp và danh sách việc cần người rà soát")
    .argument("<tệp>", "tệp kế hoạch .docx hoặc .txt")
    .option("-o, --out <tệp>", "tệp mẫu .json sẽ ghi (mặc định: sheets-templates/<mã>.json)")
    .option("--review <tệp>", "ghi thêm danh sách cần xem lại (.json hoặc .txt)")
    .option("-f, --force", "ghi đè tệp mẫu đã có")
    .action(
      runCommand(async (file: string, o) => {
        await importPlanCommand(file, o);
      }),
    );

  program
    .command("login")
    .description("Đăng nhập tài khoản Google để --sheet đọc được bảng tính (mã đăng nhập lưu trong thư mục cấu hình)")
    .option(
      "--client <tệp.json>",
      "tệp OAuth client loại Desktop app tải từ Google Cloud Console (hoặc biến TONG_HOP_OAUTH_CLIENT)",
    )
    .option("--no-browser", "không tự mở trình duyệt, chỉ in địa chỉ đăng nhập")
    .option("--logout", "xóa mã đăng nhập đã lưu")
    .action(runCommand((o) => loginCommand(o)));

  program
    .command("demo")
    .description("Tổng hợp bộ số liệu mẫu đi kèm (npm start)")
    .option("--out-dir <thư mục>", "thư mục ghi kết quả", "out")
    .action(runCommand((o) => demoCommand(o)));

  return addHelpHints(program);
}

// `tong-hop validate … | head` closes the pipe early: stop quietly instead of a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(Number(process.exitCode ?? 0));
});
await buildProgram().parseAsync(process.argv);
