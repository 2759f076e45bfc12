package com.cogov.infra.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Front-end teams build against the OpenAPI documents committed in {@code contracts}. An app's test calls
 * {@link #assertUnchanged} so that an API change that was not published there fails the build.
 */
public final class OpenApiContract {

    private OpenApiContract() {}

    /**
     * @param generated the document the annotation processor wrote, as a classpath resource
     * @param published the committed document's file name under contracts/src/main/resources/openapi
     */
    public static void assertUnchanged(String generated, String published) {
        String actual = read(generated);
        Path committed = Path.of("..", "contracts", "src", "main", "resources", "openapi", published);
        String expected;
        try {
            expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!normalise(actual).equals(normalise(expected))) {
            Path fresh = Path.of("target", "openapi", published);
            try {
                Files.createDirectories(fresh.getParent());
                Files.writeString(fresh, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError("The API differs from the published contract " + committed.normalize()
                    + ". If the change is intended, publish it: cp " + fresh.toAbsolutePath() + " "
                    + committed.toAbsolutePath().normalize() + " and tell the front-end teams.");
        }
    }

    private static String read(String resource) {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("No generated OpenAPI document at " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String yaml) {
        return yaml.replace("\r\n", "\n").strip();
    }
}
