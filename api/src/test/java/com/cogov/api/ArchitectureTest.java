package com.cogov.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries of docs/architecture.md, for the business core. A feature is a package under com.cogov.api; it shows
 * the others one entry (a *Service or *Operations) with its value types (records, enums), its named exceptions and
 * events, and nothing else. Which feature
 * may use which is stated here, so that a new edge is a reviewed change to this table.
 */
class ArchitectureTest {

    private static final String CORE = "com.cogov.api";
    /** Not features: the few truly common pieces, and the HTTP glue both apps share (which may call feature entries). */
    private static final Set<String> COMMON = Set.of("shared", "web");
    /** feature -> the features it may call (besides shared). A feature missing here fails the build. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "account", Set.of("audit", "pharmacy", "privacy"),
            "audit", Set.of(),
            "buyer", Set.of("audit", "privacy"),
            "catalog", Set.of("audit"), // reports of unknown barcodes are changes, and every change is audited
            "pharmacy", Set.of("audit", "privacy"),
            "privacy", Set.of("audit"),
            "registration", Set.of("audit", "buyer", "catalog", "privacy"));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void everyFeatureHasDeclaredEdgesAndUsesNoOtherFeature() {
        classes().that().resideInAPackage(CORE + "..")
                .should(onlyUseAllowedFeatures())
                .check(CLASSES);
    }

    @Test
    void featuresExposeOnlyTheirEntryExceptionsEventsAndValueTypes() {
        classes().that().resideInAPackage(CORE + "..").and().arePublic().and().areTopLevelClasses()
                .and().haveNameNotMatching(".*\\.\\$.*") // Micronaut's generated bean definitions
                .and().resideOutsideOfPackages(CORE + ".shared..", CORE + ".web..")
                .and().areNotRecords().and().areNotEnums() // the entry's value types; entities are checked below
                .should().haveSimpleNameEndingWith("Service")
                .orShould().haveSimpleNameEndingWith("Operations")
                .orShould().haveSimpleNameEndingWith("Exception")
                .orShould().haveSimpleNameEndingWith("Event")
                .check(CLASSES);
    }

    @Test
    void entitiesAndRepositoriesStayInsideTheirFeature() {
        classes().that().areAnnotatedWith(MappedEntity.class).or().areAnnotatedWith(JdbcRepository.class)
                .should().notBePublic()
                .check(CLASSES);
    }

    @Test
    void onlyTheWebGlueKnowsHttp() {
        noClasses().that().resideInAPackage(CORE + "..").and().resideOutsideOfPackage(CORE + ".web..")
                .should().dependOnClassesThat().resideInAPackage("io.micronaut.http..")
                .check(CLASSES);
    }

    @Test
    void sharedDependsOnNoFeature() {
        noClasses().that().resideInAPackage(CORE + ".shared..")
                .should().dependOnClassesThat(featureClass())
                .check(CLASSES);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> featureClass() {
        return com.tngtech.archunit.base.DescribedPredicate.describe("belong to a feature",
                c -> feature(c).filter(f -> !COMMON.contains(f)).isPresent());
    }

    private static ArchCondition<JavaClass> onlyUseAllowedFeatures() {
        return new ArchCondition<>("only use the features allowed in ArchitectureTest.ALLOWED") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = feature(item).filter(f -> !COMMON.contains(f));
                if (own.isEmpty()) {
                    return;
                }
                if (!ALLOWED.containsKey(own.get())) {
                    events.add(SimpleConditionEvent.violated(item, "feature '" + own.get()
                            + "' has no entry in ArchitectureTest.ALLOWED: declare which features it may use"));
                    return;
                }
                item.getDirectDependenciesFromSelf().forEach(dependency -> feature(dependency.getTargetClass())
                        .filter(target -> !COMMON.contains(target) && !target.equals(own.get()))
                        .filter(target -> !ALLOWED.get(own.get()).contains(target))
                        .ifPresent(target -> events.add(SimpleConditionEvent.violated(item,
                                dependency.getDescription() + " crosses from '" + own.get() + "' into '" + target + "'"))));
            }
        };
    }

    private static Optional<String> feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(CORE + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(CORE.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
