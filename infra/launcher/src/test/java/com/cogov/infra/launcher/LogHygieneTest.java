package com.cogov.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.buyer.TestPersonalData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Personal data never reaches a log unmasked. This module builds after the apps, so by now every module's tests
 * have run and left their output (logs included) in target/surefire-reports; the personal values those tests fed
 * through the system must not appear in any of it.
 */
class LogHygieneTest {

    @Test
    void noTestLogHoldsAnUnmaskedPhoneNameOrIdNumber() throws IOException {
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        List<Path> outputs = new ArrayList<>();
        for (String module : List.of("api", "miniprogram-bff", "portal", "infra/dev-services")) {
            Path reports = root.resolve(module).resolve("target/surefire-reports");
            if (Files.isDirectory(reports)) {
                try (Stream<Path> files = Files.list(reports)) {
                    files.filter(f -> f.getFileName().toString().endsWith("-output.txt"))
                            .forEach(outputs::add);
                }
            }
        }
        assertThat(outputs)
                .as("test output of the app modules (run the whole build: ./mvnw verify)")
                .isNotEmpty();
        for (Path output : outputs) {
            String log = Files.readString(output, StandardCharsets.UTF_8);
            for (String value : TestPersonalData.values()) {
                assertThat(log)
                        .as("%s must not contain a test person's personal data", root.relativize(output))
                        .doesNotContain(value);
            }
            assertThat(TestPersonalData.findResidentId(log))
                    .as("%s must not contain a resident ID number", root.relativize(output))
                    .isEmpty();
        }
    }
}
