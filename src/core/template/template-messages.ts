/** Turns zod issues on a template into Vietnamese messages that name the path and the fix. */
import type { z } from "zod";

/** Formats a path as `indicators[3].max`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(gốc)";
}

const TYPE_VN: Record<string, string> = {
  string: "một chuỗi chữ",
  number: "một số",
  int: "một số nguyên",
  boolean: "true hoặc false",
  array: "một danh sách [ … ]",
  object: "một đối tượng { … }",
};

/** One Vietnamese line for one zod issue. */
export function issueToVietnamese(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type":
      // zod 4 leaves `input` out of issues unless asked to (parseTemplate asks): without it, a
      // missing entry is known by its message, worded by the Vietnamese locale.
      if ("input" in i ? i.input === undefined : /nhận được undefined$/.test(issue.message))
        return `${where}: thiếu mục bắt buộc. Hãy thêm "${String(issue.path[issue.path.length - 1])}" (${TYPE_VN[String(i.expected)] ?? String(i.expected)}).`;
      return `${where}: phải là ${TYPE_VN[String(i.expected)] ?? String(i.expected)}. Hãy sửa lại giá trị này.`;
    case "too_small":
      if (i.origin === "array") return `${where}: danh sách phải có ít nhất ${String(i.minimum)} mục. Hãy bổ sung.`;
      if (i.origin === "string") return `${where}: không được để trống. Hãy nhập nội dung.`;
      return `${where}: phải từ ${String(i.minimum)} trở lên. Hãy sửa lại.`;
    case "too_big":
      return `${where}: phải không quá ${String(i.maximum)}. Hãy sửa lại.`;
    case "invalid_value":
      return `${where}: chỉ nhận một trong các giá trị ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(", ")}. Hãy chọn một giá trị trong danh sách.`;
    case "unrecognized_keys":
      return `${where}: có mục không được hỗ trợ (${(i.keys as string[]).join(", ")}). Hãy kiểm tra lỗi chính tả hoặc xóa mục đó.`;
    default:
      break;
  }
  switch (issue.message) {
    case "date":
      return `${where}: ngày phải viết dạng YYYY-MM-DD và là ngày có thật (ví dụ "2023-05-05"). Hãy sửa lại.`;
    case "key":
      return `${where}: mã khóa chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ "tin_bai_website"). Hãy đặt lại.`;
    case "email":
      return `${where}: địa chỉ email không hợp lệ. Hãy sửa thành dạng ten@donvi.edu.vn.`;
    default:
      return `${where}: giá trị không hợp lệ (${issue.message}). Hãy sửa lại.`;
  }
}
