package com.cogov.api.file;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where files are kept.
 *
 * @param store which object store: {@code local} (a directory; the embedded default and single-node installs)
 * @param root  the local store's directory
 * @param cleanupInterval how often expired files are removed (on one node)
 */
@ConfigurationProperties("cogov.files")
record FileConfiguration(
        @Bindable(defaultValue = "local") String store,
        @Bindable(defaultValue = ".devdata/files") Path root,
        @Bindable(defaultValue = "15m") Duration cleanupInterval) {}
