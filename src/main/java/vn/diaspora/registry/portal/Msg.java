package vn.diaspora.registry.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The portal's words. Vietnamese here (the default); English in messages/msg_en.properties. A
 * template that names a missing key fails the build; PortalMessagesTest fails when English lacks one.
 */
@MessageBundle(value = "msg", locale = "vi")
public interface Msg {
    @Message("Cơ sở dữ liệu người Việt Nam ở nước ngoài")
    String appName();

    @Message("Bỏ qua, đến nội dung chính")
    String skipToContent();

    @Message("English")
    String otherLanguage();

    @Message("Kỳ báo cáo")
    String navPeriods();

    @Message("Tình hình báo cáo")
    String navCompleteness();

    @Message("Báo cáo năm")
    String navYearly();

    @Message("Đăng xuất")
    String signOut();

    @Message("Đăng nhập thử — chỉ dùng khi phát triển")
    String devSignInTitle();

    @Message("Trang này chỉ có ở chế độ phát triển và kiểm thử: chọn một cán bộ mẫu. Bản chạy thật đăng nhập qua Keycloak.")
    String devSignInWarning();

    @Message("Cán bộ mẫu")
    String demoOfficer();

    @Message("Đăng nhập")
    String signIn();

    @Message("Các kỳ báo cáo của {unit}")
    String periodsTitle(String unit);

    @Message("Kỳ")
    String period();

    @Message("Trạng thái")
    String state();

    @Message("Hạn nộp")
    String deadline();

    @Message("Quá hạn")
    String late();

    @Message("Đúng hạn")
    String onTime();

    @Message("Lập báo cáo")
    String startReport();

    @Message("Mở báo cáo")
    String openReport();

    @Message("{#when state}{#is 'DRAFT'}Đang soạn{#is 'SUBMITTED'}Đã gửi{#is 'ACCEPTED'}Đã duyệt{#is 'RETURNED'}Bị trả lại{#else}Chưa lập{/when}")
    String stateName(String state);

    @Message("Báo cáo kỳ {period} — {unit}")
    String submissionTitle(String period, String unit);

    @Message("Tải mẫu Excel")
    String downloadTemplate();

    @Message("Tải tệp lên")
    String uploadTitle();

    @Message("Điền mẫu Excel (hoặc CSV UTF-8 của một loại bản ghi) rồi tải lên. Tải lên lại với cùng mã dòng sẽ thay dòng cũ.")
    String uploadHelp();

    @Message("Tệp XLSX hoặc CSV")
    String file();

    @Message("Tải lên và kiểm tra")
    String upload();

    @Message("Tệp chưa được lưu. Sửa các lỗi sau rồi tải lên lại:")
    String fileRefused();

    @Message("Kết quả kiểm tra")
    String reportTitle();

    @Message("{rows} dòng: {ok} hợp lệ, {warnings} có cảnh báo, {errors} có lỗi")
    String reportSummary(int rows, int ok, int warnings, int errors);

    @Message("Chỉ hiện lỗi")
    String onlyErrors();

    @Message("Hiện tất cả")
    String showAll();

    @Message("{#when level}{#is 'ERROR'}Lỗi{#is 'WARNING'}Cảnh báo{#else}Hợp lệ{/when}")
    String levelName(String level);

    @Message("Dòng")
    String line();

    @Message("Trang tính")
    String sheet();

    @Message("Cột")
    String column();

    @Message("Mã dòng")
    String rowKey();

    @Message("Nội dung")
    String messageText();

    @Message("Chưa có dòng nào. Tải tệp lên để bắt đầu.")
    String noRows();

    @Message("Gửi báo cáo cho Sở")
    String submit();

    @Message("Còn lỗi: sửa rồi tải lên lại trước khi gửi.")
    String fixErrorsFirst();

    @Message("Ý kiến của Sở Ngoại vụ")
    String reviewComment();

    @Message("Tình hình báo cáo kỳ {period}")
    String completenessTitle(String period);

    @Message("Đơn vị")
    String unit();

    @Message("Thời điểm gửi")
    String submittedAt();

    @Message("Đã báo cáo {reported}/{expected} đơn vị; đúng hạn {onTime}")
    String completenessSummary(int reported, int expected, int onTime);

    @Message("Tỷ lệ báo cáo")
    String reportedRate();

    @Message("Tỷ lệ đúng hạn")
    String onTimeRate();

    @Message("8 quý gần nhất")
    String trend();

    @Message("Xem kỳ")
    String showPeriod();

    @Message("Xem xét")
    String review();

    @Message("Xem xét báo cáo kỳ {period} — {unit}")
    String reviewTitle(String period, String unit);

    @Message("Thay đổi")
    String changes();

    @Message("Trường")
    String field();

    @Message("Giá trị cũ")
    String oldValue();

    @Message("Giá trị mới")
    String newValue();

    @Message("Thao tác")
    String action();

    @Message("{#when action}{#is 'CREATE'}Thêm{#is 'UPDATE'}Sửa{#is 'DELETE'}Xóa{#else}{action}{/when}")
    String actionName(String action);

    @Message("Ý kiến cho dòng này")
    String rowComment();

    @Message("Ý kiến chung")
    String comment();

    @Message("Duyệt báo cáo")
    String accept();

    @Message("Trả lại đơn vị")
    String returnToUnit();

    @Message("Báo cáo năm {year}")
    String yearlyTitle(int year);

    @Message("Năm")
    String year();

    @Message("Số liệu tính đến")
    String asKnownAt();

    @Message("Để trống: đến thời điểm này. Cùng thời điểm luôn cho cùng số liệu.")
    String asKnownAtHelp();

    @Message("Xem báo cáo")
    String show();

    @Message("Tải về Excel")
    String downloadXlsx();

    @Message("Mã")
    String code();

    @Message("Tên")
    String name();

    @Message("{#when column}{#is 'count'}Số lượng cuối năm{#is 'added'}Tăng trong năm{#is 'updated'}Cập nhật trong năm{#is 'removed'}Giảm trong năm{#else}Tổng giá trị{/when}")
    String columnName(String column);

    @Message("Không có số liệu")
    String none();

    @Message("Báo cáo theo quý")
    String quarters();


    @Message("Có lỗi")
    String errorTitle();

    @Message("Thống kê")
    String navStatistics();

    @Message("Thống kê kỳ {period}")
    String statisticsTitle(String period);

    @Message("{#when groupBy}{#is 'COUNTRY'}Người ở nước ngoài theo quốc gia{#is 'CATEGORY'}Người ở nước ngoài theo nhóm{#is 'RESIDENCE_STATUS'}Người ở nước ngoài theo tình trạng cư trú{#is 'ASSOCIATION_COUNTRY'}Hội đoàn theo quốc gia{#is 'BUSINESS_COUNTRY'}Doanh nghiệp theo quốc gia{#is 'CONTRIBUTION_KIND'}Đóng góp theo hình thức và loại tiền{#else}{groupBy}{/when}")
    String chartTitle(String groupBy);

    @Message("Bảng số liệu: {chart}")
    String tableOf(String chart);

    @Message("Cuối kỳ")
    String atEnd();

    @Message("Tăng trong kỳ")
    String addedIn();

    @Message("Giảm trong kỳ")
    String removedIn();

    @Message("Tổng giá trị")
    String amount();

    @Message("Tải CSV")
    String downloadCsv();

    @Message("Tra cứu hồ sơ")
    String navRecords();

    @Message("Loại hồ sơ")
    String recordKind();

    @Message("{#when kind}{#is 'PERSON'}Người ở nước ngoài{#is 'ASSOCIATION'}Hội đoàn{#is 'BUSINESS'}Doanh nghiệp{#else}{kind}{/when}")
    String kindName(String kind);

    @Message("Tên")
    String searchName();

    @Message("Gõ có dấu hoặc không dấu, theo thứ tự bất kỳ; sai một chữ vẫn tìm được.")
    String searchHelp();

    @Message("Tìm")
    String search();


    @Message("Nơi ở")
    String place();

    @Message("Phiên bản {version}")
    String versionNo(int version);

    @Message("Phiên bản")
    String versionColumn();

    @Message("Hồ sơ này vừa được người khác sửa. Đây là hồ sơ hiện tại: xem lại rồi sửa lại nếu cần. Không có gì bị ghi đè.")
    String changedMeanwhile();

    @Message("Đã lưu.")
    String saved();

    @Message("Giá trị")
    String value();

    @Message("Lưu thay đổi")
    String saveChanges();

    @Message("Lịch sử")
    String history();

    @Message("Thời điểm")
    String when();

    @Message("Người sửa")
    String who();

    @Message("Dòng {rowKey}")
    String rowTitle(String rowKey);

    @Message("Quay lại báo cáo")
    String backToReport();

    @Message("Dòng chưa được lưu. Sửa các lỗi sau:")
    String rowRefused();

    @Message("Có thể trùng với một người đã có")
    String likelySame();

    @Message("Hồ sơ đã có")
    String existingRecord();

    @Message("Dòng này")
    String thisRow();

    @Message("Không phải cùng một người")
    String notDuplicate();

    @Message("Cập nhật hồ sơ đã có")
    String updateExisting();

    @Message("Sửa dòng")
    String mendRow();

    @Message("Lưu dòng")
    String saveRow();

    @Message("{#when what}{#is 'UPLOADED'}Đã lưu tệp và kiểm tra các dòng. Xem kết quả bên dưới.{#is 'SUBMITTED'}Đã gửi báo cáo cho Sở Ngoại vụ.{#is 'ACCEPTED'}Đã duyệt báo cáo: các thay đổi đã được ghi vào cơ sở dữ liệu.{#is 'RETURNED'}Đã trả lại báo cáo cho đơn vị kèm ý kiến.{#is 'ROW_SAVED'}Đã lưu dòng và kiểm tra lại.{#is 'ROW_ADDED'}Hồ sơ đã được đưa vào báo cáo của đơn vị thành một dòng Sửa: sửa các ô cần thay đổi rồi bấm Lưu dòng.{#is 'NOT_DUPLICATE'}Đã ghi nhận: không phải cùng một người.{#is 'UPDATE_EXISTING'}Dòng đã chuyển thành cập nhật hồ sơ đã có.{#is 'CHECKED'}Đã kiểm tra lại các dòng với cơ sở dữ liệu hiện tại.{#is 'COMMENTS_SAVED'}Đã lưu ý kiến cho các dòng. Đơn vị sẽ nhận được khi Sở trả lại hoặc duyệt báo cáo.{#else}{/when}")
    String done(String what);

    @Message("Duyệt {rows} dòng: {creates} thêm mới, {updates} sửa, {deletes} xóa. Các thay đổi được ghi ngay vào cơ sở dữ liệu; ý kiến từng dòng đã ghi được lưu cùng báo cáo.")
    String confirmAccept(int rows, long creates, long updates, long deletes);

    @Message("Xác nhận duyệt")
    String confirmAcceptButton();

    @Message("Trả lại báo cáo cho đơn vị {unit} với ý kiến chung và ý kiến từng dòng đã ghi. Không dòng nào được ghi vào cơ sở dữ liệu; đơn vị sửa rồi gửi lại.")
    String confirmReturn(String unit);

    @Message("Xác nhận trả lại")
    String confirmReturnButton();

    @Message("Gửi {rows} dòng cho Sở Ngoại vụ. Sau khi gửi, đơn vị không sửa được báo cáo cho đến khi Sở trả lại.")
    String confirmSubmit(int rows);

    @Message("Xác nhận gửi")
    String confirmSubmitButton();

    @Message("Lọc danh sách")
    String recordsFilter();

    @Message("Quốc gia")
    String countryFilter();

    @Message("Tình trạng")
    String statusFilter();

    @Message("Tất cả")
    String any();

    @Message("Xem danh sách")
    String showList();

    @Message("Quê quán")
    String hometown();

    @Message("Không có hồ sơ nào.")
    String noRecords();

    @Message("Trang sau")
    String nextPage();

    @Message("Lưu ý kiến")
    String saveComments();

    @Message("Lưu ý kiến và xem trang sau")
    String saveCommentsNextPage();

    @Message("Sửa trong báo cáo")
    String toReport();

    @Message("Đưa hồ sơ này vào báo cáo quý đang mở của đơn vị thành một dòng Sửa; thay đổi được ghi khi Sở duyệt báo cáo.")
    String toReportHelp();

    @Message("Tải danh sách để cập nhật")
    String updateList();

    @Message("Mẫu Excel đã điền sẵn các hồ sơ của đơn vị (mã bản ghi và phiên bản gốc đã khóa): sửa các ô cần thay đổi rồi tải lên báo cáo.")
    String updateListHelp();

    @Message("Lỗi và cảnh báo")
    String problems();

    @Message("Các dòng hợp lệ")
    String okRows();

    @Message("Kiểm tra lúc {at}")
    String checkedAt(String at);

    @Message("Kiểm tra lại")
    String checkAgain();

    @Message("Trang trước")
    String previousPage();

    @Message("Không có dòng nào ở mục này.")
    String noFindings();

    @Message("{#when status}{#is in 403 404}Không tìm thấy trang hoặc hồ sơ này, hoặc nó không thuộc phạm vi của bạn.{#is 409}Không thực hiện được: trạng thái đã thay đổi (ví dụ báo cáo đã được gửi, duyệt hoặc trả lại). Tải lại trang để xem trạng thái hiện tại.{#is 412}Hồ sơ vừa được người khác sửa: tải lại trang rồi sửa lại nếu cần.{#is 413}Tệp hoặc nội dung gửi lên quá lớn.{#is 422}Dữ liệu gửi lên chưa hợp lệ.{#is 429}Hệ thống đang xử lý một tệp khác của bạn: chờ một lát rồi thử lại.{#is 400}Yêu cầu không hợp lệ: quay lại trang trước và thử lại.{#else}Hệ thống gặp lỗi: thử lại sau ít phút; nếu vẫn lỗi, báo cho quản trị hệ thống.{/when}")
    String errorText(int status);

    @Message("Email")
    String email();

    @Message("Điện thoại")
    String phone();

    @Message("trùng")
    String same();

    @Message("không trùng hoặc không có")
    String notSame();

    @Message("Lọc các dòng")
    String reviewFilter();

    @Message("Tất cả các dòng")
    String allRows();

    @Message("Chỉ các dòng có thể trùng")
    String duplicateRows();

    @Message("Không phải cùng một người với")
    String notSamePerson();

    @Message("Chọn tất cả các dòng của trang này")
    String selectAll();

    @Message("Không phải trùng — các dòng đã chọn")
    String notDuplicates();

    @Message("Ghi nhận mỗi dòng đã chọn không phải cùng một người với hồ sơ đã có bên cạnh. Quyết định được ghi lại cùng người quyết định; dòng đó không còn cảnh báo. Các dòng của tỉnh khác do quản trị hệ thống quyết định.")
    String confirmNotDuplicates();

    @Message("Là cùng một người — cập nhật hồ sơ đã có (các dòng đã chọn)")
    String updateExistingMany();

    @Message("Mỗi dòng đã chọn trở thành một dòng Sửa của hồ sơ đã có bên cạnh: các trường của dòng ghi đè lên hồ sơ, dựa trên phiên bản hiện tại của hồ sơ. Thay đổi được ghi khi duyệt báo cáo.")
    String confirmUpdateExisting();

    @Message("Xác nhận cập nhật hồ sơ đã có")
    String confirmUpdateExistingButton();

    @Message("Xác nhận không phải trùng")
    String confirmNotDuplicatesButton();

    @Message("Hồ sơ được sửa")
    String touches();

    @Message("Quý này đơn vị không có thay đổi")
    String noChanges();

    @Message("Gửi báo cáo không có dòng nào: đơn vị xác nhận quý này không có người, hội đoàn, doanh nghiệp hay đóng góp nào cần thêm, sửa hoặc xóa. Báo cáo vẫn được tính là đã báo cáo.")
    String confirmNoChanges();

    @Message("Ý kiến chung là bắt buộc khi trả lại.")
    String returnNeedsComment();

    @Message("Ý kiến của Sở cho từng dòng")
    String rowComments();

    @Message("Tải kết quả kiểm tra và ý kiến (Excel)")
    String downloadFindings();

    @Message("Kết quả kiểm tra lúc duyệt, lưu cùng báo cáo (không kiểm tra lại).")
    String decidedFindings();
}
