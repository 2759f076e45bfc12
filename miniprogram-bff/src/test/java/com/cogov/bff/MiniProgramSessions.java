package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationView;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What the mini-program does over HTTP, for the tests: sign in, call with a token, read a refusal. */
final class MiniProgramSessions {

    private final HttpClient client;

    MiniProgramSessions(HttpClient client) {
        this.client = client;
    }

    /** Signs in through the fake WeChat API's {@code demo:<openid>} codes. */
    Tokens signIn(String openid) {
        return client.toBlocking()
                .retrieve(HttpRequest.POST("/mp/v1/auth/wechat", Map.of("code", "demo:" + openid)), Tokens.class);
    }

    <T> T call(MutableHttpRequest<?> request, Tokens tokens, Class<T> type) {
        return client.toBlocking().retrieve(request.bearerAuth(tokens.accessToken()), type);
    }

    <T> T call(MutableHttpRequest<?> request, Tokens tokens, Argument<T> type) {
        return client.toBlocking().retrieve(request.bearerAuth(tokens.accessToken()), type);
    }

    /** A page of the pharmacy's registrations, as {@code GET /mp/v1/registrations} answers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Argument<Page<RegistrationView>> REGISTRATIONS =
            (Argument) Argument.of(Page.class, RegistrationView.class);

    /** The status of a refused request (fails if it succeeded). */
    int refusedWithAnyOf(MutableHttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
        assertThat(e)
                .as("%s %s must be refused", request.getMethod(), request.getPath())
                .isNotNull();
        return e.getStatus().getCode();
    }

    /** The problem of a call through a declarative client that must be refused with the status. */
    static Problem refused(ThrowingCallable call, int status) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, call);
        assertThat(e).as("expected %d", status).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(status);
        return e.getResponse().getBody(Problem.class).orElseThrow();
    }

    Problem refused(MutableHttpRequest<?> request, int status) {
        HttpClientResponseException e = catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
        assertThat(e)
                .as("expected %d for %s %s", status, request.getMethod(), request.getPath())
                .isNotNull();
        assertThat(e.getStatus().getCode())
                .as("%s %s", request.getMethod(), request.getPath())
                .isEqualTo(status);
        return e.getResponse().getBody(Problem.class).orElseThrow();
    }
}
