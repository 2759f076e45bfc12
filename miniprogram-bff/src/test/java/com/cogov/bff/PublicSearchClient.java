package com.cogov.bff;

import com.cogov.api.web.PublicSearchOperations;
import io.micronaut.http.client.annotation.Client;

/** 药店查询 and 药品查询 as the mini-program calls them: the interface PublicSearchController serves. */
@Client("/mp/v1/public")
interface PublicSearchClient extends PublicSearchOperations {}
