package com.cogov.bff;

import com.cogov.api.web.CatalogOperations;
import com.cogov.api.web.DistrictOperations;
import io.micronaut.http.client.annotation.Client;

/** The public lookups as the mini-program calls them: the interfaces the app's controllers serve. */
@Client("/mp/v1")
interface LookupClient extends CatalogOperations, DistrictOperations {}
