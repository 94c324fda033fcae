/** `tong-hop login`: its flags and help; the work (../actions/login.ts) loads when it runs. */
import { Command } from "@commander-js/extra-typings";
import { runCommand, withFlags } from "../run-command.js";

const DESCRIPTION =
  "Đăng nhập tài khoản Google để --sheet đọc được bảng tính (mã đăng nhập lưu trong thư mục cấu hình)";
const CLIENT_HELP = "tệp OAuth client loại Desktop app tải từ Google Cloud Console (hoặc biến TONG_HOP_OAUTH_CLIENT)";

/** The login command. */
export const loginProgram = new Command("login")
  .description(DESCRIPTION)
  .option("--client <tệp.json>", CLIENT_HELP)
  .option("--no-browser", "không tự mở trình duyệt, chỉ in địa chỉ đăng nhập")
  .option("--logout", "xóa mã đăng nhập đã lưu")
  .action(runCommand(async (o) => withFlags((await import("../actions/login.js")).loginCommand, o)));
