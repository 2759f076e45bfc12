package com.cogov.api.export;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** An export asked for in a way that cannot be made: an unknown kind or format, a filter that is not flat. */
public final class ExportRequestException extends CogovException {

    private ExportRequestException(ErrorCode code, String detail, String field) {
        super(code, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static ExportRequestException kind(String kind) {
        return new ExportRequestException(
                ErrorCode.EXPORT_KIND_UNKNOWN, ErrorCode.EXPORT_KIND_UNKNOWN.title() + "：" + clip(kind), "kind");
    }

    static ExportRequestException format() {
        return new ExportRequestException(
                ErrorCode.EXPORT_FORMAT_UNKNOWN, ErrorCode.EXPORT_FORMAT_UNKNOWN.title(), "format");
    }

    static ExportRequestException filterValue(String name) {
        return new ExportRequestException(
                ErrorCode.QUERY_PARAMETER_INVALID, "筛选条件的值须为文本、数字或 true/false，不能是对象或列表", "filter." + clip(name));
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) : text;
    }
}
