package com.cogov.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** This node's copies: each lives its own lifetime, and a flood of one-off keys does not push out the busy ones. */
class LocalCopiesTest {

    @Test
    void eachCopyLivesItsOwnLifetime() {
        LocalCopies<String, String> copies = new LocalCopies<>(100);
        copies.put("kept", "a", Duration.ofHours(1));
        copies.put("gone", "b", Duration.ZERO);
        assertThat(copies.get("kept")).isEqualTo("a");
        assertThat(copies.get("gone")).isNull();
        copies.clear();
        assertThat(copies.get("kept")).isNull();
    }

    @Test
    void aFloodOfOneOffKeysDoesNotEmptyTheCopiesOfBusyOnes() {
        LocalCopies<String, String> copies = new LocalCopies<>(1_000);
        for (int clerk = 0; clerk < 100; clerk++) {
            copies.put("clerk-" + clerk, "active", Duration.ofHours(1));
        }
        for (int round = 0; round < 5; round++) { // the counters' requests come back again and again
            for (int clerk = 0; clerk < 100; clerk++) {
                copies.get("clerk-" + clerk);
            }
        }
        for (int citizen = 0; citizen < 50_000; citizen++) { // each signs in once
            copies.put("citizen-" + citizen, "active", Duration.ofHours(1));
        }
        long kept = java.util.stream.IntStream.range(0, 100)
                .filter(clerk -> copies.get("clerk-" + clerk) != null)
                .count();
        assertThat(kept)
                .as("most busy copies survive (emptying the map when full kept none)")
                .isGreaterThanOrEqualTo(80);
    }
}
