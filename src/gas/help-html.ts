/** The "Hướng dẫn" dialog: what units and the Văn phòng do, and what the colours mean. */
import { legendEntries } from "./highlight-rules.js";

/** HTML of the help dialog. */
export function renderHelp(): string {
  const legend = legendEntries({ deadline: "2000-01-01" })
    .slice(1)
    .map((l) => `<li><span class="sw" style="background:${l.background}"></span>${l.text}</li>`)
    .join("");
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><base target="_top"><style>
body{font-family:Arial,sans-serif;font-size:14px;line-height:1.45;margin:8px 16px;color:#202124}
h3{margin:14px 0 6px}.sw{display:inline-block;width:14px;height:14px;border:1px solid #999;margin-right:8px;vertical-align:-2px}
ul,ol{padding-left:20px}li{margin:3px 0}
</style></head><body>
<h3>Đơn vị nhập báo cáo</h3>
<ol>
<li>Mở trang của kỳ báo cáo (ví dụ "Quý I năm 2024"), tìm dòng của đơn vị mình. Mỗi đơn vị chỉ sửa được dòng của mình.</li>
<li>Nhập số liệu vào từng cột. Số viết kiểu Việt Nam: 1.234 là một nghìn hai trăm ba mươi tư, 1,5 là một phẩy năm. Không ghi chữ vào ô số.</li>
<li>Ô nhập sai có tam giác đen ở góc: di chuột vào để xem lỗi và cách sửa. Sửa xong, ghi chú tự mất.</li>
<li>Kiểm tra xong, tích ô <b>Xác nhận gửi</b>: thời gian gửi được ghi tự động. Muốn sửa lại, bỏ tích, sửa rồi tích lại.</li>
</ol>
<h3>Văn phòng</h3>
<ol>
<li><b>Thiết lập bảng tính</b>: lần đầu tạo trang "Cấu hình" và các trang kỳ báo cáo. Sau khi sửa "Cấu hình" (thêm đơn vị, chỉ tiêu, đổi hạn nộp), chạy lại: số liệu đã nhập được giữ nguyên.</li>
<li><b>Kiểm tra dữ liệu</b>: ghi chú lại mọi ô sai của kỳ đang mở.</li>
<li><b>Tổng hợp báo cáo</b>: lập trang "Tổng hợp" và tải tệp Excel báo cáo (Báo cáo, Phụ lục I, Phụ lục II) về máy.</li>
</ol>
<h3>Ý nghĩa màu</h3><ul>${legend}</ul>
</body></html>`;
}
