/** `tong-hop rollup`: its flags and help; the work (../actions/rollup.ts) loads when it runs. */
import { Command } from "@commander-js/extra-typings";
import { runCommand, withFlags } from "../run-command.js";
import { collect, DOCX_HELP } from "./flag-texts.js";

const INPUT_HELP = "tệp kết quả .json hoặc báo cáo .xlsx của tong-hop, thư mục hoặc mẫu (lặp lại được)";
const ISSUER_HELP = "tên cơ quan ban hành báo cáo cấp trên (vd. SỞ GIÁO DỤC VÀ ĐÀO TẠO)";
const ISSUER_IN_TEXT_HELP = "tên cơ quan ban hành viết trong câu (vd. Ủy ban nhân dân thành phố Hải Phòng)";

/** The rollup command. */
export const rollupProgram = new Command("rollup")
  .description("Tổng hợp kết quả của nhiều cơ quan cấp dưới thành báo cáo cấp trên")
  .requiredOption("-t, --template <mẫu>", "tên mẫu kế hoạch hoặc đường dẫn tệp .json")
  .requiredOption("-p, --period <kỳ>", "mã kỳ báo cáo")
  .option("-i, --input <nguồn>", INPUT_HELP, collect, [])
  .option("-o, --out <tệp>", "tệp báo cáo .xlsx sẽ tạo")
  .option("--docx <tệp>", DOCX_HELP)
  .option("--json <tệp>", "ghi kết quả dạng JSON (để tổng hợp tiếp lên cấp trên)")
  .option("--issuer <tên>", ISSUER_HELP)
  .option("--parent <tên>", "cơ quan chủ quản (vd. UBND THÀNH PHỐ HẢI PHÒNG)")
  .option("--abbreviation <viết tắt>", "tên viết tắt của cơ quan ban hành")
  .option("--issuer-in-text <tên>", ISSUER_IN_TEXT_HELP)
  .option("--as-of <YYYY-MM-DD>", "ngày ghi trên báo cáo")
  .option("-q, --quiet", "không in tóm tắt")
  .action(runCommand(async (o) => withFlags((await import("../actions/rollup.js")).rollupCommand, o)));
