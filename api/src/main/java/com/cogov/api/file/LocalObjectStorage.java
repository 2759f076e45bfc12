package com.cogov.api.file;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Objects as files in one directory ({@code cogov.files.root}), spread over 256 sub-directories by the key's first two
 * characters. Keys are ours and checked against their alphabet, so nothing can name a path outside the root.
 */
@Singleton
@Requires(property = "cogov.files.store", value = "local", defaultValue = "local")
class LocalObjectStorage implements ObjectStorage {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");

    private final Path root;

    LocalObjectStorage(FileConfiguration config) {
        this.root = config.root().toAbsolutePath().normalize();
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        // Written beside its place and moved in whole, so a reader never sees half a file.
        Path partial = target.resolveSibling(key + ".partial");
        try {
            long size = Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
