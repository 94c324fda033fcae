/** Help texts and parsers of the flags several commands share (the sources of compile and validate, --as-of). */

/** A repeatable option's parser: each use adds one value. */
export const collect = (v: string, prev: string[]): string[] => [...prev, v];

export const TEMPLATE_HELP =
  "tên mẫu kế hoạch hoặc đường dẫn tệp .json (bỏ trống khi dùng --sheet: lấy trang Cấu hình của bảng tính)";
export const SHEET_HELP = "bảng tính Google: đường dẫn hoặc mã (lặp lại được, dùng cùng --input được)";
export const CREDENTIALS_HELP =
  "tệp khóa tài khoản dịch vụ Google (mặc định: GOOGLE_APPLICATION_CREDENTIALS, rồi tong-hop login)";
export const INPUT_HELP = "tệp .xlsx, thư mục hoặc mẫu *.xlsx (lặp lại được)";
export const AS_OF_HELP = "ngày dùng để xét hạn nộp (mặc định: hôm nay)";

/** Help text of --docx (compile, rollup). */
export const DOCX_HELP = "tệp Báo cáo Word .docx sẽ tạo (văn bản gửi UBND; số liệu chi tiết ở tệp Excel --out)";
