/**
 * Every error code the land registry answers with or records on a dossier, and what it means
 * in the words of the person who reads it. Each answer carries the code beside a Vietnamese
 * message that may add the particulars (which field, which document); a screen that knows
 * only the code shows the meaning below. `errors.spec.ts` keeps this table exhaustive: a code
 * thrown anywhere in the service and missing here (or listed here and used nowhere) fails it.
 */
export const LAND_REGISTRY_ERRORS = {
  // Who is calling (answered by the platform's checks, raised here for dossier rules)
  'AUTH.FORBIDDEN': 'Bạn không có quyền thực hiện thao tác này',
  'AUTH.COUNTER_ONLY': 'Chỉ cán bộ Bộ phận Một cửa được tiếp nhận hồ sơ tại quầy',
  'AUTH.OTHER_UNIT': 'Thửa đất không thuộc tỉnh của đơn vị tiếp nhận',
  'AUTH.CITIZEN_ONLY': 'Hồ sơ trực tuyến phải do công dân đăng nhập bằng tài khoản định danh nộp',
  'AUTH.NOT_A_PARTY':
    'Người nộp hồ sơ trực tuyến phải là bên chuyển nhượng hoặc bên nhận chuyển nhượng',
  // Input
  'VALIDATION.FAILED': 'Dữ liệu gửi lên chưa hợp lệ; xem thông báo của từng trường',
  'IDEMPOTENCY.KEY_INVALID': 'Idempotency-Key phải gồm 8–100 ký tự chữ, số, "-" hoặc "_"',
  'IDEMPOTENCY.KEY_REUSED': 'Khóa gửi lại đã được dùng cho một hồ sơ khác',
  'IDEMPOTENCY.IN_PROGRESS': 'Lần gửi trước với cùng khóa đang được xử lý; vui lòng thử lại sau',
  // The dossier against the cadastral book and the law
  'DOSSIER.INVALID': 'Hồ sơ không khớp với sổ địa chính',
  'PARCEL.NOT_FOUND': 'Không tìm thấy thửa đất trong sổ địa chính',
  'CERTIFICATE.MISMATCH':
    'Số seri giấy chứng nhận không khớp với giấy chứng nhận hiện hành của thửa đất',
  'SELLER.NOT_OWNER': 'Bên chuyển nhượng không có tên trên giấy chứng nhận của thửa đất',
  'SELLER.SHARE_EXCEEDS_OWNED': 'Phần chuyển nhượng lớn hơn phần sở hữu của bên chuyển nhượng',
  'PARTY.BUYER_IS_SELLER': 'Một người không thể vừa là bên chuyển nhượng vừa là bên nhận',
  'PARTY.DUPLICATE': 'Một người được kê khai hai lần',
  'CONTRACT.BEFORE_CERTIFICATE': 'Ngày ký hợp đồng không được trước ngày cấp giấy chứng nhận',
  'TRANSFER.PART_OF_PARCEL':
    'Chưa nhận chuyển nhượng một phần diện tích thửa đất: cần làm thủ tục tách thửa trước',
  'DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER': 'Thửa đất đang có hồ sơ chưa giải quyết xong',
  'INHERITANCE.SHARES_DO_NOT_ADD_UP':
    'Tổng phần được hưởng của những người thừa kế phải bằng toàn bộ di sản',
  'INHERITANCE.BASIS_BEFORE_DEATH': 'Văn bản phân chia di sản không thể lập trước ngày mở thừa kế',
  'MORTGAGE.NOT_REGISTERED': 'Thửa đất không có đăng ký thế chấp còn hiệu lực với số đăng ký này',
  'PURPOSE.UNCHANGED': 'Mục đích mới trùng với mục đích đang sử dụng của thửa đất',
  'PURPOSE.AREA_EXCEEDS_PARCEL': 'Diện tích chuyển mục đích lớn hơn diện tích thửa đất',
  'HOUSE.BUILT_IN_FUTURE': 'Năm xây dựng không được sau năm hiện tại',
  // The dossier's steps
  'DOSSIER.NOT_FOUND': 'Không tìm thấy hồ sơ',
  'DOSSIER.INVALID_STATE': 'Trạng thái hồ sơ không cho phép thao tác này',
  'DOSSIER.STEP_NOT_REACHED_YET': 'Thông tin đến trước bước hồ sơ đang chờ; sẽ được xử lý lại',
  'SUPPLEMENT.NOT_FOR_THIS_PROCEDURE':
    'Hồ sơ bổ sung của thủ tục này chỉ được sửa thông tin người nộp hồ sơ',
  'SUPPLEMENT.AMOUNTS_AFTER_PAYMENT':
    'Đã nộp nghĩa vụ tài chính: không sửa bên giao dịch, giá, ngày hay loại hợp đồng',
  'REVIEW.HELD_BY_ANOTHER': 'Hồ sơ đang do chuyên viên khác thẩm định',
  'REVIEW.NOT_ASSIGNED_TO_YOU': 'Hồ sơ chưa được giao cho bạn thẩm định',
  'REVIEW.OWN_PROPOSAL': 'Người trình không được tự phê duyệt hồ sơ của mình',
  'REVIEW.OFFICER_OUTSIDE_UNIT': 'Chỉ phân công cho chuyên viên thuộc đơn vị xử lý hồ sơ',
  'TRACKING.TOO_MANY_ATTEMPTS': 'Nhập sai mã tra cứu quá nhiều lần; vui lòng thử lại sau',
  // The officer console: the list, the statistics, the printable forms
  'LIST.CURSOR_INVALID': 'Con trỏ trang không hợp lệ; hãy tải lại danh sách từ trang đầu',
  'STATISTICS.UNIT_NOT_COVERED': 'Chỉ xem được thống kê của đơn vị mình và các đơn vị trực thuộc',
  'STATISTICS.PERIOD_INVALID':
    'Kỳ thống kê phải có từ ngày không sau đến ngày và dài không quá 366 ngày',
  'FORM.NOT_FOUND': 'Không có mẫu in này',
  'FORM.NOT_APPLICABLE': 'Mẫu này chưa áp dụng cho hồ sơ ở bước hiện tại',
  // The citizen portal: a dossier's documents (POST /dossiers/{code}/documents)
  'DOCUMENT.TYPE_NOT_ALLOWED': 'Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp)',
  'DOCUMENT.TOO_LARGE': 'Tệp vượt quá dung lượng cho phép',
  'DOCUMENT.INFECTED': 'Tệp có chứa mã độc (virus) nên không được tiếp nhận',
  'DOCUMENT.SCAN_UNAVAILABLE':
    'Hệ thống kiểm tra virus đang tạm ngừng nên chưa nhận được tệp; vui lòng gửi lại sau',
  'DOCUMENT.FILE_MISSING': 'Chưa chọn tệp giấy tờ để tải lên',
  'DOCUMENT.KIND_UNKNOWN': 'Loại giấy tờ không có trong thành phần hồ sơ của thủ tục',
  'DOCUMENT.TOO_MANY': 'Hồ sơ đã có đủ số tệp giấy tờ tối đa',
  'DOCUMENT.NOT_FOUND': 'Không tìm thấy giấy tờ',
  'DOCUMENT.UPLOAD_INVALID':
    'Yêu cầu tải lên không hợp lệ: một tệp ở trường "file" và loại giấy tờ',
  'DOSSIER.FINISHED': 'Hồ sơ đã kết thúc; không thể nộp thêm giấy tờ',
  // Why a dossier was refused (recorded on it and told to the citizen)
  'PARCEL.MORTGAGED': 'Thửa đất đang thế chấp mà không có văn bản đồng ý của bên nhận thế chấp',
  'CONSTRUCTION.NOT_CONFIRMED':
    'Sở Xây dựng không xác nhận nhà ở, công trình phù hợp với giấy phép, quy hoạch',
  'PARCEL.BLOCKED': 'Thửa đất đang bị ngăn chặn giao dịch',
  'PARCEL.DISPUTED': 'Thửa đất đang có tranh chấp',
  'DOSSIER.REFUSED_BY_OFFICER': 'Hồ sơ bị từ chối, có nêu lý do',
  // The public procedure catalogue (GET /procedures)
  'PROCEDURE.NOT_FOUND': 'Không tìm thấy thủ tục hành chính',
  'PROCEDURE.PROVINCE_NOT_COVERED': 'Chưa có biểu phí, lệ phí của tỉnh, thành phố này',
  'PROCEDURE.FEES_NOT_SET':
    'Biểu phí của tỉnh, thành phố này chưa quy định đủ các khoản cho thủ tục',
} as const satisfies Record<string, string>;

export type LandRegistryErrorCode = keyof typeof LAND_REGISTRY_ERRORS;
