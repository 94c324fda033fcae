/** Vietnamese messages for file-system errors (file open in Excel, read-only, a folder given as a file…). */

/** A Node file-system error's fields we use. */
type FsError = { code?: string; path?: string; syscall?: string };

/**
 * The message (first line) and what to do (second line) for a Node file-system error, or
 * undefined when `e` is not one we know. Names the path when Node gives it.
 */
export function fsErrorMessage(e: unknown): string | undefined {
  if (!e || typeof e !== "object" || typeof (e as FsError).code !== "string") return undefined;
  const { code, path, syscall } = e as FsError;
  const p = path ? ` "${path}"` : "";
  // "open" serves reads and writes alike, so it can only be called opening.
  const access =
    syscall === "open"
      ? "mở"
      : syscall === "write" || syscall === "mkdir" || syscall === "rename" || syscall === "unlink"
        ? "ghi"
        : "đọc";
  switch (code) {
    case "ENOENT":
      return `Không tìm thấy tệp hoặc thư mục${p}.\n  - Kiểm tra lại đường dẫn (chữ có dấu, dấu cách cần đặt trong ngoặc kép).`;
    case "EISDIR":
      return `Đường dẫn${p} là một thư mục, không phải tệp.\n  - Ghi tên tệp cụ thể, ví dụ ${path ? `"${path.replace(/[\\/]+$/, "")}/bao-cao.xlsx"` : "thu-muc/bao-cao.xlsx"}.`;
    case "ENOTDIR":
      return `Đường dẫn${p} có một phần là tệp chứ không phải thư mục.\n  - Kiểm tra lại đường dẫn thư mục.`;
    case "EBUSY":
      return `Tệp${p} đang được một chương trình khác mở (thường là Excel).\n  - Đóng tệp trong Excel rồi chạy lại, hoặc ghi ra tên tệp khác.`;
    case "EACCES":
    case "EPERM":
      return `Không có quyền ${access}${p}.\n  - Nếu tệp đang mở trong Excel, hãy đóng lại; nếu tệp hoặc thư mục chỉ cho đọc, hãy chọn nơi khác (ví dụ thư mục Tài liệu).`;
    case "EROFS":
      return `Không ghi được${p}: ổ đĩa chỉ cho đọc.\n  - Chọn thư mục trên ổ đĩa khác.`;
    case "ENOSPC":
      return `Không ghi được${p}: ổ đĩa đã đầy.\n  - Giải phóng dung lượng hoặc ghi ra ổ đĩa khác.`;
    case "ENAMETOOLONG":
      return `Đường dẫn${p} quá dài.\n  - Chọn thư mục có đường dẫn ngắn hơn.`;
    default:
      return undefined;
  }
}
