package com.cogov.portal;

import com.cogov.api.web.PublicSearchOperations;
import io.micronaut.http.client.annotation.Client;

/** 药店查询 and 药品查询 as the public web calls them: the interface PublicSearchController serves. */
@Client("/portal/v1/public")
interface PublicSearchClient extends PublicSearchOperations {}
