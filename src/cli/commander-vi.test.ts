import { describe, expect, it } from "vitest";
import { addHelpHints, translateCommanderError, usageExitCode, vietnameseProgram } from "./commander-vi.js";

describe("translateCommanderError", () => {
  it("names an unknown command and keeps commander's suggestion", () => {
    expect(translateCommanderError("error: unknown command 'compil'\n(Did you mean compile?)")).toBe(
      'không có lệnh "compil". Có phải là compile?',
    );
  });
  it("names a missing required option by its flags", () => {
    expect(translateCommanderError("error: required option '-p, --period <kỳ>' not specified")).toBe(
      "thiếu tùy chọn bắt buộc -p, --period <kỳ>.",
    );
  });
  it("says an option needs a value", () => {
    expect(translateCommanderError("error: option '-u, --unit <mã>' argument missing")).toContain(
      "-u, --unit <mã> cần có giá trị",
    );
  });
  it("explains excess arguments as an unquoted file pattern", () => {
    const m = translateCommanderError("error: too many arguments for 'compile'. Expected 0 arguments but got 3.");
    expect(m).toMatch(/^lệnh compile có 3 giá trị thừa/);
    expect(m).toContain('-i "email/*.xlsx"');
  });
  it("keeps an unknown message after a Vietnamese lead instead of dropping it", () => {
    expect(translateCommanderError("error: something new")).toBe("tham số dòng lệnh chưa đúng (something new).");
  });
});

describe("usageExitCode", () => {
  it("exits 0 after help and 2 after a usage error, like every other failure", () => {
    expect(usageExitCode(0)).toBe(0);
    expect(usageExitCode(1)).toBe(2);
  });
});

describe("vietnameseProgram", () => {
  const program = () => {
    const p = vietnameseProgram("tong-hop");
    p.command("compile")
      .description("Tổng hợp")
      .requiredOption("-p, --period <kỳ>", "mã kỳ")
      .option("-i, --input <nguồn>", "tệp", (v: string, prev: string[]) => [...prev, v], [])
      .option("--out-dir <thư mục>", "thư mục", "out");
    return addHelpHints(p);
  };
  it("writes help headings, usage terms and defaults in Vietnamese", () => {
    const p = program();
    const help = p.commands[0].helpInformation();
    expect(help).toContain("Cách dùng: tong-hop compile [tùy chọn]");
    expect(help).toContain("Tùy chọn:");
    expect(help).toMatch(/-h, --help +xem hướng dẫn/);
    expect(help).toContain('(mặc định: "out")');
    expect(help).not.toMatch(/Usage|Options|display help|default:|\[\]/);
    expect(p.helpInformation()).toMatch(/Lệnh:[\s\S]*help \[lệnh\]\s+xem hướng dẫn của một lệnh/);
  });
  it("points a usage error at the sub-command's own help", () => {
    const p = program();
    let err = "";
    p.commands[0].configureOutput({ writeErr: (s) => (err += s) });
    p.commands[0].exitOverride();
    expect(() => p.parse(["node", "tong-hop", "compile"])).toThrow();
    expect(err).toBe(
      "Lỗi: Thiếu tùy chọn bắt buộc -p, --period <kỳ>.\n(gõ tong-hop compile --help để xem hướng dẫn)\n",
    );
  });
});
