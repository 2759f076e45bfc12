package com.cogov.api.web;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;

/**
 * Netty's multipart decoder gave up on the upload's envelope: a part without a name (it fails with a
 * NullPointerException inside), a broken boundary or part header. That is the client's request, not a bug: 400.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
class MalformedMultipartHandler
        implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {

    private final CogovExceptionHandler problems;

    MalformedMultipartHandler(CogovExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return problems.handle(
                request, new CogovException(ErrorCode.MALFORMED_REQUEST, "上传的表单无法解析：每一部分都须有名称（照片放在 image 字段），请重新上传"));
    }
}
