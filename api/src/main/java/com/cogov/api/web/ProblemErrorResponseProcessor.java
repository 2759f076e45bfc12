package com.cogov.api.web;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.CogovException;
import com.cogov.api.shared.ServiceBusyException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.sql.SQLTransactionRollbackException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single place every error answer of both apps is made, so that all of them (our own rejections, validation,
 * unknown routes, wrong methods and media types, malformed or oversized bodies, and bugs) share one
 * problem+json shape. Internals never reach the body: a 5xx says only that something failed and gives the trace id.
 */
@Singleton
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    private final Actors actors;
    private final BeanProvider<AuditService> audit;

    // The audit trail is looked up lazily: error answers must still work while its database is unreachable.
    ProblemErrorResponseProcessor(Actors actors, BeanProvider<AuditService> audit) {
        this.actors = actors;
        this.audit = audit;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        String traceId = TraceIds.of(context.getRequest()).orElse(null);
        Optional<Throwable> cause = context.getRootCause().map(ProblemErrorResponseProcessor::busyWhenRolledBack);
        Problem problem = cause.filter(CogovException.class::isInstance)
                .map(CogovException.class::cast)
                .map(e -> Problem.of(e.code(), e.getMessage(), e.fieldErrors(), traceId))
                .orElseGet(() -> fromFramework(context, response.status(), traceId));
        // A browser's cross-origin attempt is not a permission decision about a user, and anyone can send any number.
        if (problem.status() == 403 && !ErrorCode.CROSS_ORIGIN_REFUSED.name().equals(problem.code())) {
            auditDenial(context);
        }
        if (problem.status() >= 500 && cause.isEmpty()) {
            LOG.error(
                    "Request {} {} answered {} [traceId={}]",
                    context.getRequest().getMethod(),
                    context.getRequest().getPath(),
                    problem.status(),
                    traceId);
        }
        response.status(problem.status()).contentType(Problem.MEDIA_TYPE);
        cause.filter(CogovException.class::isInstance)
                .flatMap(e -> ((CogovException) e).retryAfter())
                .ifPresent(wait ->
                        response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds()))));
        return response.body(context.getRequest().getMethod() == HttpMethod.HEAD ? null : problem);
    }

    private static Problem fromFramework(ErrorContext context, HttpStatus status, String traceId) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException violations) {
            List<Problem.FieldError> errors = violations.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return Problem.of(ErrorCode.VALIDATION_FAILED, "有 " + errors.size() + " 处填写不符合要求", errors, traceId);
        }
        if (cause instanceof UnsatisfiedBodyRouteException) {
            return Problem.of(ErrorCode.MISSING_PARAMETER, "缺少请求内容", List.of(), traceId);
        }
        if (cause instanceof UnsatisfiedRouteException missing) {
            return missingParameter(missing.getArgument().getName(), traceId);
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return missingParameter(missing.getArgument().getName(), traceId);
        }
        if (cause instanceof ConversionErrorException conversion) {
            String name = conversion.getArgument().getName();
            return Problem.of(
                    ErrorCode.MALFORMED_REQUEST,
                    "参数 " + name + " 的格式或类型不正确",
                    List.of(new Problem.FieldError(name, "格式或类型不正确")),
                    traceId);
        }
        ErrorCode code = switch (status.getCode()) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            // A multipart upload is a photo (ImageUpload), except the portal's spreadsheet imports: say which limit.
            case 413 ->
                !isMultipart(context)
                        ? ErrorCode.PAYLOAD_TOO_LARGE
                        : context.getRequest().getPath().startsWith("/portal/v1/imports")
                                ? ErrorCode.IMPORT_FILE_TOO_LARGE
                                : ErrorCode.UPLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status.getCode() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
        return Problem.of(code, null, List.of(), traceId);
    }

    /**
     * A transaction the database rolled back after a lock wait timeout or to break a deadlock did nothing: every write
     * is atomic and a registration's retry is idempotent, so the caller is told to retry (503, Retry-After), not that
     * something broke.
     */
    private static Throwable busyWhenRolledBack(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return new ServiceBusyException();
            }
        }
        return cause;
    }

    private static boolean isMultipart(ErrorContext context) {
        return context.getRequest()
                .getContentType()
                .filter(type -> MediaType.MULTIPART_FORM_DATA_TYPE.getName().equals(type.getName()))
                .isPresent();
    }

    /** Every permission denial is a security event the trail must hold. */
    private void auditDenial(ErrorContext context) {
        try {
            audit.get()
                    .record(
                            actors.of(context.getRequest()),
                            "access.denied",
                            "route",
                            context.getRequest().getMethodName() + " "
                                    + context.getRequest().getPath(),
                            AuditOutcome.DENIED,
                            Map.of());
        } catch (RuntimeException e) {
            LOG.error(
                    "Could not audit a permission denial [traceId={}]: {}",
                    TraceIds.of(context.getRequest()).orElse(null),
                    e.toString());
        }
    }

    private static Problem missingParameter(String name, String traceId) {
        return Problem.of(
                ErrorCode.MISSING_PARAMETER, "缺少参数 " + name, List.of(new Problem.FieldError(name, "必填")), traceId);
    }

    /** {@code items[0].quantity} for a violation inside a request body; the parameter name for a plain argument. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? String.valueOf(parameter) : field.toString();
    }
}
