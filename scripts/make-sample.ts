/** Generates samples/ttdn-2023_sau_thang_2023.json: a seeded, realistic sample showing every case of the report. */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CellValue } from "../src/core/model/cell.js";
import { COLUMN_KEYS, taskDateKey, taskStatusKey, textKey } from "../src/core/template/columns.js";
import { parseTemplate } from "../src/core/template/template.js";
import type { Template, Unit } from "../src/core/model/template-schema.js";

const TEMPLATE = fileURLToPath(new URL("../sheets-templates/ttdn-2023.json", import.meta.url));
const OUT = fileURLToPath(new URL("../samples/ttdn-2023_sau_thang_2023.json", import.meta.url));
const PERIOD = "sau_thang_2023";
const AS_OF = "2023-05-10";
const SEED = 20230505;

/** Units with no row at all: "chưa nộp (quá hạn)" on 10/5. */
export const MISSING = [
  "PGD-BACHLONGVI",
  "THPT-QUOCTUAN",
  "THPT-NHUVANLAN",
  "THPT-CATHAI",
  "GDNNGDTX-DOSON",
  "GDNNGDTX-CATHAI",
];

/** Units that submitted after the 05/5/2023 deadline, with their submission time. */
export const LATE: Record<string, string> = {
  "THPT-TOANTHANG": "06/05/2023 07:45",
  "THPT-LEICHMOC": "06/05/2023 08:20",
  "PGD-KIENTHUY": "08/05/2023 09:15",
  "GDNNGDTX-TIENLANG": "08/05/2023 10:05",
  "THPT-CONGHIEN": "09/05/2023 16:30",
};

/** Units that filled their row but did not tick "Xác nhận gửi" (one unticked after sending). */
export const DRAFTS: Record<string, string | null> = {
  "THPT-ANHAI": null,
  "PGD-ANLAO": null,
  "THPT-TRANTATVAN": null,
  "GDNNGDTX-KIENAN": "04/05/2023 15:10",
};

/** Entries a unit typed that the compiler must refuse (and list in Phụ lục II). */
export const BAD_VALUES: Record<string, Record<string, CellValue>> = {
  "THPT-THUYHUONG": { tin_bai_website: "12 bài" },
  "THPT-PHAMNGULAO": { nguoi_tap_huan: -45 },
  // The number of participants typed into the "classes" column.
  "THPT-KIENTHUY": { lop_tap_huan: 120 },
  "GDNNGDTX-ANLAO": { guong_dien_hinh: "khoảng 5" },
  "THPT-DOSON": { muc_do: "Rất tốt" },
  // A required indicator left empty.
  "THPT-HUNGTHANG": { co_ke_hoach: undefined },
};

/** Vietnamese-style numbers that are valid and must be read as written. */
export const VN_NUMBERS: Record<string, Record<string, CellValue>> = {
  "PGD-THUYNGUYEN": { lop_tap_huan: 2, nguoi_tap_huan: "1.234" },
  "PGD-LECHAN": { kinh_phi: "12,5" },
  "THPT-NGOQUYEN": { kinh_phi: "3,5" },
};

/** III.1.1 (due 31/3/2023): done after the deadline, or still open. */
const PLAN_DONE_LATE: Record<string, string> = {
  "PGD-TIENLANG": "05/04/2023",
  "THPT-CATBA": "12/04/2023",
  "GDNNGDTX-VINHBAO": "20/04/2023",
};
const PLAN_OPEN: Record<string, string> = {
  "THPT-HUNGTHANG": "Đang thực hiện",
  "THPT-TOANTHANG": "Chưa thực hiện",
  "GDNNGDTX-TIENLANG": "Đang thực hiện",
};

/** Free texts a few units wrote. */
const TEXTS: Record<string, { noi_bat?: string; kho_khan?: string; de_xuat?: string }> = {
  "THPT-TRANPHU": {
    noi_bat:
      'Tổ chức giao lưu trực tuyến với học sinh trường đối tác nước ngoài nhân dịp Tết Nguyên đán Quý Mão; chuyên mục "Gương sáng Trần Phú" đăng 18 bài giới thiệu học sinh đạt giải học sinh giỏi quốc gia năm học 2022-2023.',
    de_xuat:
      "Đề nghị Sở tạo điều kiện để nhà trường mở rộng hợp tác, trao đổi học sinh với các trường đối tác nước ngoài.",
  },
  "PGD-NGOQUYEN": {
    noi_bat:
      "Phối hợp Báo Hải Phòng đăng loạt 05 bài về triển khai Chương trình giáo dục phổ thông 2018 tại các trường trên địa bàn quận.",
  },
  "PGD-THUYNGUYEN": {
    noi_bat:
      "Tổ chức 02 lớp tập huấn về thông tin đối ngoại và sử dụng mạng xã hội an toàn cho 1.234 lượt cán bộ, giáo viên các trường mầm non, tiểu học, THCS trên địa bàn huyện.",
    de_xuat:
      "Đề nghị Sở cung cấp tài liệu tuyên truyền về ASEAN và chủ quyền biển, đảo để các trường sử dụng thống nhất.",
  },
  "PGD-CATHAI": {
    kho_khan: "Cán bộ phụ trách thông tin đối ngoại kiêm nhiệm nhiều việc, chưa được bồi dưỡng chuyên sâu.",
    de_xuat:
      "Đề nghị Sở tổ chức lớp tập huấn về kỹ năng phát ngôn và cung cấp thông tin cho báo chí trong Quý III/2023, có hình thức trực tuyến cho các đơn vị ở huyện đảo.",
  },
  "PGD-KIENTHUY": {
    kho_khan:
      "Kinh phí cho hoạt động thông tin đối ngoại chưa được bố trí riêng, phải lồng ghép với kinh phí hoạt động chuyên môn.",
  },
  "THPT-THAIPHIEN": {
    noi_bat:
      "Tổ chức chuyên đề tuyên truyền kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam và hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam 21/4.",
  },
  "THPT-CATBA": {
    noi_bat:
      'Tổ chức hoạt động ngoại khóa "Em yêu biển, đảo quê hương" gắn với tuyên truyền chủ quyền biển, đảo cho toàn thể học sinh.',
    kho_khan:
      "Đường truyền Internet trên đảo chưa ổn định, việc cập nhật tin, bài lên trang thông tin điện tử còn chậm.",
    de_xuat: "Đề nghị Sở hỗ trợ nâng cấp đường truyền Internet cho các trường trên đảo Cát Bà.",
  },
  "THPT-LEQUYDON": {
    kho_khan: "Chưa có quy trình phối hợp khi phát hiện thông tin sai lệch về nhà trường trên mạng xã hội.",
    de_xuat:
      "Đề nghị Sở ban hành hướng dẫn quy trình tiếp nhận, xử lý thông tin sai lệch liên quan đến ngành trên mạng xã hội.",
  },
  "THPT-HUNGTHANG": {
    kho_khan:
      "Nhà trường chưa ban hành kế hoạch thông tin đối ngoại do thay đổi cán bộ phụ trách; đang hoàn thiện để ban hành trong tháng 5/2023.",
  },
  "GDNNGDTX-TIENLANG": {
    kho_khan: "Trang thông tin điện tử của Trung tâm dùng nền tảng cũ, thường xuyên lỗi, chưa có kinh phí nâng cấp.",
    de_xuat: "Đề nghị Sở hỗ trợ nâng cấp trang thông tin điện tử theo mẫu thống nhất của ngành.",
  },
  "TT-GDTXHP": {
    noi_bat:
      "Duy trì lớp tiếng Việt cho lưu học sinh Lào; tổ chức giao lưu văn hóa nhân dịp Tết cổ truyền Bunpimay của nước bạn Lào.",
  },
};

/** Lao and Cambodian students hosted (everyone else reports 0). */
const FOREIGN_STUDENTS: Record<string, number> = { "TT-GDTXHP": 12 };

/** Deterministic PRNG (mulberry32) so the committed sample is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ranges {
  tin: [number, number];
  chuyenMuc: [number, number];
  guong: [number, number];
  baoChi: [number, number];
  lop: [number, number];
  /** Share of units that organised any class themselves in the period. */
  lopChance: number;
  nguoiLop: [number, number];
  quocTe: [number, number];
  suKien: [number, number];
  kinhPhi: [number, number];
}

/** Plausible sizes over 15/12/2022 – 30/4/2023, per unit group. */
const RANGES: Record<string, Ranges> = {
  PGD: {
    tin: [60, 180],
    chuyenMuc: [1, 4],
    guong: [5, 25],
    baoChi: [2, 10],
    lop: [1, 2],
    lopChance: 0.6,
    nguoiLop: [150, 900],
    quocTe: [0, 3],
    suKien: [6, 20],
    kinhPhi: [5, 40],
  },
  THPT: {
    tin: [12, 55],
    chuyenMuc: [1, 3],
    guong: [2, 12],
    baoChi: [0, 3],
    lop: [1, 1],
    lopChance: 0.15,
    nguoiLop: [40, 110],
    quocTe: [0, 2],
    suKien: [3, 12],
    kinhPhi: [0, 8],
  },
  "GDNN-GDTX": {
    tin: [6, 22],
    chuyenMuc: [0, 2],
    guong: [1, 6],
    baoChi: [0, 1],
    lop: [1, 1],
    lopChance: 0,
    nguoiLop: [0, 0],
    quocTe: [0, 1],
    suKien: [2, 8],
    kinhPhi: [0, 4],
  },
  "TRUC-THUOC": {
    tin: [20, 40],
    chuyenMuc: [1, 2],
    guong: [2, 8],
    baoChi: [1, 4],
    lop: [1, 1],
    lopChance: 0.5,
    nguoiLop: [30, 60],
    quocTe: [1, 4],
    suKien: [4, 10],
    kinhPhi: [3, 15],
  },
};

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Phan", "Đinh"];
const MIDDLE = ["Thị", "Văn", "Thị Thu", "Đức", "Thị Minh", "Hữu", "Thị Thanh", "Quang", "Thị Hồng", "Minh"];
const GIVEN = [
  "Hà",
  "Hương",
  "Minh",
  "Tuấn",
  "Lan",
  "Dũng",
  "Hằng",
  "Thảo",
  "Hải",
  "Nga",
  "Phương",
  "Trang",
  "Hùng",
  "Yến",
  "Long",
];

const pad = (n: number) => String(n).padStart(2, "0");
/** "dd/mm/2023" for a day of year 2023 given as month and day. */
const vnDay = (m: number, d: number) => `${pad(d)}/${pad(m)}/2023`;

/** Builds the sample rows for `t` (the ttdn-2023 template). */
export function makeSample(t: Template): {
  template: string;
  period: string;
  asOf: string;
  rows: Record<string, CellValue>[];
} {
  const r = rng(SEED);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const dayBetween = (m1: number, d1: number, m2: number, d2: number) => {
    const a = Date.UTC(2023, m1 - 1, d1);
    const b = Date.UTC(2023, m2 - 1, d2);
    const d = new Date(a + Math.floor(r() * ((b - a) / 86_400_000 + 1)) * 86_400_000);
    return vnDay(d.getUTCMonth() + 1, d.getUTCDate());
  };

  const rows: Record<string, CellValue>[] = [];
  for (const u of t.units) {
    const g = RANGES[u.group];
    // Draw for every unit, even missing ones, so changing one case does not reshuffle the others.
    const row: Record<string, CellValue> = { [COLUMN_KEYS.unitCode]: u.code };
    const lop = r() < g.lopChance ? int(...g.lop) : 0;
    const found = int(0, 10) >= 8 ? int(1, 2) : 0;
    Object.assign(row, {
      tin_bai_website: int(...g.tin),
      chuyen_muc: int(...g.chuyenMuc),
      guong_dien_hinh: int(...g.guong),
      cung_cap_bao_chi: int(...g.baoChi),
      lop_tap_huan: lop,
      nguoi_tap_huan: lop > 0 ? int(...g.nguoiLop) : int(1, 6),
      hoat_dong_quoc_te: int(...g.quocTe),
      su_kien_tuyen_truyen: int(...g.suKien),
      luu_hoc_sinh: FOREIGN_STUDENTS[u.code] ?? 0,
      tin_sai_phat_hien: found,
      // Not every piece of false information found is dealt with within the period.
      tin_sai_xu_ly: found > 0 && r() < 0.25 ? found - 1 : found,
      co_ke_hoach: !(u.code in PLAN_OPEN),
      kinh_phi: Math.round((g.kinhPhi[0] + r() * (g.kinhPhi[1] - g.kinhPhi[0])) * 2) / 2,
      muc_do: r() < 0.55 ? "Tốt" : r() < 0.8 ? "Khá" : "Trung bình",
    });
    Object.assign(row, taskCells(t, u, { int, pick, dayBetween, r }));
    for (const [k, v] of Object.entries(TEXTS[u.code] ?? {})) row[textKey(k)] = v;
    row[COLUMN_KEYS.reporter] = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    row[COLUMN_KEYS.phone] =
      r() < 0.5 ? `0225 3${int(600, 899)} ${int(100, 999)}` : `09${int(10, 89)} ${int(100, 999)} ${int(100, 999)}`;
    const onTime = `${dayBetween(4, 27, 5, 5)} ${pad(int(7, 17))}:${pad(int(0, 59))}`;
    if (u.code in DRAFTS) {
      row[COLUMN_KEYS.submitted] = false;
      if (DRAFTS[u.code]) row[COLUMN_KEYS.submittedAt] = DRAFTS[u.code];
    } else {
      row[COLUMN_KEYS.submitted] = true;
      row[COLUMN_KEYS.submittedAt] = LATE[u.code] ?? onTime;
    }
    Object.assign(row, VN_NUMBERS[u.code] ?? {}, BAD_VALUES[u.code] ?? {});
    for (const k of Object.keys(row)) if (row[k] === undefined) delete row[k];
    if (!MISSING.includes(u.code)) rows.push(row);
  }
  // One unit submitted just before the deadline ends (23:59:59 of 05/5): still on time.
  const lastMinute = rows.find((x) => x.ma_don_vi === "THPT-VINHBAO");
  if (lastMinute) lastMinute[COLUMN_KEYS.submittedAt] = "05/05/2023 23:40";
  return { template: "ttdn-2023", period: PERIOD, asOf: AS_OF, rows };
}

interface Draw {
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  dayBetween: (m1: number, d1: number, m2: number, d2: number) => string;
  r: () => number;
}

/** Status and completion date of every task the unit's group reports on. */
function taskCells(t: Template, u: Unit, d: Draw): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  const set = (code: string, status: string | null, date?: string) => {
    if (status) out[taskStatusKey(code)] = status;
    if (date) out[taskDateKey(code)] = date;
  };
  for (const task of t.tasks) {
    if (task.groups && !task.groups.includes(u.group)) continue;
    const x = d.r();
    switch (task.code) {
      case "III.1.1":
        if (u.code in PLAN_OPEN) set(task.code, PLAN_OPEN[u.code]);
        else if (u.code in PLAN_DONE_LATE) set(task.code, "Hoàn thành", PLAN_DONE_LATE[u.code]);
        else set(task.code, "Hoàn thành", d.dayBetween(2, 10, 3, 28));
        break;
      case "III.1.2":
        if (x < 0.45) set(task.code, "Hoàn thành", d.dayBetween(3, 15, 4, 25));
        else set(task.code, x < 0.85 ? "Đang thực hiện" : "Chưa thực hiện");
        break;
      case "III.1.3":
        if (x < 0.15) set(task.code, "Hoàn thành", d.dayBetween(3, 20, 4, 25));
        else set(task.code, x < 0.6 ? "Đang thực hiện" : "Chưa thực hiện");
        break;
      default:
        // Ongoing tasks (III.2.x): mostly in progress, a few closed for the period, a few left blank.
        if (x < 0.85) set(task.code, "Đang thực hiện");
        else if (x < 0.95) set(task.code, "Hoàn thành", d.dayBetween(1, 15, 4, 28));
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t = parseTemplate(JSON.parse(readFileSync(TEMPLATE, "utf8")), "ttdn-2023.json");
  const sample = makeSample(t);
  writeFileSync(OUT, `${JSON.stringify(sample, null, 2)}\n`);
  process.stdout.write(`Đã ghi ${sample.rows.length} dòng vào ${OUT}\n`);
}
