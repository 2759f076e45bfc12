package com.cogov.bff;

import com.cogov.api.web.SessionOperations;
import io.micronaut.http.client.annotation.Client;

/** The session routes as the mini-program calls them: the same interface the app's AuthController serves. */
@Client("/mp/v1")
interface SessionClient extends SessionOperations {}
