package com.cogov.api.complaint;

import com.cogov.api.throttle.ThrottleService;
import jakarta.inject.Singleton;

/**
 * Per-address and per-case limits in fixed windows, shared by all nodes (the throttle piece). If Redis is down the
 * limits are not applied: the public could not file at all otherwise, and a query code of 50 random bits is not
 * guessed in the minutes of an outage.
 */
@Singleton
class ComplaintThrottle {

    private final ThrottleService throttles;
    private final ComplaintConfiguration config;

    ComplaintThrottle(ThrottleService throttles, ComplaintConfiguration config) {
        this.throttles = throttles;
        this.config = config;
    }

    /** Counts a web filing from the address; refuses it past the limit. */
    void filing(String address) {
        ThrottleService.Count filings = throttles.hit("complaint:filing:" + address, config.filingWindow());
        if (filings.count() > config.filingsPerAddress()) {
            throw ComplaintThrottledException.filings(filings.retryAfter());
        }
    }

    /** Counts a web upload from the address: as many as the filings allowed could use. */
    void upload(String address) {
        ThrottleService.Count uploads = throttles.hit("complaint:upload:" + address, config.filingWindow());
        if (uploads.count() > (long) config.filingsPerAddress() * config.attachmentsPerCase()) {
            throw ComplaintThrottledException.filings(uploads.retryAfter());
        }
    }

    /** Refuses a lookup when the address or the case has had too many wrong codes in this window. */
    void beforeLookup(String address, String trackingNumber) {
        ThrottleService.Count byAddress = throttles.peek(addressKey(address), config.lookupWindow());
        if (byAddress.count() >= config.lookupsPerAddress()
                || throttles
                                .peek(caseKey(trackingNumber), config.lookupWindow())
                                .count()
                        >= config.lookupsPerCase()) {
            throw ComplaintThrottledException.lookups(byAddress.retryAfter());
        }
    }

    /** Counts a wrong code (or an unknown number) against the address and the number. */
    void wrongCode(String address, String trackingNumber) {
        throttles.hit(addressKey(address), config.lookupWindow());
        throttles.hit(caseKey(trackingNumber), config.lookupWindow());
    }

    private static String addressKey(String address) {
        return "complaint:lookup:address:" + address;
    }

    private static String caseKey(String trackingNumber) {
        return "complaint:lookup:case:" + trackingNumber;
    }
}
