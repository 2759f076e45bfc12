package com.cogov.api.imports;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.ArrayList;
import java.util.List;

/** An upload or request the imports piece refuses before a job exists, or an error workbook asked for too early. */
public final class ImportRequestException extends CogovException {

    private ImportRequestException(ErrorCode code, String detail, List<Problem.FieldError> errors) {
        super(code, detail, errors);
    }

    static ImportRequestException kind(String kind) {
        String shown = kind.length() > 40 ? kind.substring(0, 40) : kind;
        return new ImportRequestException(
                ErrorCode.IMPORT_KIND_UNKNOWN,
                ErrorCode.IMPORT_KIND_UNKNOWN.title() + "（收到：" + shown + "）",
                List.of(new Problem.FieldError("kind", "须为 PHARMACIES 或 DRUGS")));
    }

    static ImportRequestException dryRun() {
        return new ImportRequestException(
                ErrorCode.MALFORMED_REQUEST,
                "dryRun 须为 true 或 false",
                List.of(new Problem.FieldError("dryRun", "须为 true 或 false")));
    }

    static ImportRequestException empty(String detail) {
        return new ImportRequestException(
                ErrorCode.IMPORT_FILE_EMPTY, detail, List.of(new Problem.FieldError("file", detail)));
    }

    static ImportRequestException tooLarge(long maxBytes) {
        String detail = "导入文件不超过" + (maxBytes / (1024 * 1024)) + "MB，请分成几个文件导入";
        return new ImportRequestException(
                ErrorCode.IMPORT_FILE_TOO_LARGE, detail, List.of(new Problem.FieldError("file", detail)));
    }

    static ImportRequestException unsupported() {
        return new ImportRequestException(
                ErrorCode.IMPORT_FILE_UNSUPPORTED,
                ErrorCode.IMPORT_FILE_UNSUPPORTED.title(),
                List.of(new Problem.FieldError("file", "文件类型不支持、已损坏或已加密")));
    }

    /** Names every missing and every unknown column, so one look at the answer says what to fix. */
    static ImportRequestException headers(List<String> missing, List<String> unknown) {
        List<String> parts = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("缺少列：" + String.join("、", missing));
            missing.forEach(m -> errors.add(new Problem.FieldError("file", "缺少列「" + m + "」")));
        }
        if (!unknown.isEmpty()) {
            parts.add("模板中没有的列：" + String.join("、", unknown));
            unknown.forEach(u -> errors.add(new Problem.FieldError("file", "模板中没有列「" + u + "」")));
        }
        return new ImportRequestException(
                ErrorCode.IMPORT_HEADERS_MISMATCH, "表头与导入模板不一致，" + String.join("；", parts) + "。请下载模板并按模板的列填写", errors);
    }

    static ImportRequestException errorsExpired() {
        return new ImportRequestException(
                ErrorCode.IMPORT_ERRORS_EXPIRED, ErrorCode.IMPORT_ERRORS_EXPIRED.title(), List.of());
    }

    static ImportRequestException errorsNotReady() {
        return new ImportRequestException(
                ErrorCode.IMPORT_ERRORS_NOT_READY, ErrorCode.IMPORT_ERRORS_NOT_READY.title(), List.of());
    }
}
