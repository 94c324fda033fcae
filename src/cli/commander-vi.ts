/** Vietnamese for what commander itself prints: usage errors, help headings, exit codes. */
import { Command, Help, type CommandUnknownOpts, type Option } from "@commander-js/extra-typings";

/** Help headings commander writes in English. */
const TITLES: Record<string, string> = {
  "Usage:": "Cách dùng:",
  "Options:": "Tùy chọn:",
  "Commands:": "Lệnh:",
  "Arguments:": "Tham số:",
  "Global Options:": "Tùy chọn chung:",
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const terms = (s: string) => s.replace(/\[options\]/g, "[tùy chọn]").replace(/\[command\]/g, "[lệnh]");

/** "(Did you mean compile?)" → " Có phải là compile?" */
function suggestion(rest: string): string {
  const m = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(rest);
  return m ? ` Có phải là ${m[1]}?` : "";
}

/**
 * Translates one error line of commander ("error: unknown option '--x'") into Vietnamese
 * naming what is wrong and what to do; an unknown shape keeps its text after a Vietnamese lead.
 */
export function translateCommanderError(message: string): string {
  const s = message.replace(/^error: /, "").trimEnd();
  let m: RegExpExecArray | null;
  if ((m = /^unknown command '(.*?)'([\s\S]*)$/.exec(s))) return `không có lệnh "${m[1]}".${suggestion(m[2])}`;
  if ((m = /^unknown option '(.*?)'([\s\S]*)$/.exec(s))) return `không có tùy chọn "${m[1]}".${suggestion(m[2])}`;
  if ((m = /^required option '(.*?)' not specified$/.exec(s))) return `thiếu tùy chọn bắt buộc ${m[1]}.`;
  if ((m = /^option '(.*?)' argument missing$/.exec(s))) return `tùy chọn ${m[1]} cần có giá trị ngay sau nó.`;
  if ((m = /^missing required argument '(.*?)'$/.exec(s))) return `thiếu tham số <${m[1]}>.`;
  if ((m = /^too many arguments(?: for '(.*?)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(s))) {
    const extra = Number(m[3]) - Number(m[2]);
    // The usual cause: an unquoted *.xlsx the shell expanded into many file names.
    return `${m[1] ? `lệnh ${m[1]}` : "tong-hop"} có ${extra} giá trị thừa không thuộc tùy chọn nào. Nếu dùng mẫu tên tệp, hãy đặt trong ngoặc kép (-i "email/*.xlsx"); nếu nhiều tệp, ghi -i trước mỗi tệp; đường dẫn có dấu cách cũng cần ngoặc kép.`;
  }
  return `tham số dòng lệnh chưa đúng (${s}).`;
}

/** The description of an option, with its default in Vietnamese and never an empty list's "[]". */
function optionDescription(o: Option): string {
  const d = o.defaultValue;
  const show = d !== undefined && typeof d !== "boolean" && !(Array.isArray(d) && d.length === 0);
  return show ? `${o.description} (mặc định: ${o.defaultValueDescription ?? JSON.stringify(d)})` : o.description;
}

/** Exit code for a usage error: 0 for help/version, otherwise 2 like every other failure. */
export function usageExitCode(commanderExitCode: number): number {
  return commanderExitCode === 0 ? 0 : 2;
}

/**
 * A program whose help, usage errors and exit codes are Vietnamese and consistent with the
 * rest of the CLI. Settings are inherited by sub-commands, so call this before `.command()`.
 */
export function vietnameseProgram(name: string): Command {
  const base = new Help();
  return new Command(name)
    .configureHelp({
      styleTitle: (t: string) => TITLES[t] ?? t,
      commandUsage: (c: CommandUnknownOpts) => terms(base.commandUsage(c)),
      subcommandTerm: (c: CommandUnknownOpts) => terms(base.subcommandTerm(c)),
      optionDescription,
    })
    .helpOption("-h, --help", "xem hướng dẫn")
    .helpCommand("help [lệnh]", "xem hướng dẫn của một lệnh")
    .configureOutput({ outputError: (s, write) => write(`Lỗi: ${capitalize(translateCommanderError(s))}\n`) })
    .exitOverride((err) => process.exit(usageExitCode(err.exitCode)));
}

/**
 * Adds sub-commands defined on their own (each file of ./commands), with the program's Vietnamese
 * settings: commander copies them only into sub-commands made by `.command()`.
 */
export function addCommands(program: Command, commands: CommandUnknownOpts[]): Command {
  for (const c of commands) program.addCommand(c.copyInheritedSettings(program));
  return program;
}

/** After the sub-commands are added: each usage error points at that command's own help. */
export function addHelpHints(program: Command): Command {
  program.showHelpAfterError(`(gõ ${program.name()} --help để xem hướng dẫn)`);
  for (const c of program.commands) c.showHelpAfterError(`(gõ ${program.name()} ${c.name()} --help để xem hướng dẫn)`);
  return program;
}
