/** The "Hướng dẫn" dialog: what units and the Văn phòng do, and what the colours mean. */
import { OFFICE_EDITORS_HEADER } from "../../core/template/config-grid.js";
import { legendEntries } from "../sheets/highlight-rules.js";

/** HTML of the help dialog. */
export function renderHelp(): string {
  const legend = legendEntries({ deadline: "2000-01-01" })
    .slice(1)
    .map((l) => `<li><span class="sw" style="background:${l.background}"></span>${l.text}</li>`)
    .join("");
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><base target="_top"><style>
body{font-family:Arial,sans-serif;font-size:14px;line-height:1.45;margin:8px 16px;color:#202124}
h3{margin:14px 0 6px}.sw{display:inline-block;width:14px;height:14px;border:1px solid #999;margin-right:8px;vertical-align:-2px}
ul,ol{padding-left:20px}li{margin:3px 0}code{background:#f1f3f4;padding:0 3px}
</style></head><body>
<h3>Đơn vị nhập báo cáo</h3>
<ol>
<li>Mở trang của kỳ báo cáo (ví dụ "Quý I năm 2024"), tìm dòng của đơn vị mình. Mỗi đơn vị chỉ sửa được dòng của mình.</li>
<li>Nhập số liệu vào từng cột. Số viết kiểu Việt Nam: 1.234 là một nghìn hai trăm ba mươi tư, 1,5 là một phẩy năm. Không ghi chữ vào ô số.</li>
<li>Ô nhập sai có tam giác đen ở góc: di chuột vào để xem lỗi và cách sửa. Sửa xong, ghi chú tự mất.</li>
<li>Kiểm tra xong, tích ô <b>Xác nhận gửi</b>: cột <b>Thời gian gửi</b> được Văn phòng ghi tự động (đơn vị không gõ hay dán đè được cột này).</li>
<li>Muốn sửa số liệu sau khi đã gửi: bỏ tích, sửa rồi tích lại. Khi bỏ tích, dòng trở lại chưa gửi và Thời gian gửi bị xóa; khi tích lại, Thời gian gửi là lúc tích lại (có thể thành nộp muộn nếu đã quá hạn). Trang "Nhật ký" vẫn giữ cả lần gửi trước, lần bỏ tích và lần tích lại, mỗi lần với thời điểm của nó.</li>
</ol>
<h3>Văn phòng</h3>
<ol>
<li><b>Thiết lập bảng tính</b>: lần đầu tạo trang "Cấu hình" và các trang kỳ báo cáo. Sau khi sửa "Cấu hình" (thêm đơn vị, chỉ tiêu, đổi hạn nộp), chạy lại: số liệu đã nhập được giữ nguyên. Thiết lập bật việc tự ghi Thời gian gửi, chạy bằng tài khoản của người bật (tên tài khoản ghi trong thông báo). Nếu người đó không còn quyền với bảng tính, lần Thiết lập sau của chủ sở hữu hoặc cán bộ Văn phòng báo điều đó và bật lại bằng tài khoản của họ.</li>
<li><b>Màn hình "Google chưa xác minh ứng dụng này"</b> (Google hasn't verified this app): lần đầu cấp quyền, tài khoản Gmail hoặc người ngoài tên miền của chủ sở hữu thấy màn hình cảnh báo này, vì bản mã là của riêng đơn vị chứ không đăng lên Google để xác minh. Nếu bảng tính là của Sở/Phòng và bạn tin người đã cài, bấm <b>Nâng cao</b> (Advanced) rồi <b>Đi tới … (không an toàn)</b> và <b>Cho phép</b>. Dùng tài khoản Google Workspace của cơ quan (cùng tên miền với chủ sở hữu) thì không gặp màn hình này.</li>
<li><b>Ai đã tích Xác nhận gửi</b>: Google chỉ cho bảng tính biết email người tích khi người đó cùng tên miền Google Workspace với chủ sở hữu; với tài khoản Gmail hoặc tên miền khác, trang "Nhật ký" ghi "Đơn vị &lt;mã&gt; (không rõ email)". Trường hợp không ghi được Thời gian gửi (việc tự ghi bị tắt, lỗi của Google), Tổng hợp lấy thời điểm trong "Nhật ký" nếu có; nếu không, đơn vị được liệt kê "đã xác nhận gửi nhưng chưa có thời gian gửi" trong trang "Tổng hợp" và Phụ lục II, không bị tính là nộp muộn.</li>
<li><b>Cán bộ Văn phòng</b>: ghi email của từng người vào dòng "${OFFICE_EDITORS_HEADER}" trong bảng KẾ HOẠCH của trang "Cấu hình" (cách nhau dấu ;), chia sẻ bảng tính cho họ rồi chạy lại <b>Thiết lập bảng tính</b>: họ sửa được mọi trang (kể cả dòng của đơn vị) và chạy được mọi mục của menu này. Xóa email khỏi dòng đó rồi chạy lại Thiết lập thì người đó mất quyền.</li>
<li><b>Kiểm tra dữ liệu</b>: ghi chú lại mọi ô sai của kỳ đang mở.</li>
<li><b>Tổng hợp báo cáo</b>: lập trang "Tổng hợp" và tải tệp báo cáo về máy bằng nút trong hộp thoại (tệp nằm sẵn trong hộp thoại, tải được cả khi trình duyệt đăng nhập nhiều tài khoản Google; nếu nút không tải được, bấm liên kết tên tệp ngay dưới nút). Mở một trang "Lưu trữ - …" rồi chạy mục này để tổng hợp lại kỳ đã lưu trữ, ra đúng số liệu như lúc lưu trữ. Bảng tính quá lớn (hàng chục nghìn đơn vị) không tổng hợp kịp trong 6 phút: khi đó có thông báo hướng dẫn tổng hợp trên máy tính bằng lệnh <code>tong-hop compile --sheet …</code> (nhờ cán bộ phụ trách kỹ thuật chạy).</li>
<li><b>Nhắc hạn nộp báo cáo</b>: xem trước danh sách đơn vị chưa nộp sẽ được nhắc (đơn vị, email người nhập, còn hay quá hạn bao nhiêu ngày), bấm <b>Có</b> để gửi email. Ngày nhắc lấy từ dòng "Nhắc hạn" trong trang "Cấu hình" (ví dụ <code>-3; 1; 3</code>: 3 ngày trước hạn, 1 và 3 ngày sau hạn). Mỗi đơn vị nhận nhiều nhất một email mỗi ngày cho mỗi kỳ; khi hết hạn mức email trong ngày của tài khoản (Gmail: 100 người nhận mỗi ngày), các email còn lại được giữ lại và gửi trước tiên ở lần nhắc sau.</li>
<li><b>Bật/tắt nhắc hạn tự động</b>: bảng tính tự gửi email nhắc hạn mỗi sáng (khoảng 7 giờ) vào đúng các ngày nhắc, bằng tài khoản của người bật. Chọn lại mục này để tắt; chỉ người đã bật tắt được (người khác được báo tên tài khoản đó, không bật thêm để đơn vị không nhận hai email).</li>
<li><b>Mở kỳ báo cáo mới</b>: khi một kỳ đã xong, chép toàn bộ số liệu của kỳ (cùng kết quả tổng hợp, người và thời điểm lưu trữ) sang trang "Lưu trữ - tên kỳ" chỉ Văn phòng sửa được, kiểm tra bản lưu trữ khớp rồi mới xóa trang nhập liệu của kỳ đó và mở trang của kỳ tiếp theo trong "Cấu hình". Lịch sử mọi kỳ được giữ trong bảng tính.</li>
<li><b>Nhật ký</b>: trang "Nhật ký" ghi lại mỗi lần tổng hợp, thiết lập, lưu trữ, nhắc hạn và xác nhận gửi: thời điểm, người làm, số lượng và mã kiểm tra SHA-256 của số liệu (hai lần tổng hợp cùng mã là cùng một số liệu). Đơn vị không sửa được trang này; chỉ chủ sở hữu bảng tính và các email Văn phòng (để lần tổng hợp của họ được ghi lại) ghi được vào đây.</li>
</ol>
<h3>Ý nghĩa màu</h3><ul>${legend}</ul>
</body></html>`;
}
