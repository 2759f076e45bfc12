package com.cogov.infra.load;

import java.util.Map;

/**
 * One measured scenario: what wrk (or the JDBC baseline) saw.
 *
 * @param errors   socket errors, timeouts and answers other than 2xx: each one is a request a user saw fail
 * @param statuses answers by HTTP status (the JDBC baseline has none)
 * @param distinct registrations: distinct sale numbers answered (a retry answers an earlier number)
 * @param tripped  registrations: new sales answered with a rule's warning
 * @param retries  registrations: requests that repeated an earlier key and body
 */
record Measurement(
        String name,
        long requests,
        double seconds,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        long errors,
        Map<String, Long> statuses,
        long distinct,
        long tripped,
        long retries) {

    double throughput() {
        return requests / seconds;
    }
}
