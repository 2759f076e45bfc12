package com.cogov.contracts.error;

/**
 * Every error the platform can answer with. The {@code name()} is the stable, English {@code code} clients branch on;
 * the title is the Chinese sentence shown to the person at the counter or desk. Never rename a constant: front ends and
 * partner systems key their handling on it. Add new ones instead.
 */
public enum ErrorCode {
    // Request shape
    VALIDATION_FAILED(400, "提交的信息有误，请按提示修改后重试"),
    MALFORMED_REQUEST(400, "请求格式不正确，无法识别"),
    MISSING_PARAMETER(400, "缺少必填参数"),
    PAYLOAD_TOO_LARGE(413, "提交的内容过大"),
    UNSUPPORTED_MEDIA_TYPE(415, "不支持的内容类型"),
    NOT_ACCEPTABLE(406, "无法提供所要求的响应格式"),
    METHOD_NOT_ALLOWED(405, "该地址不支持此操作"),
    NOT_FOUND(404, "请求的地址不存在"),

    // Identity and access
    UNAUTHENTICATED(401, "请先登录"),
    FORBIDDEN(403, "没有权限进行此操作"),
    CROSS_ORIGIN_REFUSED(403, "不接受跨域请求"),
    CREDENTIALS_INVALID(401, "用户名或密码错误"),
    WECHAT_CODE_INVALID(401, "微信登录已失效，请重新进入小程序"),
    TOKEN_INVALID(401, "登录已过期，请重新登录"),
    TOTP_INVALID(401, "动态验证码错误或已使用，请输入验证器上的最新6位数字"),
    ACCOUNT_LOCKED(423, "登录失败次数过多，账号已临时锁定"),
    TOO_MANY_ATTEMPTS(429, "尝试次数过多，请稍后再试"),
    ACCOUNT_DISABLED(403, "账号已停用，请联系管理员"),
    ACCOUNT_NOT_FOUND(404, "未找到该账号"),
    USERNAME_TAKEN(409, "用户名已被使用"),
    PASSWORD_TOO_WEAK(400, "密码强度不足"),
    ACTIVATION_CODE_INVALID(400, "激活码无效、已使用或已过期，请向店长或管理员重新获取"),
    WECHAT_UNAVAILABLE(503, "微信服务暂时不可用，请稍后再试"),

    // Domain input
    BARCODE_INVALID(400, "条码无效，请重新扫描或核对后手工输入"),
    ID_NUMBER_INVALID(400, "证件号码无效，请核对后重新输入"),
    BUYER_NAME_INVALID(400, "购买人姓名无效，请核对后重新输入"),
    ID_CARD_UNREADABLE(422, "未能识别身份证，请重新拍摄或手工输入"),
    IDENTITY_REF_INVALID(400, "身份信息已过期，请重新扫描证件"),
    DRUG_NOT_FOUND(404, "未找到该条码对应的药品，可上报给监管部门补录"),
    PHARMACY_NOT_FOUND(404, "未找到该药店"),
    DISTRICT_NOT_FOUND(404, "未找到该行政区"),

    // Registration
    IDEMPOTENCY_KEY_REQUIRED(400, "缺少幂等键（Idempotency-Key），请升级小程序后重试"),
    IDEMPOTENCY_KEY_REUSED(422, "同一幂等键已用于另一次不同的提交"),
    REGISTRATION_BLOCKED(422, "按规定不能完成本次销售"),
    REGISTRATION_NOT_FOUND(404, "未找到该登记"),
    SOLD_AT_OUT_OF_RANGE(400, "销售时间不合理，请检查手机时间"),
    NOT_A_SPECIAL_DRUG(400, "该药品不属于含特殊药品复方制剂，无需登记"),
    VOID_WINDOW_CLOSED(409, "已超过可作废的时限"),
    ALREADY_VOIDED(409, "该登记已作废"),

    // Uploads
    UPLOAD_EMPTY(400, "没有收到图片，请重新拍摄"),
    UPLOAD_TOO_LARGE(413, "图片过大（不超过5MB），请重新拍摄或压缩后上传"),
    UPLOAD_NOT_AN_IMAGE(415, "只支持 JPEG、PNG、WebP 格式的图片"),

    // Catalog: barcode photos and reports of unknown barcodes
    IMAGE_UNREADABLE(422, "图片无法读取，请重新拍摄"),
    BARCODE_NOT_FOUND_IN_IMAGE(422, "未识别到条码：请对准条码、保持清晰、避免反光"),
    BARCODE_ALREADY_KNOWN(409, "该条码已在药品目录中，无需上报"),

    // Drug maintenance and the unknown-barcode queue (portal, docs/catalog.md)
    BARCODE_TAKEN(409, "该条码已属于另一个药品：一个条码只能对应一个药品，请先从原药品上移除"),
    BARCODE_NOT_ON_DRUG(404, "该药品没有这个条码"),
    DRUG_ALREADY_EXISTS(409, "药品目录中已有批准文号、规格和最小包装单位都相同的药品，请直接修改该药品"),
    DRUG_RETIRED(409, "该药品已停用，请先恢复启用"),
    DRUG_STATUS_TRANSITION_INVALID(409, "药品已是该状态"),
    UNKNOWN_BARCODE_NOT_FOUND(404, "没有该条码的待处理上报"),
    UNKNOWN_BARCODE_ALREADY_HANDLED(409, "该条码的上报已处理完毕"),

    // Lists, record queries and statistics (the regulator's desk)
    PAGE_CURSOR_INVALID(400, "翻页标记无效或已过期，请从第一页重新查询"),
    PAGE_LIMIT_INVALID(400, "每页条数须在1到200之间"),
    TIME_SPAN_INVALID(400, "查询时间范围无效：须给出起止时间，结束不早于开始，跨度不超过366天"),
    QUERY_PARAMETER_INVALID(400, "查询条件有误，请按提示修改后重试"),
    REASON_REQUIRED(400, "按证件号码查询或查看完整个人信息须填写事由"),

    // Jobs and exports
    JOB_NOT_FOUND(404, "未找到该任务"),
    JOB_NOT_CANCELLABLE(409, "任务已结束，无法取消"),
    EXPORT_KIND_UNKNOWN(400, "不支持的导出类型"),
    EXPORT_FORMAT_UNKNOWN(400, "导出格式须为 xlsx 或 csv"),
    EXPORT_NOT_READY(409, "导出尚未完成，请稍后再下载"),
    EXPORT_EXPIRED(410, "导出文件已过期（保留24小时），请重新导出"),

    // Alerts
    ALERT_NOT_FOUND(404, "未找到该预警"),
    ALERT_TRANSITION_INVALID(409, "该预警当前状态不能这样处理"),
    ALERT_NOTE_REQUIRED(400, "排除或确认预警须填写处理说明"),

    // Notifications
    INBOX_ENTRY_NOT_FOUND(404, "未找到该消息"),
    NOTIFICATION_TOPIC_NOT_FOUND(404, "没有这类消息可以订阅"),

    // The pharmacy lifecycle and the administrative divisions (portal)
    CREDIT_CODE_INVALID(400, "统一社会信用代码无效：须为18位（GB 32100-2015），请核对营业执照后重新输入"),
    LICENSE_NUMBER_TAKEN(409, "该药品经营许可证编号已登记在另一家药店"),
    PHARMACY_SUSPENDED(409, "药店已暂停营业，暂不能办理；恢复营业后即可继续"),
    PHARMACY_CLOSED(409, "药店已关闭，不能再办理业务"),
    PHARMACY_STATUS_TRANSITION_INVALID(409, "药店当前状态不能这样变更"),
    TRANSFER_SAME_DISTRICT(409, "药店已在该行政区，无需调动"),
    MANAGER_ACCOUNT_DISABLED(409, "该药店的店长账号已被单独停用，请先在账号管理中启用后再签发激活码"),
    DISTRICT_CODE_TAKEN(409, "该行政区划代码已存在（停用的代码也不能重复使用）"),
    DISTRICT_RETIRED(409, "该行政区已撤销，不能再使用"),
    DISTRICT_HAS_PHARMACIES(409, "该行政区仍有药店，请先将药店调动到其他行政区再撤销"),
    // On-site inspection (docs/inspection.md)
    INSPECTION_NOT_FOUND(404, "未找到该检查记录"),
    EVIDENCE_PHOTO_NOT_FOUND(404, "未找到该照片"),
    CHECKLIST_INCOMPLETE(400, "检查表未填完整，请逐项填写"),
    CHECKLIST_ITEM_UNKNOWN(400, "检查项不在当前检查表中，请刷新检查表后重新填写"),
    CHECKLIST_PROBLEM_UNEXPLAINED(400, "发现问题的检查项须填写说明或附上照片"),
    RECTIFY_BY_INVALID(400, "责令整改须填写整改期限，且不早于今天"),
    CASE_NUMBER_REQUIRED(400, "立案处理须填写案件编号"),
    LOCATION_OUT_OF_RANGE(400, "定位无效，请开启定位后重试"),
    EVIDENCE_PHOTO_INVALID(422, "照片不存在、已被使用或不是您上传的，请重新上传"),
    INSPECTION_SUPERSEDE_INVALID(409, "只能更正本辖区同一药店尚未被更正的检查记录"),
    RECTIFICATION_NOT_EXPECTED(409, "该检查记录当前无需提交或审核整改"),
    RECTIFICATION_OVERDUE(409, "已超过整改期限，无法在线提交整改，请联系检查人员"),

    // Calendar (the State Council's holiday notices)
    CALENDAR_INVALID(400, "节假日安排有误，请按提示修改后重新导入"),

    // Complaints and reports (投诉举报)
    COMPLAINT_INCOMPLETE(400, "投诉须填写投诉人姓名、联系电话、地址和投诉请求；被投诉举报的对象须写明名称、地址和所在区"),
    COMPLAINT_DATE_INVALID(400, "发生日期不能晚于今天"),
    ATTACHMENT_INVALID(400, "附件无效或已过期，请重新上传"),
    ATTACHMENTS_TOO_MANY(400, "每件投诉举报最多9个附件"),
    ATTACHMENT_TOO_LARGE(413, "附件不超过10MB，请压缩后重新上传"),
    ATTACHMENT_TYPE_UNSUPPORTED(415, "附件只支持 JPEG、PNG、WebP 图片或 PDF 文件"),
    COMPLAINT_NOT_FOUND(404, "未找到该投诉举报，请核对受理编号和查询码"),
    COMPLAINT_TRANSITION_INVALID(409, "该投诉举报当前状态不能进行此操作"),
    COMPLAINT_QUERY_INVALID(400, "查询条件有误，请按提示修改后重试"),

    // Public search (药店查询, 药品查询) and the pharmacy's licensed pharmacists (docs/public-search.md)
    SEARCH_RADIUS_INVALID(400, "搜索半径须在1到20000米之间"),
    LOCATION_INVALID(400, "位置无效：纬度须在-90到90之间，经度须在-180到180之间"),
    LOCATION_INCOMPLETE(400, "纬度 lat 和经度 lng 须同时给出"),
    SEARCH_TEXT_TOO_LONG(400, "搜索文字不超过50个字"),
    DISTRICT_UNKNOWN(400, "没有这个行政区，请从行政区列表中选择"),
    DRUG_CATEGORY_UNKNOWN(400, "没有这个特殊药品类别，请从类别列表中选择"),
    SEARCH_PARAMETER_INVALID(400, "查询条件有误，请按提示修改后重试"),
    TOO_MANY_REQUESTS(429, "查询过于频繁，请稍后再试"),
    PHARMACIST_NOT_FOUND(404, "未找到该执业药师"),
    PHARMACIST_LICENSE_TAKEN(409, "该执业药师注册证编号已登记在某家药店"),
    // Content check (WeChat msg_sec_check / media_check_async, and the local word list)
    CONTENT_RISKY(422, "提交的文字含有不宜发布的内容，请修改后重新提交"),
    WECHAT_SIGNATURE_INVALID(401, "微信消息推送的签名无效"),
    // Imports (药店导入, 药品导入)
    IMPORT_KIND_UNKNOWN(400, "不支持的导入类型，请选择 PHARMACIES（药店）或 DRUGS（药品）"),
    IMPORT_FILE_EMPTY(400, "没有收到文件，或文件中没有数据"),
    IMPORT_FILE_TOO_LARGE(413, "导入文件不超过20MB，请分成几个文件导入"),
    IMPORT_FILE_UNSUPPORTED(415, "只支持 Excel（.xlsx、.xls）或 CSV（UTF-8 或 GBK 编码）文件，且文件须能正常打开"),
    IMPORT_HEADERS_MISMATCH(422, "表头与导入模板不一致，请下载模板并按模板的列填写"),
    IMPORT_ERRORS_NOT_READY(409, "导入尚未完成，完成后才能下载错误行"),
    IMPORT_ERRORS_EXPIRED(410, "错误行文件已过期（保留7天），请重新导入"),
    IMPORT_FILE_EXPIRED(410, "上传的文件已过期，请重新上传"),
    // Notices (通知通告) and the cross-border register (跨境执业), docs/notices.md
    NOTICE_NOT_FOUND(404, "未找到该通知公告"),
    NOTICE_BODY_EMPTY(422, "正文清理不安全内容（脚本、事件、样式等）后为空，请填写正文文字"),
    NOTICE_TRANSITION_INVALID(409, "该通知公告当前状态不能进行此操作"),
    NOTICE_OWN_APPROVAL(409, "不能审核自己撰写的通知公告，请由市局其他管理员审核"),
    NOTICE_NOT_REQUIRED_READING(409, "只有发给药店的通知公告需要确认阅读"),
    CROSS_BORDER_PHARMACIST_NOT_FOUND(404, "未找到该跨境执业药师登记"),
    CROSS_BORDER_LICENSE_TAKEN(409, "该澳门执业牌照号码已登记"),
    CROSS_BORDER_VALIDITY_INVALID(400, "有效期无效：截止日期不能早于起始日期"),
    CROSS_BORDER_REVOKED(409, "该登记已撤销，不能再修改或撤销"),

    // Platform
    SERVICE_UNAVAILABLE(503, "服务暂时不可用，请稍后再试"),
    INTERNAL_ERROR(500, "系统开小差了，请稍后再试；如多次出现请联系运维并提供追踪号");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The HTTP status this error is answered with. */
    public int status() {
        return status;
    }

    /** Chinese title for the user. */
    public String title() {
        return title;
    }

    /** The problem {@code type} URI: stable, documented per code. */
    public String type() {
        return "https://cogov.example/problems/" + name().toLowerCase().replace('_', '-');
    }
}
