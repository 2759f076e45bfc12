package com.cogov.infra.dev;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rule for the runnable apps (docs/architecture.md): controllers, config and channel glue only. Persistence, Redis
 * and WeChat are reached through the business core's feature entries, never directly.
 */
public final class AppArchitecture {

    private AppArchitecture() {}

    public static void assertThin(String appPackage) {
        JavaClasses app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(appPackage);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "io.micronaut.data..",
                        "org.redisson..",
                        "cn.binarywang..",
                        "me.chanjar..",
                        "com.cogov.infra..")
                .because("apps are thin: business code and integrations live in the api module")
                .check(app);
    }
}
