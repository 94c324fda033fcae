/** `tong-hop demo` (npm start): its flags and help; the work (../actions/demo.ts) loads when it runs. */
import { Command } from "@commander-js/extra-typings";
import { runCommand, withFlags } from "../run-command.js";

/** The demo command. */
export const demoProgram = new Command("demo")
  .description("Tổng hợp bộ số liệu mẫu đi kèm (npm start)")
  .option("--out-dir <thư mục>", "thư mục ghi kết quả", "out")
  .action(runCommand(async (o) => withFlags((await import("../actions/demo.js")).demoCommand, o)));
