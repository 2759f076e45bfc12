package com.cogov.portal;

import com.cogov.api.web.CatalogOperations;
import com.cogov.api.web.DistrictOperations;
import io.micronaut.http.client.annotation.Client;

/** The public lookups as the web front end calls them: the interfaces PublicQueryController serves. */
@Client("/portal/v1/public")
interface PublicLookupClient extends CatalogOperations, DistrictOperations {}
