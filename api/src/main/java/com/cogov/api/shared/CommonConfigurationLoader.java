package com.cogov.api.shared;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;
import java.util.Optional;

/**
 * Loads {@code cogov-common.yml} (in this module) beneath each app's {@code application.yml}: the settings both apps
 * share (security, datasource, Flyway, serde, management and health, server limits, cogov defaults) are written once
 * there, and an app's own file keeps only what differs (its name, its ports, the BFF's registration policy and
 * executors). The app's file, its environment files ({@code application-prod.yml}) and the environment itself all
 * win over the common file. Registered as a Micronaut {@code PropertySourceLoader} service, so it applies wherever the
 * core runs, the core's own tests included.
 */
public final class CommonConfigurationLoader extends YamlPropertySourceLoader {

    /** The shared file's name, without extension. */
    public static final String NAME = "cogov-common";

    /** Just beneath application.yml (and, per environment, beneath application-{env}.yml). */
    private static final int POSITION = DEFAULT_POSITION - 50;

    @Override
    public int getOrder() {
        return POSITION;
    }

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        return isApplication(resourceName) ? super.load(NAME, resourceLoader) : Optional.empty();
    }

    @Override
    public Optional<PropertySource> loadEnv(
            String resourceName, ResourceLoader resourceLoader, ActiveEnvironment activeEnvironment) {
        // No per-environment common files: environment overrides stay in each app's application-{env}.yml.
        return Optional.empty();
    }

    private static boolean isApplication(String resourceName) {
        return Environment.DEFAULT_NAME.equals(resourceName);
    }
}
