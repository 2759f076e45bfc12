package com.cogov.api.contentcheck;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;

/** A text the content check refuses (WeChat's {@code risky}, or a risky word of the local list): 422. */
public class ContentRiskyException extends CogovException {

    private ContentRiskyException(String detail) {
        super(ErrorCode.CONTENT_RISKY, detail);
    }

    static ContentRiskyException in(String field, @Nullable String keyword) {
        return new ContentRiskyException(
                keyword == null
                        ? field + "含有不宜发布的内容，请删去涉及违法违规、辱骂攻击或低俗的表述，如实陈述事实后重新提交"
                        : field + "含有不宜发布的内容「" + keyword + "」，请删去或改写这部分后重新提交");
    }
}
