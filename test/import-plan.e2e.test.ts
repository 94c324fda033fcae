/** End to end: the four real plans, a plan written for the tests, .docx input and the CLI command. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importPlan, type ImportPlanResult } from "../src/core/import-plan/import-plan.js";
import { templateInputSchema } from "../src/core/model/template-schema.js";
import { parseTemplate } from "../src/core/template/template.js";
import { taskDueDay } from "../src/core/compile/task-status.js";
import { importPlanCommand, readPlanText } from "../src/cli/actions/import-plan.js";

// The real plans live in ../shared (beside the checkout, in CI too); a copy under fixtures keeps a
// clone anywhere else testable.
const SHARED_PLANS = new URL("../../shared/plans/", import.meta.url);
const PLANS = existsSync(SHARED_PLANS) ? SHARED_PLANS : new URL("./fixtures/import-plan/plans/", import.meta.url);
const FIXTURES = new URL("./fixtures/import-plan/", import.meta.url);
const read = (dir: URL, name: string) => readFileSync(new URL(name, dir), "utf8");

interface Loaded {
  text: string;
  r: ImportPlanResult;
}

function load(dir: URL, name: string): Loaded {
  const text = read(dir, name);
  return { text, r: importPlan(text) };
}

function task(r: ImportPlanResult, code: string) {
  const t = r.template.tasks?.find((x) => x.code === code);
  if (!t) throw new Error(`no task ${code}`);
  return t;
}

/** The day a task is due once the template is resolved ("nam_2023" → its calendar end). */
function dueDay(r: ImportPlanResult, code: string): string | null {
  return taskDueDay(parseTemplate(r.template), task(r, code));
}

function flagged(r: ImportPlanResult): string[] {
  return [...new Set(r.review.filter((i) => i.kind === "needs-review" && i.code).map((i) => i.code as string))];
}

/** Every numbered task points at the source line holding its own number. */
function expectLinesPointAtMarkers({ text, r }: Loaded) {
  const src = text.split(/\r?\n/);
  for (const t of r.tasks.filter((x) => !x.synthesized)) {
    const marker = (t.planCode ?? t.code).split(".").pop()!;
    const lineText = src[t.line - 1].replace(/[#*\s]+/g, " ").trim();
    expect(lineText, `${t.code} at line ${t.line}`).toMatch(new RegExp(`^(\\d+\\.)*${marker.replace(".", "\\.")}[.)]`));
  }
}

function expectValid(r: ImportPlanResult) {
  const parsed = templateInputSchema.safeParse(r.template);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(() => parseTemplate(r.template)).not.toThrow();
  for (const p of r.template.periods) expect(p.id).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(r.template.indicators?.every((i) => i.proposed === true)).toBe(true);
}

describe("import-plan on 000 (Sở TTTT Hải Phòng, tuyên truyền Quyết định 628)", () => {
  const p = load(PLANS, "000_4c2f70d83e99c86f.txt");
  const { r } = p;

  it("produces a valid template", () => expectValid(r));

  it("reads the metadata: blank number, year-only date, issuer from the opening sentence", () => {
    expect(r.metadata).toMatchObject({
      number: "",
      symbol: "KH-STTTT",
      date: null,
      dateYear: 2020,
      place: "Hải Phòng",
      issuerName: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      issuerSource: "body",
    });
    expect(r.metadata.title).toMatch(
      /^Tuyên truyền thực hiện Quyết định số 628\/QĐ-TTg ngày 11\/05\/2020 của Thủ tướng Chính phủ/,
    );
    expect(r.metadata.signer).toMatchObject({ authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Lê Văn Kiên" });
    expect(r.metadata.distribution?.items).toHaveLength(10);
    expect(r.metadata.distribution?.items[0]).toBe("UBND thành phố");
    expect(r.metadata.distribution?.items[9]).toBe("Lưu: VT, P.TTBCXB");
  });

  it("finds the content items and the units assigned in Tổ chức thực hiện", () => {
    expect(r.template.tasks?.map((t) => t.code)).toEqual([
      "II.1",
      "II.2",
      "III.1",
      "III.2",
      "III.3",
      "III.4",
      "III.5",
      "III.6.1",
      "III.6.2",
      "III.6.3",
    ]);
    expect(task(r, "III.1").owner).toBe("Sở Giáo dục và Đào tạo");
    expect(task(r, "III.3").owner).toBe("Phòng Văn hoá và Thông tin các quận, huyện");
    expect(task(r, "III.6.1").owner).toBe("Phòng Thông tin, Báo chí và Xuất bản");
    expect(task(r, "III.6.3").owner).toBe("Thanh tra Sở");
    expect(task(r, "III.2").groups).toHaveLength(4);
    expect(task(r, "II.1").title).toMatch(/^Tiếp tục đẩy mạnh tuyên truyền, phổ biến/);
  });

  it("reads 'thường xuyên' where the duty says so", () => {
    expect(task(r, "III.1")).toMatchObject({ due: "thuong-xuyen", timeframe: "Thường xuyên" });
    expect(task(r, "III.6.1").due).toBe("thuong-xuyen");
  });

  it("reads 'báo cáo … khi có yêu cầu' as an on-demand period", () => {
    expect(r.template.periods.map((x) => x.id)).toEqual(["khi_co_yeu_cau_2020"]);
  });

  it("flags the content items that name no unit", () => {
    expect(flagged(r)).toEqual(expect.arrayContaining(["II.1", "II.2"]));
    expect(r.review.find((i) => i.code === "II.1" && i.kind === "needs-review")?.what).toContain(
      "chưa rõ đơn vị thực hiện",
    );
  });

  it("points every task at its source line", () => expectLinesPointAtMarkers(p));
});

describe("import-plan on 001 (Sở GDĐT Hải Phòng, thông tin đối ngoại 2023)", () => {
  const p = load(PLANS, "001_f3cdb2fb7e77d5b1.txt");
  const { r } = p;

  it("produces a valid template", () => expectValid(r));

  it("reads the metadata of a plan without a header block", () => {
    expect(r.metadata).toMatchObject({
      number: "",
      symbol: "",
      date: null,
      title: "Công tác thông tin đối ngoại Ngành Giáo dục và Đào tạo năm 2023",
      years: [2023],
      issuerName: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    });
    expect(r.metadata.signer?.name).toBe("Phạm Quốc Hiệu");
    expect(r.metadata.distribution?.items).toHaveLength(10);
    expect(r.template.plan).toMatchObject({
      title: "Kết quả thực hiện công tác thông tin đối ngoại Ngành Giáo dục và Đào tạo năm 2023",
      recipient: "Ủy ban nhân dân thành phố Hải Phòng",
      place: "Hải Phòng",
      issuer: { parent: "UBND THÀNH PHỐ HẢI PHÒNG" },
    });
  });

  it("finds the tasks, renumbering the repeated '2.' of part II", () => {
    expect(r.template.tasks?.map((t) => t.code)).toEqual([
      "II.1",
      "II.2",
      "II.3.a",
      "II.3.b",
      "III.1.1",
      "III.1.2",
      "III.1.3",
      "III.2.1",
      "III.2.2",
      "III.2.3",
      "III.2.4",
      "III.2.5",
    ]);
    expect(r.tasks.find((t) => t.code === "II.3.a")?.planCode).toBe("II.2.a");
    expect(flagged(r)).toEqual(expect.arrayContaining(["II.3.a", "II.3.b"]));
    expect(task(r, "III.1.1").title).toBe("Xây dựng kế hoạch hoạt động thông tin đối ngoại");
  });

  it("turns the timeframes into due days", () => {
    expect(task(r, "II.1")).toMatchObject({
      owner: "Sở Giáo dục và Đào tạo",
      timeframe: "Quý III năm 2023",
      due: "2023-09-30",
    });
    expect(task(r, "III.1.3")).toMatchObject({ timeframe: "dự kiến Quý III, năm 2023", due: "2023-09-30" });
    expect(task(r, "III.1.1").timeframe).toBe("Trong năm 2023");
    expect(dueDay(r, "III.1.1")).toBe("2023-12-31");
    expect(dueDay(r, "III.1.2")).toBe("2023-12-31");
    expect(r.tasks.find((t) => t.code === "III.1.3")?.coordinator).toBe("Sở Thông tin và Truyền thông");
  });

  it("reads 'định kỳ hàng quý, 6 tháng (05/5), hàng năm (05/11)'", () => {
    const byId = Object.fromEntries(r.template.periods.map((x) => [x.id, x]));
    expect(Object.keys(byId).sort()).toEqual([
      "nam_2023",
      "quy_1_2023",
      "quy_2_2023",
      "quy_3_2023",
      "quy_4_2023",
      "sau_thang_2023",
    ]);
    expect(byId.sau_thang_2023).toMatchObject({ kind: "half", deadline: "2023-05-05", label: "6 tháng đầu năm 2023" });
    expect(byId.nam_2023).toMatchObject({ kind: "year", deadline: "2023-11-05", label: "Năm 2023" });
    expect(byId.quy_1_2023).toMatchObject({ kind: "quarter", label: "Quý I năm 2023" });
  });

  it("takes the reporting units from the regime and Tổ chức thực hiện, with placeholder units", () => {
    expect(r.template.unitGroups.map((g) => g.name)).toEqual([
      "Phòng Giáo dục và Đào tạo quận, huyện",
      "Các đơn vị giáo dục",
    ]);
    expect(r.template.units.map((u) => u.group)).toEqual(r.template.unitGroups.map((g) => g.code));
    expect(task(r, "III.2.1").owner).toBe("Phòng Giáo dục và Đào tạo quận, huyện, các đơn vị giáo dục");
  });

  it("points every task at its source line", () => expectLinesPointAtMarkers(p));
});

describe("import-plan on 002 (Sở GDĐT Hải Phòng, hợp tác truyền thông 2022)", () => {
  const p = load(PLANS, "002_8308c1cbe01e95e6.txt");
  const { r } = p;

  it("produces a valid template", () => expectValid(r));

  it("reads markdown-formatted metadata", () => {
    expect(r.metadata).toMatchObject({
      number: "",
      symbol: "KH-SGDĐT",
      dateYear: 2022,
      title: "Hợp tác truyền thông với các cơ quan báo chí tuyên truyền, quảng bá về thành phố Hải Phòng năm 2022",
    });
    expect(r.metadata.signer).toMatchObject({
      authority: "KT. GIÁM ĐỐC",
      title: "PHÓ GIÁM ĐỐC",
      name: "Phạm Quốc Hiệu",
    });
    expect(r.metadata.distribution?.items).toEqual([
      "Phòng GD&ĐT các quận/huyện",
      "Các cơ sở giáo dục trên địa bàn thành phố",
      "Lưu: VT",
    ]);
  });

  it("finds the numbered tasks and numbers the bullets of part III", () => {
    expect(r.template.tasks?.map((t) => t.code)).toEqual([
      "II.1",
      "II.2.1",
      "II.2.2",
      "II.2.3",
      "II.2.4",
      "III.1",
      "III.2",
      "III.3",
      "III.4",
    ]);
    expect(task(r, "II.2.2").title).toBe("Tuyên truyền về chuyển đổi số");
    expect(r.tasks.filter((t) => t.synthesized).map((t) => t.code)).toEqual(["III.1", "III.2", "III.3", "III.4"]);
  });

  it("falls back to one annual period when the plan states no regime, and says so", () => {
    expect(r.template.periods.map((x) => x.id)).toEqual(["nam_2022"]);
    expect(r.review.some((i) => i.kind === "needs-review" && i.what.includes("không nêu chế độ báo cáo"))).toBe(true);
    expect(dueDay(r, "II.1")).toBe("2022-12-31");
  });

  it("assigns the tasks to the educational units named in Tổ chức thực hiện", () => {
    expect(r.template.unitGroups.map((g) => g.name)).toEqual(["Các đơn vị giáo dục trên địa bàn thành phố"]);
    expect(task(r, "III.2").owner).toBe("Các đơn vị giáo dục trên địa bàn thành phố");
  });

  it("points every task at its source line", () => expectLinesPointAtMarkers(p));
});

describe("import-plan on 004 (UBND Hà Nội 231/KH-UBND, khuyến học)", () => {
  const p = load(PLANS, "004_fc54b56127298e5b.txt");
  const { r } = p;

  it("produces a valid template", () => expectValid(r));

  it("reads the tab-separated header and the all-capital title", () => {
    expect(r.metadata).toMatchObject({
      issuerName: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
      issuerParent: "",
      number: "231",
      symbol: "KH-UBND",
      date: "2020-12-01",
      place: "Hà Nội",
      signer: null,
    });
    expect(r.metadata.title).toMatch(
      /^Thông tin, tuyên truyền thực hiện Quyết định số 489\/QĐ-TTg ngày 08\/4\/2020 của Thủ tướng Chính phủ/,
    );
    expect(r.metadata.distribution?.items).toHaveLength(12);
    expect(r.metadata.distribution?.items[10]).toBe("VPUB: CVP, PCVP Đ.H.Giang; Các phòng: KGVX, TKBT");
  });

  it("reports through the body named after 'qua' and to the People's Committee", () => {
    expect(r.template.plan).toMatchObject({
      issuer: {
        parent: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
        name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        abbreviation: "STTTT",
      },
      recipient: "Ủy ban nhân dân thành phố Hà Nội",
      source: "Kế hoạch số 231/KH-UBND ngày 01/12/2020",
    });
  });

  it("finds one task per unit in Tổ chức thực hiện", () => {
    expect(r.template.tasks?.map((t) => t.code)).toEqual([
      "II.1",
      "II.2",
      "IV.1",
      "IV.2",
      "IV.3",
      "IV.4",
      "IV.5",
      "IV.6",
      "IV.7",
      "IV.8",
    ]);
    expect(task(r, "IV.3").owner).toBe("Sở Văn hóa và Thể thao");
    expect(task(r, "IV.6").owner).toBe("Ủy ban nhân dân quận, huyện, thị xã");
    expect(task(r, "IV.7").owner).toBe("Ban Tuyên giáo Thành ủy");
    expect(task(r, "IV.2").groups).toHaveLength(2);
  });

  it("reads 'Định kỳ hằng năm' as the regime and as every task's recurring timeframe", () => {
    expect(r.template.periods.map((x) => x.id)).toEqual(["nam_2020"]);
    expect(r.template.tasks?.every((t) => t.due === "thuong-xuyen" && t.timeframe === "Định kỳ hằng năm")).toBe(true);
  });

  it("flags the tasks without a unit and the one the compiling body does itself", () => {
    expect(flagged(r).sort()).toEqual(["II.1", "II.2", "IV.1"]);
  });

  it("points every task at its source line", () => expectLinesPointAtMarkers(p));
});

describe("import-plan on a plan written for the tests (header, milestones, references)", () => {
  const p = load(FIXTURES, "ke-hoach-mau.txt");
  const { r } = p;

  it("produces a valid template", () => expectValid(r));

  it("reads the full header", () => {
    expect(r.metadata).toMatchObject({
      issuerParent: "UBND THÀNH PHỐ HẢI PHÒNG",
      issuerName: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      number: "45",
      date: "2023-02-10",
      years: [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030],
    });
    expect(r.metadata.title).toBe("Triển khai công tác chuyển đổi số trong các cơ sở giáo dục giai đoạn 2023 - 2030");
  });

  it("reads owners, coordinators and timeframes", () => {
    expect(task(r, "II.1.1")).toMatchObject({
      owner: "Văn phòng Sở",
      due: "2023-03-31",
      timeframe: "Trong quý I/2023",
    });
    expect(task(r, "II.1.2").due).toBe("2023-06-30");
    expect(task(r, "II.2.a")).toMatchObject({ owner: "Phòng Giáo dục và Đào tạo các quận, huyện", due: "2024-05-31" });
    expect(task(r, "II.2.b").due).toBe("thuong-xuyen");
  });

  it("keeps follow-up duties of the office out of the tasks", () => {
    expect(r.template.tasks?.map((t) => t.code)).not.toContain("III.1");
  });

  it("reads 6-month and annual deadlines and the sơ kết / tổng kết milestones", () => {
    const byId = Object.fromEntries(r.template.periods.map((x) => [x.id, x]));
    expect(byId.sau_thang_2023.deadline).toBe("2023-06-15");
    expect(byId.nam_2025.deadline).toBe("2025-12-15");
    expect(byId.so_ket_2025).toMatchObject({ label: "Sơ kết 03 năm (2025)", kind: "custom" });
    expect(byId.tong_ket_2030).toMatchObject({ label: "Tổng kết (2030)", kind: "custom" });
    expect(r.review.some((i) => i.kind === "needs-review" && i.what.includes("5 năm đầu"))).toBe(true);
  });

  it("reports to the Sở and up to the People's Committee", () => {
    expect(r.template.plan.recipient).toBe("Ủy ban nhân dân thành phố Hải Phòng");
    expect(r.template.unitGroups.map((g) => g.name)).toEqual([
      "Phòng Giáo dục và Đào tạo các quận, huyện",
      "Các trường THPT",
      "Các trung tâm GDNN-GDTX",
    ]);
  });
});

// ---- .docx input ----

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const para = (line: string) =>
  `<w:p><w:r>${line
    .split("\t")
    .map((c) => `<w:t xml:space="preserve">${esc(c)}</w:t>`)
    .join("<w:tab/>")}</w:r></w:p>`;
const cell = (lines: string[]) => `<w:tc>${lines.map(para).join("")}</w:tc>`;
const table = (cols: string[][]) => `<w:tbl><w:tr>${cols.map(cell).join("")}</w:tr></w:tbl>`;

/** A minimal Word document whose body is `xml` (paragraphs and tables). */
async function docx(xml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("import-plan on .docx", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "import-plan-"));
  });

  it("imports a Word copy of a plan the same as its text", async () => {
    const text = read(PLANS, "001_f3cdb2fb7e77d5b1.txt");
    const file = join(dir, "001.docx");
    writeFileSync(file, await docx(text.split("\n").map(para).join("")));
    const fromWord = importPlan(await readPlanText(file));
    expect(fromWord.template).toEqual(importPlan(text).template);
  });

  it("reads the header and signature when Word lays them out in tables", async () => {
    const lines = read(FIXTURES, "ke-hoach-mau.txt").split("\n");
    const body = lines.slice(lines.indexOf("KẾ HOẠCH"), lines.indexOf("Nơi nhận:"));
    const xml = [
      table([
        ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 45/KH-SGDĐT"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hải Phòng, ngày 10 tháng 02 năm 2023"],
      ]),
      ...body.map(para),
      table([
        ["Nơi nhận:", "- UBND thành phố (để b/c);", "- Như mục III;", "- Lưu: VT, VP."],
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Nguyễn Văn An"],
      ]),
    ].join("");
    const file = join(dir, "mau.docx");
    writeFileSync(file, await docx(xml));
    const r = importPlan(await readPlanText(file));
    const fromText = importPlan(lines.join("\n"));
    expect(r.metadata).toMatchObject({
      issuerParent: "UBND THÀNH PHỐ HẢI PHÒNG",
      issuerName: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      number: "45",
      date: "2023-02-10",
      place: "Hải Phòng",
    });
    expect(r.metadata.signer).toMatchObject({
      authority: "KT. GIÁM ĐỐC",
      title: "PHÓ GIÁM ĐỐC",
      name: "Nguyễn Văn An",
    });
    expect(r.metadata.distribution?.items).toEqual(["UBND thành phố (để b/c)", "Như mục III", "Lưu: VT, VP"]);
    expect(r.template.tasks).toEqual(fromText.template.tasks);
    expect(r.template.periods).toEqual(fromText.template.periods);
  });
});

// ---- CLI command ----

describe("importPlanCommand", () => {
  let dir: string;
  let out: ReturnType<typeof vi.spyOn>;
  let printed = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "import-plan-cli-"));
    out = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
      printed += String(s);
      return true;
    });
  });
  afterAll(() => out.mockRestore());

  it("writes the template as 2-space JSON and the review list as text and JSON", async () => {
    const plan = join(dir, "plan.txt");
    writeFileSync(plan, read(PLANS, "001_f3cdb2fb7e77d5b1.txt"));
    const target = join(dir, "sheets-templates", "kh.json");
    const result = await importPlanCommand(plan, { out: target, review: join(dir, "review.txt") });
    const written = readFileSync(target, "utf8");
    expect(JSON.parse(written)).toEqual(result.template);
    expect(written).toContain('\n  "plan": {');
    const reviewText = readFileSync(join(dir, "review.txt"), "utf8");
    expect(reviewText).toContain(
      `Tìm thấy ${result.summary.tasks} nhiệm vụ, trong đó ${result.summary.tasksNeedingReview} nhiệm vụ cần xem lại.`,
    );
    expect(printed).toContain("CẦN NGƯỜI XEM LẠI");
    expect(printed).toContain(target);

    await importPlanCommand(plan, { out: join(dir, "b.json"), review: join(dir, "review.json") });
    expect(JSON.parse(readFileSync(join(dir, "review.json"), "utf8"))).toEqual(result.review);
  });

  it("refuses to overwrite an existing template unless forced", async () => {
    const plan = join(dir, "plan2.txt");
    writeFileSync(plan, read(PLANS, "002_8308c1cbe01e95e6.txt"));
    const target = join(dir, "exists.json");
    writeFileSync(target, "{}");
    await expect(importPlanCommand(plan, { out: target })).rejects.toThrow(/đã có/);
    expect(readFileSync(target, "utf8")).toBe("{}");
    await importPlanCommand(plan, { out: target, force: true });
    expect(JSON.parse(readFileSync(target, "utf8")).plan.source).toBe("Kế hoạch số …/KH-SGDĐT năm 2022");
  });

  it("explains in Vietnamese when the file is missing or of an unsupported kind", async () => {
    await expect(importPlanCommand(join(dir, "khong-co.txt"), {})).rejects.toThrow("Không tìm thấy tệp kế hoạch");
    const rtf = join(dir, "plan.rtf");
    writeFileSync(rtf, "{\\rtf1 Kế hoạch}");
    await expect(importPlanCommand(rtf, {})).rejects.toThrow(/\.docx, \.pdf hoặc \.txt/);
    const pdf = join(dir, "plan.pdf");
    writeFileSync(pdf, "%PDF");
    await expect(importPlanCommand(pdf, {})).rejects.toThrow("Không đọc được tệp PDF");
    const broken = join(dir, "broken.docx");
    writeFileSync(broken, "không phải tệp zip");
    await expect(importPlanCommand(broken, {})).rejects.toThrow("Không đọc được tệp Word");
    expect(existsSync(join(dir, "sheets-templates", "undefined.json"))).toBe(false);
  });
});
