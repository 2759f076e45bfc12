package com.cogov.portal;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The app's one clock, set by a test to a time of day (opening hours past midnight), and back to the real time.
 * Only in the context of the test that asks for it (spec.name).
 */
final class ShiftableClock extends Clock {

    private volatile Instant fixed;

    void set(Instant now) {
        fixed = now;
    }

    void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant now = instant();
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }

    @Factory
    @Requires(property = "spec.name", value = PublicSearchTest.SPEC)
    static class Installed {

        static final ShiftableClock CLOCK = new ShiftableClock();

        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return CLOCK;
        }
    }
}
