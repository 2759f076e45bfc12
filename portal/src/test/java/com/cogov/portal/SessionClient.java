package com.cogov.portal;

import com.cogov.api.web.SessionOperations;
import io.micronaut.http.client.annotation.Client;

/** The session routes as the web front end calls them: the same interface the app's AuthController serves. */
@Client("/portal/v1")
interface SessionClient extends SessionOperations {}
