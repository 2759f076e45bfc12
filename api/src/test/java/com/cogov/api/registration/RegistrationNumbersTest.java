package com.cogov.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.shared.CityConfiguration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegistrationNumbersTest {

    private static final CityConfiguration CITY = new CityConfiguration("420100", ZoneId.of("Asia/Shanghai"));
    private static final Instant NOV_21_0930_CHINA = Instant.parse("2026-11-21T01:30:00Z");

    @Test
    void aNumberIsTheChinaDayNineRandomDigitsAndACheckDigit() {
        RegistrationNumbers numbers = new RegistrationNumbers(CITY);
        String number = numbers.next(NOV_21_0930_CHINA);
        assertThat(number).matches("DJ20261121\\d{10}");
        assertThat(RegistrationNumbers.isWellFormed(number)).isTrue();
        // 23:30 UTC is already the next day in China
        assertThat(numbers.next(Instant.parse("2026-11-21T23:30:00Z"))).startsWith("DJ20261122");
    }

    @Test
    void successiveNumbersAreNeitherConsecutiveNorInOrder() {
        RegistrationNumbers numbers = new RegistrationNumbers(CITY);
        List<Long> serials = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            serials.add(Long.parseLong(numbers.next(NOV_21_0930_CHINA).substring(10, 19)));
        }
        assertThat(new HashSet<>(serials)).hasSize(1000);
        int rising = 0;
        for (int i = 1; i < serials.size(); i++) {
            rising += serials.get(i) > serials.get(i - 1) ? 1 : 0;
            assertThat(Math.abs(serials.get(i) - serials.get(i - 1)))
                    .as("sale %d after %d", i, i - 1)
                    .isGreaterThan(1000);
        }
        // an order would show as (nearly) all rising; random draws rise about half the time
        assertThat(rising).isBetween(400, 600);
        // spread over the whole range: the first thousand say nothing about how many came before
        assertThat(serials.stream().mapToLong(Long::longValue).max().orElseThrow()
                        - serials.stream().mapToLong(Long::longValue).min().orElseThrow())
                .isGreaterThan(900_000_000L);
    }

    @Test
    void theCheckDigitCatchesAnyOneDigitMisreadAndAnySwapOfNeighbours() {
        String number = new RegistrationNumbers(new Random(7), CITY).next(NOV_21_0930_CHINA);
        char[] digits = number.toCharArray();
        for (int i = 2; i < digits.length; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != number.charAt(i)) {
                    char[] misread = digits.clone();
                    misread[i] = d;
                    assertThat(RegistrationNumbers.isWellFormed(new String(misread)))
                            .as("%s with position %d read as %c", number, i, d)
                            .isFalse();
                }
            }
        }
        for (int i = 2; i < digits.length - 1; i++) {
            if (digits[i] != digits[i + 1]) {
                char[] swapped = digits.clone();
                swapped[i] = digits[i + 1];
                swapped[i + 1] = digits[i];
                assertThat(RegistrationNumbers.isWellFormed(new String(swapped)))
                        .as("%s with %d and %d swapped", number, i, i + 1)
                        .isFalse();
            }
        }
        assertThat(RegistrationNumbers.isWellFormed("DJ2026112148301927５6")).isFalse();
        assertThat(RegistrationNumbers.isWellFormed(null)).isFalse();
    }
}
